import CostPlan
import Foundation

extension Report {
    /// The report of `estimate`: every figure a renderer shows, derived here once.
    public init(_ estimate: Estimate) {
        let environments = estimate.environments.map(Environment.init)
        self.init(plan: estimate.planName, file: estimate.file, description: estimate.planDescription,
                  pricing: estimate.pricing, environments: environments,
                  curves: environments.flatMap(Self.curves))
    }

    /// The curves of one environment: its priced components with a band and room to scale.
    static func curves(_ env: Environment) -> [ScaleCurve] {
        env.components.compactMap { component in
            guard !component.monthly.isFlat, component.complete, let range = component.range, range.scales else { return nil }
            return ScaleCurve.curve(environment: env.name, component: component.id, band: component.monthly,
                                    range: range.counts, label: range.label, step: range.step)
        }
    }
}

extension Report.Environment {
    /// One environment of an estimate. Its totals are its components' bands added up
    /// (`env.monthly` again would multiply out every line item a second time).
    public init(_ env: EnvironmentEstimate) {
        let components = env.components.map(Report.Component.init)
        self.init(name: env.name, region: env.region, description: env.description,
                  schedule: Report.Schedule(hoursPerMonth: env.hoursPerMonth), referenceEstimate: env.referenceEstimate,
                  monthly: components.reduce(.zero) { $0 + $1.monthly }, components: components,
                  demand: env.demand, demandCurve: env.demandCurve)
    }
}

extension Report.Component {
    /// One component of an estimate.
    public init(_ c: ComponentEstimate) {
        self.init(id: c.id, type: c.type, service: c.serviceName, region: c.region, hoursPerMonth: c.hoursPerMonth,
                  description: c.description, address: c.address, range: c.scaling, monthly: c.monthly,
                  lineItems: c.lineItems,
                  capacity: c.capacity, unpriced: c.unpriced, settings: c.settings)
    }
}
