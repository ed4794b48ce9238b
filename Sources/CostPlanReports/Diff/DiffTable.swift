import CostPlan
import Foundation

/// A plan diff for a terminal: the headline, environments side by side (before, after, change,
/// min–max bands), then each changed environment's components with their setting changes and
/// line-item deltas at desired scale.
public enum DiffTable {
    public static func render(_ diff: PlanDiff, violations: [BudgetViolation] = []) -> String {
        var out = "\(diff.headName) — monthly cost change in USD at desired scale (min–max band), "
            + "\(Money.plain(Money.hoursPerMonth)) h/month\n\(diff.baseFile) → \(diff.headFile)\n\n"
            + DiffText.headline(diff) + "\n"
        for v in violations { out += "BUDGET EXCEEDED: " + DiffText.violation(v) + "\n" }
        out += "\n" + summary(diff) + "\n"
        for env in diff.changedEnvironments { out += "\n" + section(env) }
        let s = diff.pricing
        out += "\nBoth sides priced with snapshot \(s.id) (\(s.origin), \(s.rateCount) rates, newest \(s.latestEffectiveDate)); "
            + "on-demand list prices; free tiers not deducted.\n"
        return out
    }

    private static func summary(_ diff: PlanDiff) -> String {
        var table = TextTable(leftAligned: 2)
        table.add(["ENVIRONMENT", "STATUS", "BEFORE", "AFTER", "CHANGE", "%", "BAND BEFORE", "BAND AFTER"])
        table.rule()
        func row(_ name: String, _ status: String, _ c: CostChange, hasBase: Bool, hasHead: Bool) {
            table.add([name, status, hasBase ? Formatting.money(c.before.desired) : "—", hasHead ? Formatting.money(c.after.desired) : "—",
                       DiffText.signedMoney(c.delta.desired), DiffText.percent(c) ?? "",
                       hasBase ? band(c.before) : "—", hasHead ? band(c.after) : "—"])
        }
        for env in diff.environments {
            row(env.name, env.status.rawValue, env.cost, hasBase: env.base != nil, hasHead: env.head != nil)
        }
        table.rule()
        row("TOTAL", "", diff.cost, hasBase: true, hasHead: true)
        return table.rendered()
    }

    private static func section(_ env: EnvironmentDiff) -> String {
        var out = "\(env.name) (\(env.status.rawValue)): \(DiffText.change(env.cost))\n"
        var table = TextTable(leftAligned: 3)
        table.add(["COMPONENT", "TYPE", "STATUS", "BEFORE", "AFTER", "CHANGE"])
        table.rule()
        for c in env.changedComponents {
            table.add([c.id, c.type.rawValue, c.status.rawValue, c.base == nil ? "—" : Formatting.money(c.cost.before.desired),
                       c.head == nil ? "—" : Formatting.money(c.cost.after.desired), DiffText.signedMoney(c.cost.delta.desired)])
        }
        out += table.rendered() + "\n"
        for c in env.changedComponents where !c.fieldChanges.isEmpty {
            out += "  \(c.id): " + c.fieldChanges.map { "\($0.field) \($0.before ?? "(not set)") → \($0.after ?? "(not set)")" }
                .joined(separator: "; ") + "\n"
        }
        let unchanged = env.components.count - env.changedComponents.count
        if unchanged > 0 { out += "  \(unchanged) unchanged component\(unchanged == 1 ? "" : "s") not shown\n" }
        var items = TextTable(leftAligned: 3)
        items.add(["COMPONENT", "LINE ITEM", "QUANTITY", "BEFORE", "AFTER", "CHANGE"])
        items.rule()
        var any = false
        for c in env.changedComponents {
            for item in c.lineItems where item.status != .unchanged {
                any = true
                items.add([c.id, item.name, DiffText.quantity(item), plain(item.before), plain(item.after),
                           item.delta.map(DiffText.signedMoney) ?? "—"])
            }
        }
        if any { out += "\n" + items.rendered() + "\n" }
        return out
    }

    private static func band(_ b: Band) -> String {
        b.min == b.max ? Formatting.money(b.desired) : "\(Formatting.money(b.min))–\(Formatting.money(b.max))"
    }

    private static func plain(_ item: LineItem?) -> String {
        guard let item else { return "—" }
        return item.monthly.map(Formatting.money) ?? "usage?"
    }
}
