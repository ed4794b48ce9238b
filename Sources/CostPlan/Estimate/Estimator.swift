import Foundation

/// Prices a `Plan` against a `PriceCatalog`: every component of every environment at the min,
/// desired and max points of its scaling ranges. Pure: no I/O, no rounding.
public struct Estimator: Sendable {
    public let catalog: any PriceCatalog

    public init(catalog: any PriceCatalog) {
        self.catalog = catalog
    }

    /// The estimate of `plan` (only the environments in `only`, when given).
    /// `withDemandCurves` also prices each environment with a demand from 0 to saturation
    /// (`EnvironmentEstimate.demandCurve`, for the web report's chart; ~120 extra pricings, so
    /// only when a page will show it). Throws `EstimateError` listing every missing rate (each once).
    public func estimate(_ plan: Plan, only: Set<String>? = nil, withDemandCurves: Bool = false) throws -> Estimate {
        var failures: [(where: String, error: PricingError)] = []
        var environments: [EnvironmentEstimate] = []
        for environment in plan.environments where only?.contains(environment.name) ?? true {
            var priced = try price(environment, failures: &failures)
            if withDemandCurves, failures.isEmpty, environment.demand != nil, environment.hasCapacity {
                priced.demandCurve = try? CapacityPlanner(estimator: self).curve(environment)
            }
            environments.append(priced)
        }
        if !failures.isEmpty { throw EstimateError(file: plan.file, failures: failures) }
        return Estimate(planName: plan.name, planDescription: plan.description, environments: environments,
                        pricing: catalog.snapshot)
    }

    /// One environment priced at min, desired and max; missing rates are added to `failures`.
    func price(_ environment: Environment, failures: inout [(where: String, error: PricingError)]) throws -> EnvironmentEstimate {
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
                    hoursPerMonth: component.hoursPerMonth, description: component.description, lineItems: items,
                    capacity: component.capacity))
            } catch let error as PricingError {
                failures.append(("environments.\(environment.name).components.\(component.id)", error))
            }
        }
        return EnvironmentEstimate(
            name: environment.name, region: environment.region, hoursPerMonth: environment.hoursPerMonth,
            description: environment.description, referenceEstimate: environment.referenceEstimate,
            components: components, demand: environment.demand)
    }

    /// One environment priced, or `EstimateError` naming every missing rate.
    public func price(_ environment: Environment, file: String) throws -> EnvironmentEstimate {
        var failures: [(where: String, error: PricingError)] = []
        let priced = try price(environment, failures: &failures)
        if !failures.isEmpty { throw EstimateError(file: file, failures: failures) }
        return priced
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
            return DisplayText.visible("\(file): error: \(shown): \(error)")
        }
        return lines.joined(separator: "\n") + "\n\(order.count) missing rate\(order.count == 1 ? "" : "s"); nothing was priced."
    }
}
