/// A count that may scale: a plain number, or `{min, max, desired}` in the plan.
/// `desired` defaults to `min`; `min <= desired <= max`.
public struct CountRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var min: Int
    public var desired: Int
    public var max: Int

    public init(min: Int, desired: Int, max: Int) {
        self.min = min
        self.desired = desired
        self.max = max
    }

    /// A count that does not scale.
    public init(fixed value: Int) {
        self.init(min: value, desired: value, max: value)
    }

    /// The count at one scenario.
    public subscript(scenario: Scenario) -> Int {
        switch scenario {
        case .min: min
        case .desired: desired
        case .max: max
        }
    }

    public var isFixed: Bool { min == max }

    public var description: String {
        isFixed ? "\(min)" : "\(min)..\(max) (desired \(desired))"
    }
}
