import Foundation

extension Environment {
    /// The environment-level settings a diff compares, flattened like a component's
    /// (`region`, `hours_per_month`, `demand.peak_rps`, …), as priced: the region and hours the
    /// environment resolves to, and its demand as read (an `average_rps` the plan leaves out is
    /// `peak_rps`, its default; an optional demand field that is not given is absent).
    var diffSettings: [String: String] {
        var settings = ["region": region, "hours_per_month": Money.plain(hoursPerMonth)]
        if let demand {
            settings["demand.peak_rps"] = Money.plain(demand.peakRPS)
            settings["demand.average_rps"] = Money.plain(demand.averageRPS)
            settings["demand.peak_read_rps"] = demand.peakReadRPS.map(Money.plain)
            settings["demand.egress_gb"] = demand.egressGB.map(Money.plain)
            settings["demand.working_set_gb"] = demand.workingSetGB.map(Money.plain)
        }
        return settings
    }
}

extension EnvironmentDiff {
    /// The environment-level settings whose change moves every component that inherits them.
    static let inheritedFields: Set<String> = ["region", "hours_per_month"]

    /// `component`'s setting changes without those that only repeat this environment's own
    /// `region` or `hours_per_month` change (a report shows that once, under the environment).
    /// A component that sets its own region or hours keeps its own change.
    public func ownFieldChanges(_ component: ComponentDiff) -> [FieldChange] {
        let inherited = Set(settingChanges.filter { Self.inheritedFields.contains($0.field) })
        return component.fieldChanges.filter { !inherited.contains($0) }
    }
}
