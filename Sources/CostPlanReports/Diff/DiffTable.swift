import CostPlan
import Foundation

/// A plan diff for a terminal: the headline, environments side by side (before, after, change,
/// min–max bands), then each changed environment's own setting changes and capacity warnings,
/// its components with their setting changes (and figures derived from demand) and line-item
/// deltas at desired scale.
public enum DiffTable {
    public static func render(_ diff: ReportDiff, violations: [BudgetViolation] = []) -> String {
        var out = "\(diff.headName) — monthly cost change in USD at desired scale (min–max band), "
            + "\(Money.plain(Money.hoursPerMonth)) h/month\n\(diff.baseFile) → \(diff.headFile)\n\n"
            + DiffText.headline(diff) + "\n"
        for v in violations { out += "BUDGET EXCEEDED: " + DiffText.violation(v) + "\n" }
        out += "\n" + summary(diff) + "\n"
        if !diff.complete {
            out += "\nFigures are of what is priced: a rate is missing for the items NOT PRICED below.\n" + UnpricedText.block(diff)
        }
        for env in diff.changedEnvironments { out += "\n" + section(env) }
        let s = diff.pricing
        out += "\nBoth sides priced with snapshot \(s.id) (\(s.origin), \(s.rateCount) rates, newest \(s.latestEffectiveDate)); "
            + "on-demand list prices; free tiers not deducted.\n"
        return DisplayText.visible(out, keepingLineBreaks: true)
    }

    private static func summary(_ diff: ReportDiff) -> String {
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

    private static func section(_ env: ReportDiff.Environment) -> String {
        var out = "\(env.name) (\(env.status.rawValue)): \(DiffText.change(env.cost))\n"
        if !env.settingChanges.isEmpty { out += "  settings: " + changeList(env.settingChanges) + "\n" }
        if env.head != nil { out += warnings(env) }
        if !env.changedComponents.isEmpty {
            var table = TextTable(leftAligned: 3)
            table.add(["COMPONENT", "TYPE", "STATUS", "BEFORE", "AFTER", "CHANGE"])
            table.rule()
            for c in env.changedComponents {
                table.add([c.id, c.type.rawValue, c.status.rawValue, DiffText.sideCost(c.base, c.cost.before.desired, Formatting.money),
                           DiffText.sideCost(c.head, c.cost.after.desired, Formatting.money), DiffText.signedMoney(c.cost.delta.desired)])
            }
            out += table.rendered() + "\n"
        }
        for c in env.changedComponents {
            let own = env.ownFieldChanges(c)
            guard !own.isEmpty || !c.derivedChanges.isEmpty else { continue }
            out += "  \(c.id): " + changeList(own, derived: c.derivedChanges) + "\n"
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

    /// "field before → after; …", derived figures marked "(derived from demand)".
    private static func changeList(_ changes: [FieldChange], derived: [FieldChange] = []) -> String {
        func item(_ f: FieldChange) -> String { "\(f.field) \(f.before ?? "(not set)") → \(f.after ?? "(not set)")" }
        return (changes.map(item) + derived.map { item($0) + " (derived from demand)" }).joined(separator: "; ")
    }

    /// One line per capacity warning the change brought, changed or resolved.
    private static func warnings(_ env: ReportDiff.Environment) -> String {
        env.changedWarnings.map { change in
            switch (change.before, change.after) {
            case let (_, after?): "  WARNING (\(change.status == .added ? "new" : "still short")): \(after.summary)\n"
            case let (before?, nil): "  resolved: \(before.component) now serves the peak (\(before.field) was \(before.configuredMax), "
                + "\(before.needed) \(before.unit) needed)\n"
            case (nil, nil): ""
            }
        }.joined()
    }

    private static func band(_ b: Band) -> String {
        b.min == b.max ? Formatting.money(b.desired) : Formatting.band(b, Formatting.money)
    }

    private static func plain(_ item: LineItem?) -> String {
        guard let item else { return "—" }
        return item.monthly.map(Formatting.money) ?? "usage?"
    }
}
