import CostPlan
import Foundation

/// Wording and figures shared by the diff renderers (Markdown, table) and the command's budget
/// message: signed amounts, percentages, bands and the one-line headline. Rounds to cents only here.
public enum DiffText {
    /// `+$398.10`, `-$12.00`, or `$0.00` when the change rounds to nothing.
    static func signedDollars(_ value: Decimal) -> String {
        if Money.rounded(value).isZero { return "$0.00" }
        return value > 0 ? "+" + Formatting.dollars(value) : Formatting.dollars(value)
    }

    /// `+398.10`, `-12.00`, `0.00` (no currency sign, for tables).
    static func signedMoney(_ value: Decimal) -> String {
        if Money.rounded(value).isZero { return "0.00" }
        return value > 0 ? "+" + Formatting.money(value) : Formatting.money(value)
    }

    /// `+18.2%` / `-5.0%` to one decimal; `new` when there was no cost before; nil without a change.
    static func percent(_ change: CostChange) -> String? {
        if change.delta.desired.isZero { return change.before.desired.isZero ? nil : "0.0%" }
        guard let value = change.percent else { return "new" }
        let text = Money.grouped(Money.plain(Money.rounded(value, scale: 1)), minimumFraction: 1)
        return value > 0 ? "+" + text + "%" : text + "%"
    }

    /// `+$398.10 (+21.2%)`, `+$504.47 (new)`, `$0.00`.
    static func change(_ change: CostChange) -> String {
        let amount = signedDollars(change.delta.desired)
        guard let percent = percent(change), !change.delta.desired.isZero else { return amount }
        return "\(amount) (\(percent))"
    }

    /// A component's desired monthly cost on one side, in `format`: `—` when absent, `≥ …` when
    /// some of its items are not priced, `not priced` when none is.
    static func sideCost(_ c: Report.Component?, _ amount: Decimal, _ format: (Decimal) -> String) -> String {
        guard let c else { return "—" }
        if c.unpriced.isEmpty { return format(amount) }
        return c.notPriced ? "not priced" : "≥ " + format(amount)
    }

    /// `$1,880.84–$2,379.53`, or one figure when the band has no spread.
    static func band(_ band: Band) -> String {
        band.min == band.max ? Formatting.dollars(band.desired)
            : Formatting.band(band)
    }

    /// The one-line summary, e.g. "Monthly cost rises by $412.37 (+18.2%) — production +$398.10".
    /// `name` renders an environment name (escaped for Markdown, plain for a terminal).
    /// When a side is incomplete the figures are of what is priced: a change with unpriced
    /// items never reads "No cost change".
    public static func headline(_ diff: ReportDiff, name: (String) -> String = { $0 }) -> String {
        let notPriced = diff.unpriced.count
        let suffix = notPriced == 0 ? "" : " (priced items only; \(notPriced) not priced)"
        guard diff.hasCostChange else {
            guard diff.hasUnpricedChange else { return "No cost change" + suffix }
            return "The cost change could not be priced fully: \(notPriced) item\(notPriced == 1 ? "" : "s") not priced"
        }
        let total = diff.cost
        let rise = total.delta.desired
        var text: String
        if rise > 0 {
            text = "Monthly cost rises by \(Formatting.dollars(rise))"
        } else if rise < 0 {
            text = "Monthly cost falls by \(Formatting.dollars(-rise))"
        } else {
            text = "Monthly cost unchanged in total at desired scale"
        }
        if !rise.isZero, let percent = percent(total) { text += " (\(percent))" }
        let movers = diff.environments.filter { !$0.cost.delta.desired.isZero }
            .sorted { abs($0.cost.delta.desired) > abs($1.cost.delta.desired) }
        if movers.isEmpty {
            let banded = diff.environments.filter { !$0.cost.isZero }.map { name($0.name) }
            return text + " — the min–max band changes in " + list(banded) + suffix
        }
        let shown = movers.prefix(3).map { "\(name($0.name)) \(signedDollars($0.cost.delta.desired))" }
        return text + " — " + shown.joined(separator: ", ") + (movers.count > 3 ? " and \(movers.count - 3) more" : "") + suffix
    }

    /// "a", "a and b", "a, b and 3 more".
    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2, 3: return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        default: return names.prefix(2).joined(separator: ", ") + " and \(names.count - 2) more"
        }
    }

    /// "production: desired monthly cost rises by $398.10 (+21.2%, $1,880.84 → $2,278.94),
    /// above the limit of $250/month".
    public static func violation(_ v: BudgetViolation, name: (String) -> String = { $0 }) -> String {
        let change = v.change
        return "\(name(v.environment)): desired monthly cost rises by \(Formatting.dollars(change.delta.desired)) "
            + "(\(percent(change) ?? "new"), \(Formatting.dollars(change.before.desired)) → \(Formatting.dollars(change.after.desired))), "
            + "above the limit of \(limit(v.limit))"
    }

    /// `$250.00/month` or `10%`.
    static func limit(_ limit: BudgetLimit) -> String {
        switch limit {
        case let .amount(value): "\(Formatting.dollars(value))/month"
        case let .percent(value): "\(Money.plain(value))%"
        }
    }

    /// A line item's quantity before → after with its unit: `1,460 → 2,920 hours`.
    static func quantity(_ item: ReportDiff.LineItemChange) -> String {
        func text(_ line: LineItem) -> String { line.quantity.map(Formatting.quantity) ?? "usage?" }
        switch (item.before, item.after) {
        case let (before?, after?) where before.quantity != after.quantity: return "\(text(before)) → \(text(after)) \(item.unit)"
        case let (_, after?): return "\(text(after)) \(item.unit)"
        case let (before?, nil): return "\(text(before)) \(item.unit)"
        default: return ""
        }
    }

    /// A line item's monthly cost on one side: `$121.47`, `—` when absent, `depends on usage`.
    static func monthly(_ item: LineItem?) -> String {
        guard let item else { return "—" }
        return item.monthly.map(Formatting.dollars) ?? "depends on usage"
    }

    /// Components whose change is largest first (by |desired delta|), for cutting.
    static func byImpact(_ components: [ReportDiff.Component]) -> [ReportDiff.Component] {
        components.enumerated().sorted {
            let a = abs($0.element.cost.delta.desired), b = abs($1.element.cost.delta.desired)
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Environments whose change is largest first (by |desired delta|), for cutting.
    static func byImpactEnvironments(_ environments: [ReportDiff.Environment]) -> [ReportDiff.Environment] {
        environments.enumerated().sorted {
            let a = abs($0.element.cost.delta.desired), b = abs($1.element.cost.delta.desired)
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
    }
}
