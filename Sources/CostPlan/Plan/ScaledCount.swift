/// A component's scaling count as the plan gives it (instances, tasks, replicas, nodes, shards):
/// the range, and whether the plan states `desired` — a plain number states all three. A stated
/// `desired` wins over the count derived from demand (`CountSizing`).
struct ScaledCount: Hashable, Sendable {
    var range: CountRange
    var desiredGiven: Bool

    /// The count at one scenario.
    subscript(scenario: Scenario) -> Int { range[scenario] }
}

extension FieldReader {
    /// The count field `key` (`count(_:default:max:)`) with whether it states its desired value;
    /// nil when absent or invalid (reported).
    func scaledCount(_ key: String, max limit: Int = 100_000) -> ScaledCount? {
        count(key, max: limit).map { ScaledCount(range: $0, desiredGiven: statesDesired(key)) }
    }

    /// The count field `key`, or `defaultValue` fixed when absent (or invalid, reported).
    func scaledCount(_ key: String, default defaultValue: Int, max limit: Int = 100_000) -> ScaledCount {
        ScaledCount(range: count(key, default: defaultValue, max: limit) ?? CountRange(fixed: defaultValue), desiredGiven: statesDesired(key))
    }
}
