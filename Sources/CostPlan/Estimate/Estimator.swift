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
    /// only when a page will show it). A missing rate never stops the estimate: the charge is
    /// listed in `EnvironmentEstimate.unpriced` and left out of the totals (`Estimate.complete`
    /// is then false; `EstimateError(incomplete:)` turns it into today's error for `--strict`).
    /// Throws `EstimateError` only for a rate in the wrong unit (a broken rate sheet).
    public func estimate(_ plan: Plan, only: Set<String>? = nil, withDemandCurves: Bool = false) throws -> Estimate {
        var failures: [(where: String, error: PricingError)] = []
        var environments: [EnvironmentEstimate] = []
        for environment in plan.environments where only?.contains(environment.name) ?? true {
            var priced = try price(environment, failures: &failures)
            if withDemandCurves, failures.isEmpty, priced.complete, environment.demand != nil, environment.hasCapacity {
                priced.demandCurve = try? CapacityPlanner(estimator: self).curve(environment)
            }
            environments.append(priced)
        }
        if !failures.isEmpty { throw EstimateError(file: plan.file, failures: failures) }
        return Estimate(planName: plan.name, planDescription: plan.description, environments: environments,
                        pricing: catalog.snapshot, file: plan.file)
    }

    /// One environment priced at min, desired and max. A charge whose rate is missing is left
    /// out and listed on its component (`ComponentEstimate.unpriced`); a rate in the wrong unit
    /// is added to `failures` (that component is left out).
    func price(_ environment: Environment, failures: inout [(where: String, error: PricingError)]) throws -> EnvironmentEstimate {
        var components: [ComponentEstimate] = []
        for component in environment.components {
            do {
                components.append(try price(component))
            } catch let error as PricingError {
                failures.append((component.address ?? "environments.\(environment.name).components.\(component.id)", error))
            }
        }
        return EnvironmentEstimate(
            name: environment.name, region: environment.region, hoursPerMonth: environment.hoursPerMonth,
            description: environment.description, referenceEstimate: environment.referenceEstimate,
            components: components, demand: environment.demand)
    }

    /// One component at the three scenarios: the charges with a rate priced, those without one
    /// in `unpriced` (each rate once; named as at desired scale where the charge exists there).
    private func price(_ component: Component) throws -> ComponentEstimate {
        var items: [Scenario: [LineItem]] = [:]
        var unpriced: [UnpricedItem] = []
        for scenario in [Scenario.desired, .min, .max] {
            let context = PricingContext(catalog: catalog, region: component.region, hours: component.hoursPerMonth)
            let lineItems = try component.spec.lineItems(context, at: scenario)
            let missing = context.missing
            items[scenario] = missing.charges.isEmpty ? lineItems : lineItems.filter { !missing.keys.contains($0.rate.key) }
            for charge in missing.charges {
                let seen = unpriced.contains { $0.key == charge.key && (scenario != .desired || $0.item == charge.name) }
                if !seen {
                    unpriced.append(UnpricedItem(component: component.id, address: component.address, item: charge.name,
                                                 key: charge.key, nearby: charge.nearby))
                }
            }
        }
        return ComponentEstimate(
            id: component.id, type: component.type, region: component.region,
            hoursPerMonth: component.hoursPerMonth, description: component.description, lineItems: items,
            capacity: component.capacity, unpriced: unpriced, address: component.address,
            scaling: component.scalingRange.map { ScalingRange(counts: $0.range, label: $0.label, step: component.scalingStep) },
            settings: component.settings)
    }

    /// One environment priced (a missing rate leaves that charge unpriced, as in `estimate`),
    /// or `EstimateError` for a rate in the wrong unit.
    public func price(_ environment: Environment, file: String) throws -> EnvironmentEstimate {
        var failures: [(where: String, error: PricingError)] = []
        let priced = try price(environment, failures: &failures)
        if !failures.isEmpty { throw EstimateError(file: file, failures: failures) }
        return priced
    }
}

/// Rates the plan needs that the catalog lacks (or has in the wrong unit): each named once,
/// with the components needing it.
public struct EstimateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var failures: [(where: String, error: PricingError)]

    public init(file: String, failures: [(where: String, error: PricingError)]) {
        self.file = file
        self.failures = failures
    }

    /// The error `--strict` reports for an incomplete estimate: every unpriced item's missing
    /// rate, named by its component (the Terraform address for imported plans); nil when the
    /// estimate is complete.
    public init?(incomplete estimate: Estimate) {
        let failures = estimate.environments.flatMap { env in
            env.unpriced.map { (where: $0.address ?? "environments.\(env.name).components.\($0.component)", error: $0.error) }
        }
        guard !failures.isEmpty else { return nil }
        self.init(file: estimate.file, failures: failures)
    }

    public var description: String {
        var seen: [PricingError: [String]] = [:]
        var order: [PricingError] = []
        for (place, error) in failures {
            if seen[error] == nil { order.append(error) }
            seen[error, default: []].append(place)
        }
        let lines = order.map { error in
            let places = seen[error] ?? []
            let shown = places.prefix(3).joined(separator: ", ") + (places.count > 3 ? " and \(places.count - 3) more" : "")
            return DisplayText.visible("\(file): error: \(shown): \(error)")
        }
        return lines.joined(separator: "\n") + "\n\(order.count) missing rate\(order.count == 1 ? "" : "s"); nothing was priced."
    }
}
