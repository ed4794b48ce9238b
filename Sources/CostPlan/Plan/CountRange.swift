/// A count that may scale: a plain number, or `{min, max, desired}` in the plan.
/// `desired` defaults to `min`; `min <= desired <= max`.
public typealias CountRange = ScenarioValues<Int>

extension CountRange {
    /// A count that does not scale.
    public init(fixed value: Int) {
        self.init(min: value, desired: value, max: value)
    }

    public var isFixed: Bool { min == max }
}

extension ScenarioValues: CustomStringConvertible where Value == Int {
    public var description: String {
        isFixed ? "\(min)" : "\(min)..\(max) (desired \(desired))"
    }
}
