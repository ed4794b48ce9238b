import CostPlan
import Foundation

/// The terminal view of `costplan capacity`: per environment, its demand (today's × the
/// scale), what each sized component needs at that demand against its configured range, the
/// headroom, the monthly cost there, the ranges that would have to grow and, with a budget,
/// the highest peak the environment serves within it.
public enum CapacityTable {
    /// One environment's figures for the table.
    public struct Section: Sendable {
        /// The environment priced at today's demand.
        public var today: Report.Environment
        /// The environment priced at the demand shown (today's × `factor`).
        public var scaled: Report.Environment
        /// A monthly budget and the search's answer, when asked.
        public var budget: (amount: Decimal, answer: CapacityPlanner.BudgetAnswer)?

        public init(today: Report.Environment, scaled: Report.Environment,
                    budget: (amount: Decimal, answer: CapacityPlanner.BudgetAnswer)? = nil) {
            self.today = today
            self.scaled = scaled
            self.budget = budget
        }
    }

    public static func render(plan: String, factor: Decimal, sections: [Section]) -> String {
        let scale = factor == 1 ? "today's demand" : "\(figure(factor))× today's demand"
        var out = "\(plan) — capacity at \(scale) (monthly cost in USD at desired scale, 730 h/month)\n"
        for section in sections { out += "\n" + render(section, factor: factor) }
        return DisplayText.visible(out, keepingLineBreaks: true)
    }

    static func render(_ section: Section, factor: Decimal) -> String {
        let env = section.scaled
        guard let demand = env.demand else {
            return "\(env.name) — no demand given: add `demand: {peak_rps, average_rps}` to size components from it "
                + "(README: Capacity planning). Monthly: \(EstimateTable.lowerBound(!env.complete))\(Formatting.dollars(env.monthly.desired))\n"
                + UnpricedText.block([(environment: env.name, items: env.unpriced)])
        }
        var out = "\(env.name) (\(env.region)) — demand: " + describe(demand)
        if factor != 1, let today = section.today.demand { out += " (today: peak \(figure(today.peakRPS)) rps, average \(figure(today.averageRPS)) rps)" }
        out += "\n"
        var table = TextTable(leftAligned: 3)
        table.add(["COMPONENT", "TYPE", "UNIT", "AT PEAK", "AT AVERAGE", "RANGE", "DESIRED", "SATURATES AT", "HEADROOM", "MONTHLY"])
        table.rule()
        for component in env.components {
            guard let c = component.capacity else { continue }
            table.add([
                component.id, component.type.rawValue, c.unit,
                c.requiredAtPeak.map(figure) ?? "—", c.requiredAtAverage.map(figure) ?? "—",
                c.configured.map { $0.isFixed ? "\($0.min)" : "\($0.min)..\($0.max)" } ?? "—",
                c.configured.map { "\($0.desired)" } ?? "—",
                c.saturatesAtRPS.map { "\(figure($0)) rps" } ?? c.saturatesAtWorkingSetGB.map { "\(figure($0)) GB" } ?? "—",
                c.headroom.map { "\(figure(Money.rounded($0, scale: 2)))×" } ?? "—",
                EstimateTable.lowerBound(!component.unpriced.isEmpty) + Formatting.money(component.monthly.desired),
            ])
        }
        table.rule()
        let others = env.components.filter { $0.capacity == nil }.reduce(Decimal(0)) { $0 + $1.monthly.desired }
        if others > 0 { table.add(["other components", "", "", "", "", "", "", "", "", Formatting.money(others)]) }
        table.add(["TOTAL", "", "", "", "", "", "", "", "", EstimateTable.lowerBound(!env.complete) + Formatting.money(env.monthly.desired)])
        out += table.rendered() + "\n"
        if !env.complete {
            out += "≥ at least: costs (and the budget search) count what is priced; not priced at this demand:\n"
                + UnpricedText.block([(environment: env.name, items: env.unpriced)])
        }
        if factor != 1 {
            let change = env.monthly.desired - section.today.monthly.desired
            out += "Today: \(Formatting.dollars(section.today.monthly.desired)); at \(figure(factor))×: "
                + "\(Formatting.dollars(env.monthly.desired)) (\(change >= 0 ? "+" : "")\(Formatting.dollars(change)))\n"
        }
        if let saturation = env.components.compactMap({ $0.capacity?.saturatesAtRPS }).min() {
            out += "Saturates at \(figure(saturation)) peak rps (the first range to run out).\n"
        }
        let warnings = env.warnings
        if warnings.isEmpty {
            out += "Every range serves this peak.\n"
        } else {
            out += "Ranges that would have to grow: "
                + warnings.map { "\($0.component) \($0.field) \($0.configuredMax) → \($0.needed)" }.joined(separator: "; ") + "\n"
            for warning in warnings { out += "warning: \(warning)\n" }
        }
        let explicit = env.components.flatMap { c in (c.capacity?.explicit ?? []).map { "\(c.id): \($0)" } }
        if !explicit.isEmpty {
            out += "Stated in the plan (kept at every demand): " + explicit.joined(separator: "; ") + "\n"
        }
        if let (amount, answer) = section.budget { out += budgetLine(amount, answer) }
        return out
    }

    /// "Within $2,500.00 a month: up to 1,234 peak rps …; at 1,235 rps …".
    static func budgetLine(_ amount: Decimal, _ answer: CapacityPlanner.BudgetAnswer) -> String {
        let budget = Formatting.dollars(amount)
        guard let peak = answer.peakRPS else {
            return "Budget \(budget): not enough even with no traffic — the environment costs "
                + "\(Formatting.dollars(answer.estimate.monthly.desired)) at 0 rps.\n"
        }
        var out = "Budget \(budget): serves up to \(figure(Decimal(peak))) peak rps"
        if let d = answer.estimate.demand { out += " (average \(figure(d.averageRPS)) rps)" }
        out += " at \(Formatting.dollars(answer.estimate.monthly.desired)) a month"
        switch answer.limit {
        case let .budget(next)?:
            out += "; \(figure(Decimal(peak + 1))) rps would cost \(Formatting.dollars(next)) (over budget)"
        case let .range(warning)?:
            out += "; \(figure(Decimal(peak + 1))) rps would need \(warning.needed) \(warning.unit) of \(warning.component) "
                + "(\(warning.field) \(warning.configuredMax))"
        case nil:
            out += " (the search's ceiling; nothing limits it)"
        }
        return out + ".\n"
    }

    static func describe(_ d: Demand) -> String {
        var parts = ["peak \(figure(d.peakRPS)) rps", "average \(figure(d.averageRPS)) rps"]
        if let reads = d.peakReadRPS { parts.append("peak reads \(figure(reads))/s") }
        if let egress = d.egressGB { parts.append("egress \(figure(egress)) GB/month") }
        if let set = d.workingSetGB { parts.append("working set \(figure(set)) GB") }
        return parts.joined(separator: ", ")
    }

    /// A figure with separators and up to 2 decimals (`1,200`, `0.41`).
    static func figure(_ value: Decimal) -> String { CapacityWarning.figure(value) }
}
