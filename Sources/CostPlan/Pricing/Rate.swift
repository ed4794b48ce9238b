import Foundation

/// What a rate is looked up by: the AWS service (Price List service code, e.g. `AmazonRDS`),
/// the region (`us-east-1`, or `global` for services priced the same everywhere) and the item
/// key the rate sheets use (`instance/postgres/db.t3.medium/multi-az`).
public struct RateKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public var service: String
    public var region: String
    public var item: String

    public init(service: String, region: String, item: String) {
        self.service = service
        self.region = region
        self.item = item
    }

    public var description: String { "\(service) \(item) in \(region)" }
}

/// One published price: a unit price for a unit of usage, with where it comes from.
/// A tiered price is several rates with the same key and increasing `tierFrom`.
public struct Rate: Hashable, Sendable, Codable {
    public var key: RateKey
    /// The billing unit, e.g. `hour`, `GB-month`, `1M requests`.
    public var unit: String
    /// For a tiered rate, the monthly quantity (in `unit`s) where this tier starts; nil when flat.
    public var tierFrom: Decimal?
    /// US dollars per `unit`, at full published precision.
    public var usd: Decimal
    /// When the price was observed or published (`YYYY-MM-DD`).
    public var effectiveDate: String
    /// Where the price comes from; a rate computed from another starts with "derived from".
    public var source: String
    /// Confidence and remarks.
    public var notes: String

    public init(key: RateKey, unit: String, tierFrom: Decimal? = nil, usd: Decimal,
                effectiveDate: String, source: String, notes: String = "") {
        self.key = key
        self.unit = unit
        self.tierFrom = tierFrom
        self.usd = usd
        self.effectiveDate = effectiveDate
        self.source = source
        self.notes = notes
    }

    /// True when the rate was computed from another published rate rather than sourced directly.
    public var isDerived: Bool { source.lowercased().hasPrefix("derived from") }
}

/// Identifies the catalog contents an estimate was priced with, so every output can name it.
public struct PricingSnapshot: Hashable, Sendable, Codable {
    /// A short fingerprint of the rate sheets' contents and of any imported AWS offer files'
    /// rates (changes whenever any rate changes).
    public var id: String
    /// Where the rates were loaded from, e.g. `pricing/ (19 sheets)` or
    /// `pricing/ (19 sheets) + imported AWS offers AmazonEC2 us-east-1 v20250101000000`.
    public var origin: String
    /// How many rates the catalog holds.
    public var rateCount: Int
    /// The newest effective date among the rates.
    public var latestEffectiveDate: String

    public init(id: String, origin: String, rateCount: Int, latestEffectiveDate: String) {
        self.id = id
        self.origin = origin
        self.rateCount = rateCount
        self.latestEffectiveDate = latestEffectiveDate
    }
}
