import Foundation

// Fargate tasks and EC2 instances: counts from request rates (`rps_per_task`,
// `rps_per_instance`), desired following the monthly average (they autoscale).

extension Fargate: DemandSized {
    func sized(for demand: Demand?, environment: String, component: String) -> SizingOutcome {
        guard let rpsPerTask else { return .notSized }
        guard let demand else { return .missing(field: "demand", hint: "capacity.rps_per_task sizes tasks from the environment's `demand: {peak_rps, average_rps}`") }
        let sizing = CountSizing(range: tasks, desiredGiven: desiredGiven, field: "tasks", unit: "tasks",
                                 perUnit: rpsPerTask, perUnitField: "rps_per_task", peak: demand.peakRPS,
                                 average: demand.averageRPS, peakName: "peak_rps", averageName: "average_rps")
        let (range, capacity) = sizing.size(environment: environment, component: component)
        var spec = self
        spec.tasks = range
        return .sized(spec: spec, capacity: capacity)
    }
}

extension EC2Instances: DemandSized {
    func sized(for demand: Demand?, environment: String, component: String) -> SizingOutcome {
        guard let rpsPerInstance else { return .notSized }
        guard let demand else { return .missing(field: "demand", hint: "capacity.rps_per_instance sizes count from the environment's `demand: {peak_rps, average_rps}`") }
        let sizing = CountSizing(range: count, desiredGiven: desiredGiven, field: "count", unit: "instances",
                                 perUnit: rpsPerInstance, perUnitField: "rps_per_instance", peak: demand.peakRPS,
                                 average: demand.averageRPS, peakName: "peak_rps", averageName: "average_rps")
        let (range, capacity) = sizing.size(environment: environment, component: component)
        var spec = self
        spec.count = range
        return .sized(spec: spec, capacity: capacity)
    }
}
