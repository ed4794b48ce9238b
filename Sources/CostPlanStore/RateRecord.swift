import CostPlan
import Foundation
import GRDB

/// The columns a stored rate has in both the `rate` (sheets) and `importedRate` tables.
/// Prices are stored as decimal TEXT so no precision is lost.
protocol StoredRate {
    var service: String { get }
    var region: String { get }
    var item: String { get }
    var unit: String { get }
    var tierFrom: String? { get }
    var usd: String { get }
    var effectiveDate: String { get }
    var source: String { get }
    var notes: String { get }
}

extension StoredRate {
    /// The rate; a price or tier start that does not read back as a non-negative decimal is an
    /// error, never $0 and never a negative charge.
    func rate() throws -> Rate { try rate(parsing: Money.parse) }

    /// The rate, reading its figures with `parse` (`Money.parse`, or a memo of it).
    func rate(parsing parse: (String) -> Decimal?) throws -> Rate {
        let key = RateKey(service: service, region: region, item: item)
        let price = try Self.figure(usd, column: "usd", key: key, parse: parse)
        let from = try tierFrom.map { try Self.figure($0, column: "tierFrom", key: key, parse: parse) }
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

/// A row of the `rate` table: a rate from the `pricing/` sheets.
struct RateRecord: Codable, FetchableRecord, PersistableRecord, StoredRate {
    static let databaseTableName = "rate"

    var service: String
    var region: String
    var item: String
    var unit: String
    var tierFrom: String?
    var usd: String
    var effectiveDate: String
    var source: String
    var notes: String

    enum Columns {
        static let service = Column(CodingKeys.service)
        static let region = Column(CodingKeys.region)
        static let item = Column(CodingKeys.item)
    }

    init(_ rate: Rate) {
        service = rate.key.service
        region = rate.key.region
        item = rate.key.item
        unit = rate.unit
        tierFrom = rate.tierFrom.map(Money.plain)
        usd = Money.plain(rate.usd)
        effectiveDate = rate.effectiveDate
        source = rate.source
        notes = rate.notes
    }
}

/// The single row of `catalogState`: which sheets the catalog was built from.
struct CatalogStateRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "catalogState"
    var id: Int = 1
    var fingerprint: String
    var origin: String
    var loadedAt: Date
}
