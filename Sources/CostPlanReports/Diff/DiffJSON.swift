import CostPlan
import Foundation

/// A plan diff as versioned JSON: before, after and delta for the plan, every environment,
/// component and line item (at desired scale), money as exact, unrounded decimal strings;
/// each environment's own setting changes (`setting_changes`) and capacity warnings before and
/// after (`capacity_warnings`), each component's figures derived from demand that moved
/// (`derived_changes`), and the charges each side could not price (`unpriced.base`/`.head`,
/// as in the estimate JSON; `complete` false when any). Fields may be added, never renamed.
public enum DiffJSON {
    public static let version = 1

    /// The JSON text; `violations` (from `BudgetLimit.violations`) are listed under `budget_violations`.
    public static func render(_ diff: ReportDiff, violations: [BudgetViolation] = []) -> String {
        document(diff, violations: violations).rendered()
    }

    public static func document(_ diff: ReportDiff, violations: [BudgetViolation] = []) -> JSONValue {
        .object([
            ("version", .number("\(version)")),
            ("kind", .string("diff")),
            ("base", .object([("plan", .string(diff.baseName)), ("file", .string(diff.baseFile))])),
            ("head", .object([("plan", .string(diff.headName)), ("file", .string(diff.headFile))])),
            ("currency", .string(Money.currency)),
            ("hours_per_month", .number(Money.plain(Money.hoursPerMonth))),
            ("pricing", EstimateJSON.pricing(diff.pricing)),
            ("headline", .string(DiffText.headline(diff))),
            ("has_changes", .bool(diff.hasChanges)),
            ("has_cost_change", .bool(diff.hasCostChange)),
            ("complete", .bool(diff.complete)),
            ("monthly", change(diff.cost)),
            ("budget_violations", .array(violations.map { v in
                .object([("environment", .string(v.environment)), ("limit", limit(v.limit)), ("monthly", change(v.change))])
            })),
            ("environments", .array(diff.environments.map(environment))),
        ])
    }

    /// `{"before": band, "after": band, "delta": band, "percent": "21.17" | null}`; the percent
    /// (desired scale) is rounded to hundredths, null when there was no cost before.
    static func change(_ c: CostChange) -> JSONValue {
        .object([
            ("before", EstimateJSON.band(c.before)),
            ("after", EstimateJSON.band(c.after)),
            ("delta", EstimateJSON.band(c.delta)),
            ("percent", c.percent.map { .string(Money.plain(Money.rounded($0, scale: 2))) } ?? .null),
        ])
    }

    static func limit(_ limit: BudgetLimit) -> JSONValue {
        switch limit {
        case let .amount(value): .object([("amount", .string(Money.plain(value)))])
        case let .percent(value): .object([("percent", .string(Money.plain(value)))])
        }
    }

    static func environment(_ env: ReportDiff.Environment) -> JSONValue {
        .object([
            ("name", .string(env.name)),
            ("status", .string(env.status.rawValue)),
            ("region", .string(env.region)),
            ("monthly", change(env.cost)),
            ("complete", .bool((env.base?.complete ?? true) && (env.head?.complete ?? true))),
            ("unpriced", .object([("base", env.base.map { EstimateJSON.unpriced($0.unpriced) } ?? .null),
                                  ("head", env.head.map { EstimateJSON.unpriced($0.unpriced) } ?? .null)])),
            ("components", .array(env.components.map(component))),
            ("setting_changes", .array(env.settingChanges.map(fieldChange))),
            ("capacity_warnings", .array(env.warningChanges.map(warningChange))),
        ])
    }

    /// `{"field", "before", "after"}`, null on a side where the setting is not stated.
    static func fieldChange(_ f: FieldChange) -> JSONValue {
        .object([("field", .string(f.field)), ("before", f.before.map(JSONValue.string) ?? .null),
                 ("after", f.after.map(JSONValue.string) ?? .null)])
    }

    /// A capacity warning before and after (each as in the estimate JSON's `warnings`, or null).
    static func warningChange(_ w: ReportDiff.WarningChange) -> JSONValue {
        .object([
            ("component", .string(w.component)),
            ("field", .string(w.field)),
            ("status", .string(w.status.rawValue)),
            ("before", w.before.map(CapacityJSON.warning) ?? .null),
            ("after", w.after.map(CapacityJSON.warning) ?? .null),
        ])
    }

    static func component(_ c: ReportDiff.Component) -> JSONValue {
        .object([
            ("name", .string(c.id)),
            ("type", .string(c.type.rawValue)),
            ("status", .string(c.status.rawValue)),
            ("monthly", change(c.cost)),
            ("field_changes", .array(c.fieldChanges.map(fieldChange))),
            ("line_items", .array(c.lineItems.map(lineItem))),
            ("derived_changes", .array(c.derivedChanges.map(fieldChange))),
        ])
    }

    static func lineItem(_ item: ReportDiff.LineItemChange) -> JSONValue {
        func pair(_ value: (LineItem) -> Decimal?) -> JSONValue {
            .object([("before", EstimateJSON.money(item.before.flatMap(value))), ("after", EstimateJSON.money(item.after.flatMap(value)))])
        }
        return .object([
            ("name", .string(item.name)),
            ("unit", .string(item.unit)),
            ("status", .string(item.status.rawValue)),
            ("quantity", pair(\.quantity)),
            ("unit_price", pair { $0.unitPrice }),
            ("monthly", .object([("before", EstimateJSON.money(item.monthlyBefore)), ("after", EstimateJSON.money(item.monthlyAfter)),
                                 ("delta", EstimateJSON.money(item.delta))])),
            ("depends_on_usage", .bool(item.before?.dependsOnUsage == true || item.after?.dependsOnUsage == true)),
            ("price_source", .string((item.after ?? item.before)?.rate.source ?? "")),
        ])
    }
}
