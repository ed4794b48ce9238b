import CostPlan
import Foundation

/// The terminal view of a report: tiers side by side, each component's monthly cost at
/// desired with its min..max band beneath when it scales, the totals, each tier's reference
/// estimate, and what depends on usage. `details` adds every line item with its rate source.
/// A charge without a rate is listed in a NOT PRICED block with its fix; the figures it is
/// missing from are marked "≥" (lower bounds) and a component with nothing priced reads "not priced".
public enum EstimateTable {
    public static func render(_ report: Report, details: Bool = false) -> String {
        var out = "\(report.plan) — monthly cost in USD at desired scale (min–max band below), "
            + "\(Money.plain(Money.hoursPerMonth)) h/month\n"
        let envs = report.environments
        var table = TextTable(leftAligned: 2)
        table.add(["COMPONENT", "TYPE"] + envs.map { $0.name.uppercased() })
        table.rule()
        for id in report.componentIDs {
            let found = envs.map { env in env.components.first { $0.id == id } }
            let type = found.compactMap { $0?.type.rawValue }.first ?? ""
            table.add([id, type] + found.map { c in
                guard let c else { return "—" }
                if c.notPriced { return "not priced" }
                return lowerBound(!c.unpriced.isEmpty) + Formatting.money(c.monthly.desired)
            })
            if found.contains(where: { !($0?.monthly.isFlat ?? true) }) {
                table.add(["", ""] + found.map { c in
                    guard let c, !c.monthly.isFlat else { return "" }
                    return lowerBound(!c.unpriced.isEmpty) + Formatting.band(c.monthly, Formatting.money)
                })
            }
        }
        table.rule()
        table.add(["TOTAL", ""] + envs.map { lowerBound(!$0.complete) + Formatting.money($0.monthly.desired) })
        table.add(["  band (min–max)", ""] + envs.map {
            lowerBound(!$0.complete) + Formatting.band($0.monthly, Formatting.money)
        })
        if envs.contains(where: { $0.referenceEstimate != nil }) {
            table.add(["  reference estimate", ""] + envs.map { env in
                guard let r = env.referenceEstimate else { return "—" }
                return r.isRange ? Formatting.range(r.low, r.high, Formatting.money) : Formatting.money(r.low)
            })
        }
        out += table.rendered() + "\n"
        if !report.complete {
            out += "≥ at least: a rate is missing, so these figures leave out the items NOT PRICED below.\n\n"
                + UnpricedText.block(report)
        }
        out += notes(envs)
        if details { out += envs.map(detail).joined() }
        out += "\nPriced with snapshot \(report.pricing.id) (\(report.pricing.origin), \(report.pricing.rateCount) rates, "
            + "newest \(report.pricing.latestEffectiveDate)); on-demand list prices; free tiers not deducted.\n"
        return DisplayText.visible(out, keepingLineBreaks: true)
    }

    /// "≥ " before a figure that leaves out unpriced items (a lower bound), else "".
    static func lowerBound(_ incomplete: Bool) -> String { incomplete ? "≥ " : "" }

    private static func notes(_ envs: [Report.Environment]) -> String {
        var out = ""
        for env in envs {
            if let note = env.schedule.note { out += "\n\(env.name): \(note)." }
            if let source = env.referenceEstimate?.source { out += "\n\(env.name) reference: \(source)" }
            for warning in env.warnings { out += "\nwarning: \(warning)" }
            let derived = env.components.filter { !($0.capacity?.derived.isEmpty ?? true) }.map(\.id)
            if !derived.isEmpty {
                out += "\n\(env.name): capacity checked against demand for \(derived.joined(separator: ", ")) (`costplan capacity` for the figures)"
            }
            let unknown = env.usageDependentItems
            if !unknown.isEmpty {
                out += "\n\(env.name): \(unknown.count) item\(unknown.count == 1 ? "" : "s") not in the total (depends on usage): "
                    + unknown.map { "\($0.component) \($0.item.name) at \(Formatting.unitPrice($0.item.unitPrice))/\($0.item.rate.unit)" }
                        .joined(separator: "; ")
            }
        }
        return out.isEmpty ? "" : out + "\n"
    }

    private static func detail(_ env: Report.Environment) -> String {
        var table = TextTable(leftAligned: 2)
        table.add(["COMPONENT", "LINE ITEM", "QUANTITY", "UNIT", "UNIT PRICE", "MONTHLY", "SOURCE"])
        table.rule()
        for c in env.components {
            for (index, item) in c.items(.desired).enumerated() {
                table.add([index == 0 ? c.id : "", item.name,
                           item.quantity.map(Formatting.quantity) ?? "?", item.unit, Formatting.unitPrice(item.unitPrice),
                           item.monthly.map(Formatting.money) ?? "depends on usage",
                           "\(item.rate.effectiveDate) \(shortSource(item.rate.source))"])
            }
        }
        for item in env.unpriced {
            table.add([item.component, item.item, "", "", "", "not priced", item.fix])
        }
        table.rule()
        table.add(["TOTAL", "", "", "", "", lowerBound(!env.complete) + Formatting.money(env.monthly.desired), ""])
        return "\n\(env.name) (\(env.region)) — line items at desired scale\n" + table.rendered() + "\n"
    }

    private static func shortSource(_ source: String) -> String {
        source.count > 60 ? String(source.prefix(57)) + "..." : source
    }
}
