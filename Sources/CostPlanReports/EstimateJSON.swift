import CostPlan
import Foundation

/// The estimate as the versioned JSON contract (DESIGN §5): money as exact decimal strings
/// (unrounded: consumers round), fields only ever added, never renamed.
public enum EstimateJSON {
    public static let version = 1

    public static func render(_ report: Report) -> String {
        document(report).rendered()
    }

    public static func document(_ report: Report) -> JSONValue {
        .object([
            ("version", .number("\(version)")),
            ("plan", .string(report.plan)),
            ("description", report.description.map(JSONValue.string) ?? .null),
            ("currency", .string(Money.currency)),
            ("hours_per_month", .number(Money.plain(Money.hoursPerMonth))),
            ("pricing", pricing(report.pricing)),
            ("complete", .bool(report.complete)),
            ("environments", .array(report.environments.map(environment))),
        ])
    }

    public static func pricing(_ snapshot: PricingSnapshot) -> JSONValue {
        .object([
            ("snapshot", .string(snapshot.id)),
            ("origin", .string(snapshot.origin)),
            ("rates", .number("\(snapshot.rateCount)")),
            ("latest_effective_date", .string(snapshot.latestEffectiveDate)),
        ])
    }

    static func money(_ value: Decimal?) -> JSONValue {
        value.map { .string(Money.plain($0)) } ?? .null
    }

    public static func band(_ band: Band) -> JSONValue {
        .object([("min", money(band.min)), ("desired", money(band.desired)), ("max", money(band.max))])
    }

    static func environment(_ env: Report.Environment) -> JSONValue {
        var entries: [(String, JSONValue)] = [
            ("name", .string(env.name)),
            ("region", .string(env.region)),
            ("hours_per_month", .number(Money.plain(env.hoursPerMonth))),
            ("description", env.description.map(JSONValue.string) ?? .null),
            ("complete", .bool(env.complete)),
            ("unpriced", unpriced(env.unpriced)),
            ("monthly", band(env.monthly)),
            ("reference_estimate", env.referenceEstimate.map { reference in
                .object([("low", money(reference.low)), ("high", money(reference.high)),
                         ("source", reference.source.map(JSONValue.string) ?? .null)])
            } ?? .null),
            ("usage_dependent_items", .number("\(env.usageDependentItems.count)")),
            ("components", .array(env.components.map(component))),
        ]
        entries += CapacityJSON.environmentFields(env)
        return .object(entries)
    }

    static func component(_ c: Report.Component) -> JSONValue {
        var entries: [(String, JSONValue)] = [
            ("name", .string(c.id)),
            ("type", .string(c.type.rawValue)),
            ("service", .string(c.service)),
            ("region", .string(c.region)),
            ("hours_per_month", .number(Money.plain(c.hoursPerMonth))),
            ("description", c.description.map(JSONValue.string) ?? .null),
            ("complete", .bool(c.unpriced.isEmpty)),
            ("monthly", band(c.monthly)),
            ("line_items", .array(c.items(.desired).map(lineItem))),
        ]
        if let capacity = c.capacity { entries.append(("capacity", CapacityJSON.capacity(capacity))) }
        return .object(entries)
    }

    /// `[{"component", "address", "item", "service", "region", "reason", "fix"}]`: the charges
    /// without a rate (not in `monthly`); `address` is the Terraform address, null for plan files.
    public static func unpriced(_ items: [UnpricedItem]) -> JSONValue {
        .array(items.map { item in
            .object([
                ("component", .string(item.component)),
                ("address", item.address.map(JSONValue.string) ?? .null),
                ("item", .string(item.item)),
                ("service", .string(item.service)),
                ("region", .string(item.region)),
                ("reason", .string(item.reason)),
                ("fix", .string(item.fix)),
            ])
        })
    }

    static func lineItem(_ item: LineItem) -> JSONValue {
        .object([
            ("name", .string(item.name)),
            ("unit", .string(item.unit)),
            ("quantity", money(item.quantity)),
            ("unit_price", money(item.unitPrice)),
            ("monthly", money(item.monthly)),
            ("depends_on_usage", .bool(item.dependsOnUsage)),
            ("time_billed", .bool(item.isTimeBilled)),
            ("price_source", .string(item.rate.source)),
            ("price_effective_date", .string(item.rate.effectiveDate)),
            ("rate", .object([("service", .string(item.rate.key.service)), ("region", .string(item.rate.key.region)),
                              ("item", .string(item.rate.key.item)), ("unit", .string(item.rate.unit))])),
        ])
    }
}
