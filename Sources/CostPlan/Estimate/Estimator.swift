import Foundation

/// Prices a `Plan` against a `PriceCatalog`: every component of every environment at the min,
/// desired and max points of its scaling ranges. Pure: no I/O, no rounding.
public struct Estimator: Sendable {
    public let catalog: any PriceCatalog

    public init(catalog: any PriceCatalog) {
        self.catalog = catalog
    }

    /// The estimate of `plan` (only the environments in `only`, when given).
    /// Throws `EstimateError` listing every rate that is missing (each once).
    public func estimate(_ plan: Plan, only: Set<String>? = nil) throws -> Estimate {
        var failures: [(where: String, error: PricingError)] = []
        var environments: [EnvironmentEstimate] = []
        for environment in plan.environments where only?.contains(environment.name) ?? true {
            var components: [ComponentEstimate] = []
            for component in environment.components {
                let context = PricingContext(catalog: catalog, region: component.region, hours: component.hoursPerMonth)
                do {
                    var items: [Scenario: [LineItem]] = [:]
                    for scenario in Scenario.allCases {
                        items[scenario] = try component.spec.lineItems(context, at: scenario)
                    }
                    components.append(ComponentEstimate(
                        id: component.id, type: component.type, region: component.region,
                        hoursPerMonth: component.hoursPerMonth, description: component.description, lineItems: items))
                } catch let error as PricingError {
                    failures.append(("environments.\(environment.name).components.\(component.id)", error))
                }
            }
            environments.append(EnvironmentEstimate(
                name: environment.name, region: environment.region, hoursPerMonth: environment.hoursPerMonth,
                description: environment.description, referenceEstimate: environment.referenceEstimate,
                components: components))
        }
        if !failures.isEmpty { throw EstimateError(file: plan.file, failures: failures) }
        return Estimate(planName: plan.name, planDescription: plan.description, environments: environments,
                        pricing: catalog.snapshot)
    }
}

/// Rates the plan needs that the catalog lacks: each named once, with the components needing it.
public struct EstimateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var failures: [(where: String, error: PricingError)]

    public var description: String {
        var seen: [PricingError: [String]] = [:]
        var order: [PricingError] = []
        for (place, error) in failures {
            if seen[error] == nil { order.append(error) }
            seen[error, default: []].append(place)
        }
        let lines = order.map { error in
            let places = seen[error]!
            let shown = places.prefix(3).joined(separator: ", ") + (places.count > 3 ? " and \(places.count - 3) more" : "")
            return "\(file): error: \(shown): \(error)"
        }
        return lines.joined(separator: "\n") + "\n\(order.count) missing rate\(order.count == 1 ? "" : "s"); nothing was priced."
    }
}
