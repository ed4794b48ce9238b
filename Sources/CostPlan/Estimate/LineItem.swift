import Foundation

/// One priced charge of a component: a quantity of a unit at a unit price, with the rate it came
/// from. A line item whose usage the plan does not state has no quantity and no cost: it is
/// shown as "depends on usage", never as $0.
public struct LineItem: Hashable, Sendable, Codable {
    /// What is charged, e.g. "Database instance (on-demand, Multi-AZ, db.r6g.xlarge)".
    public var name: String
    /// The unit of `quantity` and `unitPrice`, e.g. `hours`, `GB-months`, `1M requests`.
    public var unit: String
    /// Units per month; nil when the plan does not state the usage.
    public var quantity: Decimal?
    /// US dollars per unit, full precision.
    public var unitPrice: Decimal
    /// The rate priced with.
    public var rate: Rate
    /// True when the quantity is proportional to running hours (instance-hours, LCU-hours...);
    /// false for per-month charges (storage GB-months, requests, fixed fees).
    public var isTimeBilled: Bool

    public init(name: String, unit: String, quantity: Decimal?, unitPrice: Decimal, rate: Rate, isTimeBilled: Bool) {
        self.name = name
        self.unit = unit
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.rate = rate
        self.isTimeBilled = isTimeBilled
    }

    /// Quantity × unit price, unrounded; nil when the usage is unknown.
    public var monthly: Decimal? { quantity.map { $0 * unitPrice } }

    /// True when the plan does not state the usage this item is billed on.
    public var dependsOnUsage: Bool { quantity == nil }

    /// "source (effective YYYY-MM-DD)", as reports show it.
    public var priceSource: String { rate.source }
}
