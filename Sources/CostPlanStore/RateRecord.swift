import CostPlan
import Foundation
import GRDB

/// A row of the `rate` table. Prices are stored as decimal TEXT so no precision is lost.
struct RateRecord: Codable, FetchableRecord, PersistableRecord {
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

    var rate: Rate {
        Rate(key: RateKey(service: service, region: region, item: item), unit: unit,
             tierFrom: tierFrom.flatMap(Money.parse), usd: Money.parse(usd) ?? 0,
             effectiveDate: effectiveDate, source: source, notes: notes)
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
