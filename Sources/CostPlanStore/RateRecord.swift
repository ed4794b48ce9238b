import CostPlan
import Foundation
import GRDB

/// Where a stored rate comes from: the `pricing/` sheets, or an imported AWS offer file (then the
/// row's `offerCode` and `region` name its `importedOffer`).
enum RateOrigin: String, Codable, DatabaseValueConvertible {
    case sheet
    case offer
}

/// A row of the `rate` table: one rate from the sheets or from an imported offer. Prices are
/// stored as decimal TEXT so no precision is lost.
struct RateRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "rate"

    var origin: RateOrigin
    /// The imported offer's code (`AmazonEC2`); nil for a sheet rate.
    var offerCode: String?
    var service: String
    var region: String
    var item: String
    var unit: String
    var tierFrom: String?
    var usd: String
    var effectiveDate: String
    var source: String
    var notes: String

    /// The rate of stored columns; a price or tier start that does not read back as a
    /// non-negative decimal is an error, never $0 and never a negative charge. `parse` is
    /// `Money.parse` or a memo of it.
    static func rate(key: RateKey, unit: String, tierFrom: String?, usd: String, effectiveDate: String, source: String,
                     notes: String, parsing parse: (String) -> Decimal?) throws -> Rate {
        let price = try figure(usd, column: "usd", key: key, parse: parse)
        let from = try tierFrom.map { try figure($0, column: "tierFrom", key: key, parse: parse) }
        return Rate(key: key, unit: unit, tierFrom: from, usd: price, effectiveDate: effectiveDate, source: source, notes: notes)
    }

    private static func figure(_ text: String, column: String, key: RateKey,
                               parse: (String) -> Decimal?) throws -> Decimal {
        guard let value = parse(text) else {
            throw CorruptCatalogError(key: key, column: column, value: text, problem: "is not a decimal")
        }
        guard value >= 0 else { throw CorruptCatalogError(key: key, column: column, value: text, problem: "is negative") }
        return value
    }

    /// Inserts `rates` with one prepared statement (part of the caller's transaction).
    static func insert(_ rates: [Rate], offerCode: String? = nil, in db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO rate (origin, offerCode, service, region, item, unit, tierFrom, usd, effectiveDate, source, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let origin = offerCode == nil ? RateOrigin.sheet : .offer
        for rate in rates {
            try statement.execute(arguments: [origin, offerCode, rate.key.service, rate.key.region, rate.key.item, rate.unit,
                                              rate.tierFrom.map(Money.plain), Money.plain(rate.usd), rate.effectiveDate,
                                              rate.source, rate.notes])
        }
    }
}

/// A stored rate whose figures are not non-negative decimals: the catalog file was changed
/// outside costplan.
struct CorruptCatalogError: Error, CustomStringConvertible {
    var key: RateKey
    var column: String
    var value: String
    /// `is not a decimal`, `is negative`.
    var problem: String

    var description: String {
        "the catalog holds \(key) with \(column) '\(value)', which \(problem); "
            + "delete the catalog file (by default ~/.cache/costplan/catalog.sqlite) and run again to rebuild it from the rate sheets"
    }
}

/// The single row of `catalogState`: which sheets the catalog was built from, and the summary of
/// its snapshot (kept by every write, so a run can name the snapshot without reading the rates).
struct CatalogStateRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "catalogState"
    var id: Int = 1
    /// The sheets' content fingerprint (`CatalogLoader.fingerprint`).
    var fingerprint: String
    var origin: String
    var loadedAt: Date
    /// The sheets' cheap stamp when the catalog was last checked against them (`RateSheetSource.stamp()`).
    var sheetsStamp: String?
    /// The snapshot's rate count and newest effective date (`PricingDatabase.refreshSummary`).
    var rateCount: Int?
    var latestEffectiveDate: String?
}

/// What a run reads of `catalogState` to check that the catalog is current and to name its
/// snapshot: five columns read by position, without Codable decoding or a date (a cold
/// `costplan estimate` pays for neither).
struct CatalogSummary {
    var fingerprint: String
    var origin: String
    var sheetsStamp: String?
    var rateCount: Int?
    var latestEffectiveDate: String?

    /// The single row of `catalogState`, if the catalog was ever built.
    static func fetch(_ reads: SQLiteReads) throws -> CatalogSummary? {
        var summary: CatalogSummary?
        let sql = "SELECT fingerprint, origin, sheetsStamp, rateCount, latestEffectiveDate FROM catalogState LIMIT 1"
        try reads.rows(sql) { row in
            summary = CatalogSummary(fingerprint: row.text(0), origin: row.text(1), sheetsStamp: row.optionalText(2),
                                     rateCount: row.optionalInt(3), latestEffectiveDate: row.optionalText(4))
        }
        return summary
    }
}
