import Foundation

/// What a component's pricing rule needs: the catalog, its region and its running hours, plus
/// helpers that turn a rate and a quantity into line items (and check the rate's unit).
///
/// A rate the catalog lacks does not stop the component: the helper records the charge in
/// `missing` and returns a stand-in item (no quantity, the looked-up key) that the estimator
/// removes, so the component's other charges are still priced and nothing is counted as $0.
struct PricingContext {
    let catalog: any PriceCatalog
    let region: String
    /// Hours a month the component runs (730 unless the plan says otherwise).
    let hours: Decimal
    /// The charges whose rate is missing, in the order the rule asked for them.
    let missing = MissingRates()

    /// Charges a pricing rule could not price, collected while it runs.
    final class MissingRates {
        var charges: [(name: String, key: RateKey, nearby: [Rate])] = []
        /// The looked-up keys, to remove the stand-in items.
        var keys: Set<RateKey> { Set(charges.map(\.key)) }
    }

    /// `price()`, or — when the rate is missing — the charge recorded in `missing` and a
    /// stand-in item for it (removed by the estimator; never priced).
    private func orMissing(_ name: String, unit: String, timeBilled: Bool, _ price: () throws -> [LineItem]) throws -> [LineItem] {
        do { return try price() } catch let PricingError.missingRate(key, nearby) {
            missing.charges.append((name, key, nearby))
            let standIn = Rate(key: key, unit: unit, usd: 0, effectiveDate: "", source: "not priced")
            return [LineItem(name: name, unit: plural(unit), quantity: nil, unitPrice: 0, rate: standIn, isTimeBilled: timeBilled)]
        }
    }

    /// The single (flat) rate for `item`, checked to be in `unit`.
    func rate(_ service: String, _ item: String, unit: String) throws -> Rate {
        let rates = try catalog.lookup(service: service, region: region, item: item)
        let rate = rates[0]
        guard rate.unit == unit else { throw PricingError.unitMismatch(rate.key, expected: unit, found: rate.unit) }
        return rate
    }

    /// A time-billed charge: `perHour` units running for the component's hours.
    func hourly(_ name: String, perHour: Decimal, _ service: String, _ item: String, unit: String) throws -> LineItem {
        try orMissing(name, unit: unit, timeBilled: true) {
            let rate = try rate(service, item, unit: unit)
            return [LineItem(name: name, unit: plural(unit), quantity: perHour * hours, unitPrice: rate.usd,
                             rate: rate, isTimeBilled: true)]
        }[0]
    }

    /// A per-month charge. `quantity` is in the plan's terms and is divided by `per` to get
    /// rate units (e.g. requests ÷ 10,000 for a per-10K price); nil means "depends on usage".
    func monthly(_ name: String, quantity: Decimal?, per: Decimal = 1, _ service: String, _ item: String,
                 unit: String) throws -> LineItem {
        try orMissing(name, unit: unit, timeBilled: false) {
            let rate = try rate(service, item, unit: unit)
            // `Decimal` division is long division even by one; `compacted` is what it gives then.
            let inRateUnits = quantity.map { per == 1 ? $0.compacted : $0 / per }
            return [LineItem(name: name, unit: plural(unit), quantity: inRateUnits, unitPrice: rate.usd, rate: rate,
                             isTimeBilled: false)]
        }[0]
    }

    /// A tiered per-month charge: one line item per tier the quantity reaches, each GB (or
    /// unit) priced by the tier it falls in. Unknown quantity → one "depends on usage" item.
    func tiered(_ name: String, quantity: Decimal?, _ service: String, _ item: String, unit: String) throws -> [LineItem] {
        try orMissing(name, unit: unit, timeBilled: false) {
            try tieredItems(name, quantity: quantity, service, item, unit: unit)
        }
    }

    private func tieredItems(_ name: String, quantity: Decimal?, _ service: String, _ item: String, unit: String) throws -> [LineItem] {
        let rates = try catalog.lookup(service: service, region: region, item: item)
        for rate in rates where rate.unit != unit {
            throw PricingError.unitMismatch(rate.key, expected: unit, found: rate.unit)
        }
        guard let quantity else {
            return [LineItem(name: name, unit: plural(unit), quantity: nil, unitPrice: rates[0].usd,
                             rate: rates[0], isTimeBilled: false)]
        }
        if rates.count == 1 {
            return [LineItem(name: name, unit: plural(unit), quantity: quantity, unitPrice: rates[0].usd,
                             rate: rates[0], isTimeBilled: false)]
        }
        var items: [LineItem] = []
        for (index, rate) in rates.enumerated() {
            let start = rate.tierFrom ?? 0
            let end = index + 1 < rates.count ? rates[index + 1].tierFrom : nil
            guard quantity > start || index == 0 else { break }
            let inTier = Swift.min(quantity, end ?? quantity) - start
            let label = tierLabel(index: index, start: start, end: end, unit: unit)
            items.append(LineItem(name: "\(name) (\(label))", unit: plural(unit), quantity: Swift.max(inTier, 0),
                                  unitPrice: rate.usd, rate: rate, isTimeBilled: false))
        }
        return items
    }
}

/// "hours" for "hour", "GB-months" for "GB-month"; other units stay as published.
func plural(_ unit: String) -> String {
    for suffix in ["hour", "month", "minute"] where unit == suffix || unit.hasSuffix("-" + suffix) {
        return unit + "s"
    }
    return unit
}

/// "first 10 TB", "next 40 TB", "over 150 TB" (Infracost's naming), with binary TB/PB for GB.
func tierLabel(index: Int, start: Decimal, end: Decimal?, unit: String) -> String {
    // Tier bounds are whole numbers that divide evenly (51,200 GB is 50 TB): integer division
    // where it is exact, `Decimal` division (slow, digit by digit) otherwise.
    func scaled(_ amount: Decimal, down divisor: UInt64) -> String {
        if let (negative, exponent, significand) = DecimalStorage.parts(of: amount), !negative, (0...9).contains(exponent) {
            let power = (0..<exponent).reduce(UInt64(1)) { power, _ in power * 10 }
            let (whole, overflow) = significand.multipliedReportingOverflow(by: power)
            if !overflow, whole % divisor == 0 { return String(whole / divisor) }
        }
        return Money.plain(amount / Decimal(divisor))
    }
    func size(_ amount: Decimal) -> String {
        if unit.hasPrefix("GB") {
            if amount >= 1_048_576 { return scaled(amount, down: 1_048_576) + " PB" }
            if amount >= 1024 { return scaled(amount, down: 1024) + " TB" }
            return Money.plain(amount) + " GB"
        }
        if unit.hasPrefix("1M") {
            return amount >= 1000 ? scaled(amount, down: 1000) + "B" : Money.plain(amount) + "M"
        }
        return Money.plain(amount) + " " + unit
    }
    guard let end else { return "over \(size(start))" }
    return index == 0 ? "first \(size(end))" : "next \(size(end - start))"
}
