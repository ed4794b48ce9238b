import CostPlan
import Foundation

/// One offer file read and filtered: its identity (offer, version, publication date) and the
/// catalog rates it yields, grouped by region. Nothing is stored until the catalog imports it.
public struct OfferImport: Sendable {
    public enum Format: String, Sendable { case csv, json }

    /// The file it was read from.
    public var file: String
    public var format: Format
    /// The Price List offer code (`AmazonEC2`).
    public var offerCode: String
    /// The offer version (`20250101000000`).
    public var version: String
    /// When AWS published the offer (`2025-01-01T00:00:00Z`).
    public var publicationDate: String
    /// The rates the estimator uses, per region, tiers ordered.
    public var ratesByRegion: [String: [Rate]]
    public var statistics: ImportStatistics

    /// Every rate, regions in order.
    public var rates: [Rate] { ratesByRegion.keys.sorted().flatMap { ratesByRegion[$0]! } }
}

/// What reading one file did, for the summary.
public struct ImportStatistics: Sendable {
    /// Data rows (CSV) or price dimensions (JSON) read.
    public var rowsRead = 0
    /// Bytes read from the file.
    public var bytesRead: Int64 = 0
    /// Rows that became (or confirmed) a catalog rate.
    public var rowsUsed = 0
    /// Rows of a product the estimator prices whose unit or currency it cannot use.
    public var rowsWithUnexpectedUnit = 0
    /// Products the estimator prices whose location is not an AWS region it can name.
    public var rowsWithUnknownRegion = 0
    /// Keys with two different prices for the same tier (the first in the file is kept).
    public var conflicts: [String] = []
    /// Rows skipped for their price (see `OfferPrice`): where, which rate, the price and why.
    public var rejectedPrices: [String] = []
    /// Wall-clock seconds spent reading.
    public var seconds: Double = 0

    public init() {}

    /// Counts what `RateCollector.add` did with one row.
    mutating func count(_ outcome: RateCollector.Outcome) {
        switch outcome {
        case .added: rowsUsed += 1
        case .unusableUnit: rowsWithUnexpectedUnit += 1
        case let .rejectedPrice(warning): rejectedPrices.append(warning)
        }
    }
}

/// The sanity checks an offer price passes before it becomes a catalog rate. A price that fails
/// is skipped with a warning (the rate stays missing, so an estimate needing it fails loudly
/// rather than pricing it wrongly):
/// - not a plain decimal (`NaN`, `1e3`, empty), or negative;
/// - more than `maxSignificantDigits` significant digits (the Price List publishes at most 10
///   decimal places, e.g. `0.0000166667`);
/// - over `maxUSD` per catalog unit (the dearest on-demand instance-hour is about $400);
/// - $0 for a time-billed unit (`hour`, `vCPU-hour`, `GB-hour`, …): a running resource is never
///   free, and a missing rate must not become $0.
public enum OfferPrice {
    /// The largest price per catalog unit accepted: $10,000,000.
    public static let maxUSD: Decimal = 10_000_000
    /// The most significant digits accepted in a published price.
    public static let maxSignificantDigits = 20

    /// Why `price` (as published, per AWS unit) becomes no catalog rate, given `usd` (per catalog
    /// `unit`, after conversion); nil when it is usable.
    public static func problem(_ price: String, usd: Decimal?, unit: String) -> String? {
        guard let usd else { return "is not a plain decimal" }
        if usd < 0 { return "is negative" }
        // Significant digits: the digits without leading and trailing zeros (`0.0104000000` has 3).
        let digits = price.filter(\.isNumber).drop { $0 == "0" }.reversed().drop { $0 == "0" }
        if digits.count > maxSignificantDigits { return "has more than \(maxSignificantDigits) significant digits" }
        if usd > maxUSD { return "is over $10,000,000 per \(unit)" }
        if usd == 0, unit.hasSuffix("hour") { return "is $0 for a time-billed unit (\(unit))" }
        return nil
    }
}

/// Progress while reading a file (for the terminal progress bar).
public struct ImportProgress: Sendable {
    public var file: String
    public var bytesRead: Int64
    public var totalBytes: Int64
    public var rowsRead: Int
    public var seconds: Double
}

/// A file that cannot be imported: where (file, and the CSV line or the JSON path) and why.
public struct OfferImportError: Error, CustomStringConvertible {
    public var file: String
    /// `line 12` or `$.terms.OnDemand["SKU"]` (nil when it concerns the whole file).
    public var location: String?
    public var message: String

    public var description: String {
        "\(file)\(location.map { ": \($0)" } ?? ""): error: \(message)"
    }
}

/// Collects matched price dimensions and turns them into catalog rates: converts units, keeps
/// tier ranges (`tierFrom` is set when an item has several tiers or does not start at 0),
/// drops exact duplicates and records conflicting duplicates.
struct RateCollector {
    struct Pending {
        var region: String
        var match: ProductMatch
        var unit: String
        var beginRange: Decimal
        var usd: Decimal
        var effectiveDate: String
        var sku: String
        var rateCode: String
        var description: String
    }

