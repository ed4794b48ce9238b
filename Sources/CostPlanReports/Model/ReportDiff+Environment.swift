import CostPlan
import Foundation

extension ReportDiff {
    /// One environment tier (matched by name) before and after, with every component of either side.
    public struct Environment: Sendable {
        public let name: String
        /// The environment in the base report; nil when added.
        public let base: Report.Environment?
        /// The environment in the head report; nil when removed.
        public let head: Report.Environment?
        /// Every component of either side (unchanged ones included), head order, each removed one
        /// where it stood.
        public let components: [Component]
        /// The components added, removed or changed, in the same order.
        public let changedComponents: [Component]
        /// Environment-level settings that differ (`region`, `hours_per_month`, `demand.peak_rps`,
        /// … — see `Report.Environment.diffSettings`), sorted by field path; empty for an
        /// environment added or removed. A demand change re-derives the counts of components with
        /// a `capacity:` block: this is why their cost moves while their own settings do not.
        public let settingChanges: [FieldChange]
        /// Every capacity warning of either side, paired by component and field (unchanged ones
        /// included).
        public let warningChanges: [WarningChange]
        /// Monthly totals before and after: exactly each side's `Report.Environment.monthly`.
        public let cost: CostChange
        public let status: ChangeStatus

        /// The region (the head's when present).
        public var region: String { (head ?? base)!.region }

        /// The charges of added, changed or removed components that cannot be priced (the head's,
        /// or the base's for a removed component): what makes this environment's change not fully known.
        public var unpricedChanges: [UnpricedItem] {
            changedComponents.flatMap { c in (c.head ?? c.base)?.unpriced ?? [] }
        }

        /// The capacity warnings a change brought, changed or resolved (not the unchanged ones).
        public var changedWarnings: [WarningChange] { warningChanges.filter { $0.status != .unchanged } }

        init(name: String, base: Report.Environment?, head: Report.Environment?) {
            self.name = name
            self.base = base
            self.head = head
            func index(_ side: Report.Environment?) -> [String: Report.Component] {
                Dictionary((side?.components ?? []).map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
            }
            let before = index(base), after = index(head)
            components = mergedOrder(base: base?.components.map(\.id) ?? [], head: head?.components.map(\.id) ?? [])
                .map { Component(id: $0, base: before[$0], head: after[$0]) }
            changedComponents = components.filter { $0.status != .unchanged }
            if let base, let head {
                // An empty side has no resources to move: its region is only a default (a new stack
                // outside us-east-1 must not read `us-east-1 → eu-west-1`).
                let emptySide = base.components.isEmpty || head.components.isEmpty
                settingChanges = Component.fieldChanges(base.diffSettings, head.diffSettings)
                    .filter { !(emptySide && $0.field == "region") }
            } else {
                settingChanges = []
            }
            warningChanges = WarningChange.pair(base?.warnings ?? [], head?.warnings ?? [])
            cost = CostChange(before: base?.monthly ?? .zero, after: head?.monthly ?? .zero)
            status = ChangeStatus.of(base: base != nil, head: head != nil, differs: !cost.isZero || !changedComponents.isEmpty
                || !settingChanges.isEmpty || warningChanges.contains { $0.status != .unchanged })
        }
    }
}

extension Report.Environment {
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

extension ReportDiff.Environment {
    /// The environment-level settings whose change moves every component that inherits them.
    static let inheritedFields: Set<String> = ["region", "hours_per_month"]

    /// `component`'s setting changes without those that only repeat this environment's own
    /// `region` or `hours_per_month` change (a report shows that once, under the environment).
    /// A component that sets its own region or hours keeps its own change.
    public func ownFieldChanges(_ component: ReportDiff.Component) -> [FieldChange] {
        let inherited = Set(settingChanges.filter { Self.inheritedFields.contains($0.field) })
        return component.fieldChanges.filter { !inherited.contains($0) }
    }
}
