import Foundation

extension Environment {
    /// Every component's capacity warning (the peak needs more than a range's max).
    public var warnings: [CapacityWarning] { components.compactMap { $0.capacity?.warning } }

    /// True when some component sizes itself from the demand.
    public var hasCapacity: Bool { components.contains { $0.capacity != nil } }

    /// The environment re-sized for `demand` (today's demand scaled, a candidate peak…):
    /// each component with a `capacity:` block derives again from its settings as written.
    public func atDemand(_ demand: Demand) -> Environment {
        var copy = self
        copy.demand = demand
        copy.components = components.map { component in
            guard case let .sized(spec, capacity) = component.sizing(for: demand, environment: name) else { return component }
            var sized = component
            sized.spec = spec
            sized.capacity = capacity
            return sized
        }
        return copy
    }

    /// Sizes every component against `demand` when the plan is parsed, reporting a
    /// `capacity:` block whose demand input is missing.
    func sized(path: String, line: Int?, diagnostics: DiagnosticCollector) -> Environment {
        var copy = self
        for index in copy.components.indices {
            let component = copy.components[index]
            switch component.sizing(for: demand, environment: name) {
            case .notSized: break
            case let .missing(field, hint):
                diagnostics.error(join(path, field), line: line,
                                  "component '\(component.id)' has a capacity block but the environment gives no \(field)",
                                  hint: hint)
            case let .sized(spec, capacity):
                copy.components[index].spec = spec
                copy.components[index].capacity = capacity
            }
        }
        return copy
    }
}

extension Component {
    /// Sizes the component as written against `demand`.
    func sizing(for demand: Demand?, environment: String) -> SizingOutcome {
        written.sized(for: demand, environment: environment, component: id)
    }
}