    let offerCode: String
    let version: String
    let publicationDate: String
    let fileName: String
    private var pending: [Pending] = []

    init(offerCode: String, version: String, publicationDate: String, fileName: String) {
        self.offerCode = offerCode
        self.version = version
        self.publicationDate = publicationDate
        self.fileName = fileName
    }

    /// What `add` did with one price dimension.
    enum Outcome: Equatable {
        case added
        /// Its unit or currency is not one the estimator uses.
        case unusableUnit
        /// Its price failed `OfferPrice`: the warning names the row, the rate, the price and why.
        case rejectedPrice(String)
    }

    /// Adds one price dimension of a matched product found at `row` (`line 12`, `SKU …`).
    mutating func add(region: String, match: ProductMatch, awsUnit: String, currency: String, price: String,
                      beginRange: String, effectiveDate: String, sku: String, rateCode: String, description: String,
                      row: String) -> Outcome {
        guard currency == "USD", let conversion = match.conversion(forAWSUnit: awsUnit) else { return .unusableUnit }
        let published = Money.parse(price)
        if let problem = OfferPrice.problem(price, usd: published.map { $0 * conversion.factor }, unit: conversion.unit) {
            let shown = price.count > 40 ? "\(price.prefix(40))… (\(price.count) characters)" : price
            return .rejectedPrice("\(row) (SKU \(sku), \(match.service) \(match.item) in \(region)): "
                + "price '\(shown)' USD per \(awsUnit) \(problem); skipped")
        }
        let begin = beginRange.isEmpty ? 0 : Money.parse(beginRange)
        guard let usd = published, let begin else { return .unusableUnit }
        pending.append(Pending(region: region, match: match, unit: conversion.unit, beginRange: begin,
                               usd: usd * conversion.factor, effectiveDate: String(effectiveDate.prefix(10)),
                               sku: sku, rateCode: rateCode, description: description))
        return .added
    }

    /// The rates per region, and the keys that had conflicting prices.
    func finish() -> (ratesByRegion: [String: [Rate]], conflicts: [String]) {
        var byKey: [RateKey: [Pending]] = [:]
        var order: [RateKey] = []
        for entry in pending {
            let key = RateKey(service: entry.match.service, region: entry.region, item: entry.match.item)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(entry)
        }
        var ratesByRegion: [String: [Rate]] = [:]
        var conflicts: [String] = []
        for key in order {
            var tiers: [Pending] = []
            for entry in byKey[key]! {
                if let same = tiers.first(where: { $0.beginRange == entry.beginRange }) {
                    if same.usd != entry.usd || same.unit != entry.unit {
                        conflicts.append("\(key) from \(entry.beginRange): SKU \(same.sku) at \(same.usd) kept, SKU \(entry.sku) at \(entry.usd) ignored")
                    }
                    continue
                }
                tiers.append(entry)
            }
            tiers.sort { $0.beginRange < $1.beginRange }
            let tiered = tiers.count > 1 || tiers[0].beginRange != 0
            for tier in tiers {
                let source = "AWS Price List \(offerCode) \(key.region) offer version \(version) (published \(publicationDate)), "
                    + "SKU \(tier.sku) rate code \(tier.rateCode), imported from \(fileName)"
                ratesByRegion[key.region, default: []].append(Rate(
                    key: key, unit: tier.unit, tierFrom: tiered ? tier.beginRange : nil, usd: tier.usd,
                    effectiveDate: tier.effectiveDate, source: source, notes: tier.description))
            }
        }
        return (ratesByRegion, conflicts)
    }
}

extension OfferImport {
    /// Reads `path` (`.csv` or `.json`, told by its extension) and filters it to catalog rates.
    /// Each rate's source ends "imported from `source`": the URL a fetch downloaded it from, or
    /// (nil) the file's name. Throws `OfferImportError` naming the line (CSV) or JSON path of
    /// the first problem.
    public static func read(path: String, source: String? = nil, progress: ((ImportProgress) -> Void)? = nil) throws -> OfferImport {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return try OfferCSVReader(path: path, source: source, progress: progress).read() }
        if lower.hasSuffix(".json") { return try OfferJSONReader(path: path, source: source, progress: progress).read() }
        throw OfferImportError(file: path, location: nil,
                               message: "not an offer file: the name must end in .csv or .json (AWS Price List index.csv / index.json)")
    }

    static func supportedOffer(_ code: String, file: String, location: String) throws -> SupportedOffer {
        guard let offer = SupportedOffer(rawValue: code) else {
            throw OfferImportError(file: file, location: location, message:
                "offer '\(code)' is not one costplan prices; import one of: \(SupportedOffer.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return offer
    }
}
