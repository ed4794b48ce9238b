import Foundation

// Fargate tasks and EC2 instances: counts from request rates (`rps_per_task`,
// `rps_per_instance`), desired following the monthly average (they autoscale).

extension Fargate: DemandSized {
    func sized(for demand: Demand?, environment: String, component: String) -> SizingOutcome {
        sizedByRequestRate(\.tasks, perUnit: rpsPerTask, perUnitField: "rps_per_task", field: "tasks", unit: "tasks",
                           demand: demand, environment: environment, component: component)
    }
}

extension EC2Instances: DemandSized {
    func sized(for demand: Demand?, environment: String, component: String) -> SizingOutcome {
        sizedByRequestRate(\.count, perUnit: rpsPerInstance, perUnitField: "rps_per_instance", field: "count", unit: "instances",
                           demand: demand, environment: environment, component: component)
    }
}

extension DemandSized {
    /// The spec with its `count` sized from the environment's request rate at `perUnit` requests
    /// per second each; `.notSized` without a `capacity:` rate, `.missing` without a demand.
    fileprivate func sizedByRequestRate(_ count: WritableKeyPath<Self, ScaledCount>, perUnit: Decimal?, perUnitField: String,
                                        field: String, unit: String, demand: Demand?,
                                        environment: String, component: String) -> SizingOutcome {
        guard let perUnit else { return .notSized }
        guard let demand else {
            return .missing(field: "demand", hint: "capacity.\(perUnitField) sizes \(field) from the environment's `demand: {peak_rps, average_rps}`")
        }
        let sizing = CountSizing(count: self[keyPath: count], field: field, unit: unit,
                                 perUnit: perUnit, perUnitField: perUnitField, peak: demand.peakRPS,
                                 average: demand.averageRPS, peakName: "peak_rps", averageName: "average_rps")
        let (sized, capacity) = sizing.size(environment: environment, component: component)
        var spec = self
        spec[keyPath: count].range = sized
        return .sized(spec: spec, capacity: capacity)
    }
}
