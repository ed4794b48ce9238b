import Foundation

/// A fixed monthly amount from outside the catalog (a support plan, a third-party service):
/// priced as given, with the plan as its source.
struct FixedCost: ComponentSpec {
    var monthlyUSD: Decimal

    init(_ f: FieldReader) {
        monthlyUSD = f.decimal("monthly_usd", required: true, unit: "USD") ?? 0
    }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        let rate = Rate(key: RateKey(service: "Fixed", region: p.region, item: "fixed"), unit: "month",
                        usd: monthlyUSD, effectiveDate: "", source: "stated in the plan (type: fixed)")
        return [LineItem(name: "Fixed monthly amount", unit: "months", quantity: 1, unitPrice: monthlyUSD,
                         rate: rate, isTimeBilled: false)]
    }
}
