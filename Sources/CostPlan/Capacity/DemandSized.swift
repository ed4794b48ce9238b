import Foundation

/// What sizing one component against its environment's demand gave.
enum SizingOutcome {
    /// The component has no `capacity:` block: nothing is derived.
    case notSized
    /// The `capacity:` block needs a demand input the environment does not give.
    case missing(field: String, hint: String)
    /// The component with its derived figures filled in, and how it measures up.
    case sized(spec: any ComponentSpec, capacity: ComponentCapacity)
}

/// A component type that can derive counts or usage from demand (its `capacity:` block).
/// Sizing starts from the settings as written, so re-sizing at another demand
/// (`--demand-scale`, `--budget`, the cost-versus-demand chart) never compounds; figures the
/// plan states explicitly are kept as they are.
/// Such a type implements `ComponentSpec.sized(for:environment:component:)`.
protocol DemandSized: ComponentSpec {}

/// The shared rule for counted capacity (Fargate tasks, EC2 instances, RDS read replicas,
/// ElastiCache nodes or shards): `required = ceil(demand ÷ per unit)` at the peak and on
/// average; `desired`, when the plan does not give it, is the required count at `sizeAt`
/// clamped to min..max; the range saturates at `max × per unit`; a peak needing more than
/// `max` is a warning.
struct CountSizing {
    enum SizeAt { case average, peak }

    /// The plan's range and whether it stated `desired` (a plain number states all three).
    var count: ScaledCount
    /// The range's field and what it counts, e.g. "tasks" / "tasks".
    var field: String
    var unit: String
    /// One unit's capacity and its field, e.g. 120 / "rps_per_task".
    var perUnit: Decimal
    var perUnitField: String
    /// The demand at the peak and on average, with their names ("peak_rps", "average_rps").
    var peak: Decimal
    var average: Decimal
    var peakName: String
    var averageName: String
    /// Which figure `desired` follows.
    var sizeAt: SizeAt = .average
    /// Request rate per unit of this demand (1 for rps; peak_rps ÷ peak_read_rps for reads),
    /// so `saturatesAtRPS` is in the environment's `peak_rps` terms.
    var rpsPerDemandUnit: Decimal = 1
    /// The unit of `peak` in the warning ("rps", "reads/s").
    var demandUnit: String = "rps"

    func size(environment: String, component: String) -> (range: CountRange, capacity: ComponentCapacity) {
        let atPeak = Self.required(peak, perUnit), atAverage = Self.required(average, perUnit)
        let range = count.range
        var sized = range
        var derived = [
            "required_at_peak = ceil(\(peakName) \(Self.plain(peak)) ÷ \(perUnitField) \(Self.plain(perUnit))) = \(counted(atPeak))",
            "required_at_average = ceil(\(averageName) \(Self.plain(average)) ÷ \(perUnitField) \(Self.plain(perUnit))) = \(counted(atAverage))",
        ]
        var explicit: [String] = [], values: [String: String] = [:]
        if count.desiredGiven {
            explicit.append("\(field).desired = \(range.desired) (stated in the plan)")
        } else {
            let target = sizeAt == .average ? atAverage : atPeak
            sized.desired = Swift.min(Swift.max(target, range.min), range.max)
            let clamp = target == sized.desired ? "within \(range.min)..\(range.max)" : "clamped to \(range.min)..\(range.max)"
            values["\(field).desired"] = "\(sized.desired)"
            derived.append("\(field).desired = \(sized.desired) from required_at_\(sizeAt == .average ? "average" : "peak") \(target), \(clamp)")
        }
        let saturation = Decimal(range.max) * perUnit
        derived.append("saturates at \(field).max \(range.max) × \(perUnitField) \(Self.plain(perUnit)) = \(Self.plain(saturation)) \(demandUnit)")
        var warning: CapacityWarning?
        if atPeak > range.max {
            warning = CapacityWarning(environment: environment, component: component, unit: unit, field: "\(field).max",
                                      configuredMax: range.max, needed: atPeak, saturatesAt: saturation,
                                      saturationUnit: demandUnit, demand: peak)
        }
        let capacity = ComponentCapacity(
            unit: unit, requiredAtPeak: Decimal(atPeak), requiredAtAverage: Decimal(atAverage), configured: sized,
            saturatesAtRPS: saturation * rpsPerDemandUnit, headroom: peak.isZero ? nil : saturation / peak,
            derived: derived, explicit: explicit, derivedValues: values, warning: warning)
        return (sized, capacity)
    }

    /// "1 task", "3 tasks".
    func counted(_ n: Int) -> String {
        "\(n) \(n == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : unit)"
    }

    /// `ceil(demand ÷ perUnit)` as a count (0 for no demand).
    static func required(_ demand: Decimal, _ perUnit: Decimal) -> Int {
        let units = (demand / perUnit).roundedUp
        return units > 1_000_000_000 ? 1_000_000_000 : NSDecimalNumber(decimal: units).intValue
    }

    /// A figure as the plan would write it (at most 6 decimals).
    static func plain(_ value: Decimal) -> String { Money.plain(Money.rounded(value, scale: 6)) }
}

extension FieldReader {
    /// True when the count field `key` states its desired value: a plain number (min = desired
    /// = max) or a range with `desired`. Absent → false (the default applies).
    func statesDesired(_ key: String) -> Bool {
        guard let field = fields.last(where: { $0.key == key })?.field, !field.node.isNull else { return false }
        if let entries = field.node.entries { return entries.contains { $0.key == "desired" && !$0.node.isNull } }
        return true
    }

    /// The `capacity:` block's reader, or nil when absent.
    func capacityBlock() -> FieldReader? { nested("capacity") }
}

extension FieldReader {
    /// A number that must be above zero (a per-unit capacity: it divides the demand).
    func positive(_ key: String, required: Bool = false, unit: String) -> Decimal? {
        guard let value = decimal(key, required: required, unit: unit) else { return nil }
        if value.isZero {
            error(at: key, "must be more than 0", hint: "it is what one unit serves; the demand is divided by it")
            return nil
        }
        return value
    }

    /// Reads a `capacity:` block that holds one per-unit rate, e.g. `{rps_per_task: 120}`.
    func perUnitCapacity(_ key: String, unit: String, what: String) -> Decimal? {
        guard let block = capacityBlock() else { return nil }
        defer { block.finish(what: "\(what) capacity") }
        return block.positive(key, required: true, unit: unit)
    }
}
