import CostPlan
import Foundation

/// The capacity parts of the estimate JSON, added only where a plan has `demand:` or
/// `capacity:` (so estimates without them are unchanged). Figures are JSON numbers: counts
/// whole, rates and LCUs to at most 6 decimals, headroom to 4.
enum CapacityJSON {
    /// `"capacity"` of one component.
    static func capacity(_ c: ComponentCapacity) -> JSONValue {
        var entries: [(String, JSONValue)] = [
            ("unit", .string(c.unit)),
            ("required_at_peak", number(c.requiredAtPeak)),
            ("required_at_average", number(c.requiredAtAverage)),
            ("configured", c.configured.map { range in
                .object([("min", .number("\(range.min)")), ("desired", .number("\(range.desired)")), ("max", .number("\(range.max)"))])
            } ?? .null),
            ("saturates_at_rps", number(c.saturatesAtRPS)),
        ]
        if let gb = c.saturatesAtWorkingSetGB { entries.append(("saturates_at_working_set_gb", number(gb))) }
        entries += [
            ("headroom", number(c.headroom, scale: 4)),
            ("derived", .array(c.derived.map(JSONValue.string))),
            ("explicit", .array(c.explicit.map(JSONValue.string))),
        ]
        return .object(entries)
    }

    /// `"demand"`, `"saturates_at_rps"` and `"warnings"` of an environment with a demand.
    static func environmentFields(_ env: Report.Environment) -> [(String, JSONValue)] {
        guard env.demand != nil || !env.warnings.isEmpty else { return [] }
        var fields: [(String, JSONValue)] = []
        if let d = env.demand {
            fields.append(("demand", .object([
                ("peak_rps", number(d.peakRPS)), ("average_rps", number(d.averageRPS)),
                ("peak_read_rps", number(d.peakReadRPS)), ("egress_gb", number(d.egressGB)),
                ("working_set_gb", number(d.workingSetGB)),
            ])))
            fields.append(("saturates_at_rps", number(env.components.compactMap { $0.capacity?.saturatesAtRPS }.min())))
        }
        fields.append(("warnings", .array(env.warnings.map(warning))))
        return fields
    }

    static func warning(_ w: CapacityWarning) -> JSONValue {
        .object([
            ("component", .string(w.component)),
            ("message", .string(w.description)),
            ("field", .string(w.field)),
            ("configured_max", .number("\(w.configuredMax)")),
            ("needed", .number("\(w.needed)")),
            ("saturates_at", number(w.saturatesAt)),
            ("saturation_unit", .string(w.saturationUnit)),
            ("peak", number(w.demand)),
        ])
    }

    static func number(_ value: Decimal?, scale: Int = 6) -> JSONValue {
        value.map { .number(Money.plain(Money.rounded($0, scale: scale))) } ?? .null
    }
}
