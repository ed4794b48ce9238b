import CostPlan
import Foundation

/// One environment's line items priced for a calendar month, with cents allocated so the rows
/// add up exactly to the environment's rounded total for the month.
///
/// The estimate prices a 730-hour month. For a month of `H` hours (days × 24):
/// - a time-billed item (`LineItem.isTimeBilled`: instance-, node-, task-, LCU-hours) runs
///   `H / 730` as long, whatever its schedule: a 260 h/730 h schedule runs 260 × 672 / 730 h in
///   a 28-day month, so its quantity and cost are scaled by `H / 730`;
/// - a per-month item (storage GB-months, requests, fixed fees) is billed as estimated.
struct EnvironmentMonth {
    struct Row {
        var component: Report.Component
        var item: LineItem
        /// The quantity in the month; nil when the usage is unknown.
        var quantity: Decimal?
        /// The exact cost in the month; nil when the usage is unknown.
        var exactCost: Decimal?
        /// The cost rounded to cents with the rounding carried (see `CentAllocation`).
        var cost: Decimal?
    }

    var environment: Report.Environment
    var month: CalendarMonth
    var rows: [Row]
    /// The environment's exact total for the month.
    var exactTotal: Decimal

    init(_ environment: Report.Environment, month: CalendarMonth, scenario: Scenario) {
        let hours = Decimal(month.hours)
        /// `value × H / 730`, one division so the only inexact step is the last digit.
        func scaled(_ value: Decimal) -> Decimal { value * hours / Money.hoursPerMonth }
        var rows: [Row] = []
        var perMonth: Decimal = 0, timeBilled: Decimal = 0
        for component in environment.components {
            for item in component.items(scenario) {
                let monthly = item.monthly
                if let monthly { if item.isTimeBilled { timeBilled += monthly } else { perMonth += monthly } }
                rows.append(Row(
                    component: component, item: item,
                    quantity: item.isTimeBilled ? item.quantity.map(scaled) : item.quantity,
                    exactCost: item.isTimeBilled ? monthly.map(scaled) : monthly))
            }
        }
        // The estimate scaled to the month: per-month items + time-billed items × H / 730.
        exactTotal = perMonth + scaled(timeBilled)
        let priced = rows.indices.compactMap { index in rows[index].exactCost.map { (index: index, exact: $0) } }
        let cents = CentAllocation.allocate(priced.map(\.exact), total: exactTotal)
        for (row, cost) in zip(priced, cents) { rows[row.index].cost = cost }
        self.environment = environment
        self.month = month
        self.rows = rows
    }

    /// The environment's total for the month, rounded half-up to cents (= the sum of `rows`).
    var total: Decimal { Money.rounded(exactTotal, scale: 2) }
}
