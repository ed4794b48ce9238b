import CostPlan
import Foundation

/// The finance CSV: an estimate's costs for calendar months (RFC 4180, UTF-8, CRLF).
///
/// One row per month × environment × component × line item (or, in summary mode, per month ×
/// environment × service). Time-billed items use the month's real hours (days × 24), scaled in
/// proportion for `hours_per_month` schedules; per-month items are not scaled. `cost_usd` has
/// two decimals, with the rounding carried (largest remainder, `CentAllocation`) so that an
/// environment's rows add up to its month total rounded to the cent. A line item whose usage
/// is unknown has empty `usage_quantity` and `cost_usd`. A charge without a rate
/// (`UnpricedItem`) gets one row after its environment's line items, with empty
/// `usage_quantity`, `unit_price_usd` and `cost_usd` and a `price_source` beginning
/// `not priced:` (the reason and the fix); it takes no part in the totals. Pure: no I/O.
public enum CostsCSV {
    /// What to render.
    public struct Options: Hashable, Sendable {
        /// The first month.
        public var start: CalendarMonth
        /// How many consecutive months, 1...`CostsCSV.maximumMonths`.
        public var months: Int
        /// Which point of the scaling ranges to price.
        public var scenario: Scenario
        /// Only these environments (in the estimate's order); empty means all.
        public var environments: [String]
        /// One row per month × environment × service instead of per line item.
        public var summary: Bool
        /// Start with a UTF-8 byte order mark (helps Excel detect UTF-8; off by default).
        public var byteOrderMark: Bool

        public init(start: CalendarMonth, months: Int = 1, scenario: Scenario = .desired,
                    environments: [String] = [], summary: Bool = false, byteOrderMark: Bool = false) {
            self.start = start
            self.months = months
            self.scenario = scenario
            self.environments = environments
            self.summary = summary
            self.byteOrderMark = byteOrderMark
        }
    }

    /// The longest forecast: ten years of months.
    public static let maximumMonths = 120

    /// The header of the line-item CSV, in order: the 16 columns of the finance contract, then
    /// `pricing_snapshot` (the catalog snapshot id every figure was priced with).
    public static let columns = [
        "month", "plan", "environment", "region", "component", "component_type", "service", "line_item",
        "usage_quantity", "usage_unit", "unit_price_usd", "cost_usd", "scenario", "hours_basis",
        "price_source", "price_effective_date", "pricing_snapshot",
    ]

    /// The header of the summary CSV, in order (`pricing_snapshot` last, as in the line items).
    public static let summaryColumns = ["month", "plan", "environment", "service", "cost_usd", "scenario", "hours_basis", "pricing_snapshot"]

    /// Decimal places of `usage_quantity` (time-billed quantities scaled to a month rarely end).
    public static let quantityScale = 6

    /// The CSV of `estimate` for `options`; throws for an unknown environment or a month count
    /// outside 1...`maximumMonths`.
    public static func render(_ report: Report, options: Options) throws(CostsCSVError) -> String {
        guard (1...maximumMonths).contains(options.months) else { throw .monthCount(options.months) }
        let known = report.environments.map(\.name)
        for name in options.environments where !known.contains(name) {
            throw .unknownEnvironment(name, known: known)
        }
        let environments = report.environments.filter {
            options.environments.isEmpty || options.environments.contains($0.name)
        }
        var out = options.byteOrderMark ? "\u{FEFF}" : ""
        out += CSVField.record(options.summary ? summaryColumns : columns)
        for offset in 0..<options.months {
            let month = options.start.adding(months: offset)
            for environment in environments {
                let priced = EnvironmentMonth(environment, month: month, scenario: options.scenario)
                let records = options.summary
                    ? summaryRecords(priced, plan: report.plan, scenario: options.scenario)
                    : lineItemRecords(priced, plan: report.plan, scenario: options.scenario)
                for record in records { out += CSVField.record(record + [report.pricing.id]) }
            }
        }
        return out
    }

    static func lineItemRecords(_ priced: EnvironmentMonth, plan: String, scenario: Scenario) -> [[String]] {
        let unpriced = priced.environment.components.flatMap { component in
            component.unpriced.map { item in
                [
                    priced.month.description, plan, priced.environment.name, item.region, component.id,
                    component.type.rawValue, component.service, item.item, "", "", "", "", scenario.rawValue,
                    String(priced.month.hours), "not priced: \(item.reason); fix: \(item.fix)", "",
                ]
            }
        }
        return pricedRecords(priced, plan: plan, scenario: scenario) + unpriced
    }

    private static func pricedRecords(_ priced: EnvironmentMonth, plan: String, scenario: Scenario) -> [[String]] {
        priced.rows.map { row in
            [
                priced.month.description, plan, priced.environment.name, row.component.region, row.component.id,
                row.component.type.rawValue, row.component.service, row.item.name,
                row.quantity.map { Money.plain(Money.rounded($0, scale: quantityScale)) } ?? "", row.item.unit,
                Money.plain(row.item.unitPrice), row.cost.map(cents) ?? "", scenario.rawValue,
                String(priced.month.hours), row.item.rate.source, row.item.rate.effectiveDate,
            ]
        }
    }

    /// Per service, in order of first appearance: the sum of its line items' allocated cents,
    /// so a pivot of the line-item CSV gives the same figures. Unknown usage → empty cost.
    static func summaryRecords(_ priced: EnvironmentMonth, plan: String, scenario: Scenario) -> [[String]] {
        var services: [String] = []
        var totals: [String: Decimal] = [:]   // only services with at least one priced item
        for row in priced.rows {
            let service = row.component.service
            if !services.contains(service) { services.append(service) }
            if let cost = row.cost { totals[service, default: 0] += cost }
        }
        return services.map { service in
            [priced.month.description, plan, priced.environment.name, service, totals[service].map(cents) ?? "",
             scenario.rawValue, String(priced.month.hours)]
        }
    }

    /// `12.5` → `12.50`: two decimals, no grouping.
    static func cents(_ value: Decimal) -> String {
        let plain = Money.plain(Money.rounded(value, scale: 2))
        guard let dot = plain.firstIndex(of: ".") else { return plain + ".00" }
        return plain.distance(from: dot, to: plain.endIndex) == 2 ? plain + "0" : plain
    }
}

/// Options `CostsCSV.render` cannot honour.
public enum CostsCSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The environment filter names an environment the estimate does not have.
    case unknownEnvironment(String, known: [String])
    /// The number of months is outside 1...`CostsCSV.maximumMonths`.
    case monthCount(Int)

    public var description: String {
        switch self {
        case let .unknownEnvironment(name, known):
            "no environment '\(name)' (the plan has: \(known.joined(separator: ", ")))"
        case let .monthCount(count):
            "\(count) months: the number of months must be 1–\(CostsCSV.maximumMonths)"
        }
    }
}
