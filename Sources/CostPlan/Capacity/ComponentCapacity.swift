import Foundation

/// How one component measures up to its environment's demand: what it needs at the peak and on
/// average, what its configured range can serve, and which of its figures were derived.
public struct ComponentCapacity: Hashable, Sendable, Codable {
    /// What `requiredAtPeak`/`requiredAtAverage` count: "tasks", "instances", "replicas",
    /// "nodes", "shards", "LCU", "GB processed".
    public var unit: String
    /// Units needed at the peak (nil when the figure has no peak, e.g. a monthly volume).
    public var requiredAtPeak: Decimal?
    /// Units needed at the monthly average.
    public var requiredAtAverage: Decimal?
    /// The configured count range (for counted units), after derivation.
    public var configured: CountRange?
    /// The request rate (in the environment's `peak_rps` terms) at which the range's max runs out.
    public var saturatesAtRPS: Decimal?
    /// The working set the range's max can hold (ElastiCache).
    public var saturatesAtWorkingSetGB: Decimal?
    /// Saturation ÷ today's peak (or working set): above 1 there is room to spare.
    public var headroom: Decimal?
    /// One line per figure costplan derived (e.g. "tasks.desired = 3 from average_rps 300 ÷ …").
    public var derived: [String]
    /// Figures the plan states itself, which win over what the demand would derive (and do not
    /// follow demand scaling).
    public var explicit: [String]
    /// The values costplan derived, keyed by the plan field they fill (`tasks.desired`,
    /// `count.desired`, `replicas.desired`, `shards.desired`, `nodes.desired`, `lcu`,
    /// `data_processed_gb`), written as the plan would write them (at most 6 decimals): what a
    /// diff compares to explain a cost change the plan text does not show.
    public var derivedValues: [String: String]
    /// Set when the peak needs more than the range allows.
    public var warning: CapacityWarning?

    public init(unit: String, requiredAtPeak: Decimal? = nil, requiredAtAverage: Decimal? = nil,
                configured: CountRange? = nil, saturatesAtRPS: Decimal? = nil, saturatesAtWorkingSetGB: Decimal? = nil,
                headroom: Decimal? = nil, derived: [String] = [], explicit: [String] = [], derivedValues: [String: String] = [:],
                warning: CapacityWarning? = nil) {
        self.unit = unit
        self.requiredAtPeak = requiredAtPeak
        self.requiredAtAverage = requiredAtAverage
        self.configured = configured
        self.saturatesAtRPS = saturatesAtRPS
        self.saturatesAtWorkingSetGB = saturatesAtWorkingSetGB
        self.headroom = headroom
        self.derived = derived
        self.explicit = explicit
        self.derivedValues = derivedValues
        self.warning = warning
    }
}

/// A component whose configured maximum cannot serve the environment's peak demand.
public struct CapacityWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    public var environment: String
    public var component: String
    /// What runs out, e.g. "tasks".
    public var unit: String
    /// The field to raise, e.g. "tasks.max".
    public var field: String
    public var configuredMax: Int
    /// The count the peak needs.
    public var needed: Int
    /// Where the range saturates: requests/s (or GB of working set for caches).
    public var saturatesAt: Decimal
    /// "rps" or "GB working set".
    public var saturationUnit: String
    /// The demand it falls short of, in `saturationUnit`.
    public var demand: Decimal

    public var description: String { "\(environment): \(summary)" }

    /// The warning without its environment, for a report that already names it: "api saturates
    /// at 1,200 rps (tasks.max 10); the peak of 1,500 rps needs 13 tasks — raise tasks.max to 13".
    public var summary: String {
        "\(component) saturates at \(Self.figure(saturatesAt)) \(saturationUnit) "
            + "(\(field) \(configuredMax)); the peak of \(Self.figure(demand)) \(saturationUnit) needs \(needed) \(unit) "
            + "— raise \(field) to \(needed)"
    }

    /// A figure with thousands separators and at most 2 decimals: `1,200`, `13.07`.
    public static func figure(_ value: Decimal) -> String {
        Money.grouped(Money.plain(Money.rounded(value, scale: 2)))
    }
}
