import CostPlan
import Foundation
import GRDB

/// Rates imported from AWS Price List offer files are `rate` rows of origin `offer`, beside the
/// sheet rates, so a sheet rebuild (which replaces the `sheet` rows) never loses them and an
/// import never edits a sheet. One `importedOffer` row per offer code and region (the latest
/// import of it; its rates are deleted with it); the snapshot prefers an imported rate over the
/// sheet rate with the same key, and the sheets still provide every other key.
extension PricingDatabase {
    static func registerImportMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("importedAWSOffers") { db in
            try db.create(table: "importedOffer") { t in
                t.column("offerCode", .text).notNull()
                t.column("region", .text).notNull()
                t.column("format", .text).notNull()
                t.column("fileName", .text).notNull()
                t.column("version", .text).notNull()
                t.column("publicationDate", .text).notNull()
                t.column("fingerprint", .text).notNull()
                t.column("rateCount", .integer).notNull()
                t.column("importedAt", .datetime).notNull()
                t.primaryKey(["offerCode", "region"])
            }
            try db.create(table: "importedRate") { t in
                t.column("offerCode", .text).notNull()
                rateColumns(t)
                t.foreignKey(["offerCode", "region"], references: "importedOffer", onDelete: .cascade)
            }
            try db.create(index: "importedRate_on_service_region_item", on: "importedRate", columns: ["service", "region", "item"])
            try db.create(index: "importedRate_on_offer_region", on: "importedRate", columns: ["offerCode", "region"])
        }
    }

    /// `rate` and `importedRate` (the twin tables of the migrations above) become one `rate`
    /// table with an `origin` column (`sheet`, or `offer` with the offer's code); existing rows
    /// move over in their stored order.
    static func registerOneRateTableMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("oneRateTableWithOrigin") { db in
            let columns = "service, region, item, unit, tierFrom, usd, effectiveDate, source, notes"
            try db.execute(sql: """
                CREATE TABLE rateWithOrigin (
                    origin TEXT NOT NULL, offerCode TEXT,
                    service TEXT NOT NULL, region TEXT NOT NULL, item TEXT NOT NULL, unit TEXT NOT NULL, tierFrom TEXT,
                    usd TEXT NOT NULL, effectiveDate TEXT NOT NULL, source TEXT NOT NULL, notes TEXT NOT NULL,
                    CHECK ((origin = 'sheet' AND offerCode IS NULL) OR (origin = 'offer' AND offerCode IS NOT NULL)),
                    FOREIGN KEY (offerCode, region) REFERENCES importedOffer(offerCode, region) ON DELETE CASCADE);
                """)
            try db.execute(sql: """
                INSERT INTO rateWithOrigin (origin, offerCode, \(columns)) SELECT 'sheet', NULL, \(columns) FROM rate ORDER BY rowid;
                INSERT INTO rateWithOrigin (origin, offerCode, \(columns)) SELECT 'offer', offerCode, \(columns) FROM importedRate ORDER BY rowid;
                DROP TABLE importedRate;
                DROP TABLE rate;
                ALTER TABLE rateWithOrigin RENAME TO rate;
                """)
            try db.create(index: "rate_on_service_region_item", on: "rate", columns: ["service", "region", "item"])
            try db.create(index: "rate_on_offer_region", on: "rate", columns: ["offerCode", "region"])
        }
    }

    /// Imported offers, by offer code and region.
    public func importedOffers() throws -> [ImportedOffer] {
        try writer.read { db in try Self.importedOffers(db) }
    }

    /// Imported offers in `db`, by offer code and region.
    static func importedOffers(_ db: Database) throws -> [ImportedOffer] {
        try ImportedOfferRecord.order(Column("offerCode"), Column("region")).fetchAll(db).map(\.offer)
    }

    /// Stores `offer` (one region of an imported file), replacing an earlier import of the same
    /// offer and region. Part of the caller's transaction.
    static func store(_ offer: ImportedOffer, rates: [Rate], in db: Database) throws {
        try ImportedOfferRecord.filter(Column("offerCode") == offer.offerCode && Column("region") == offer.region).deleteAll(db)
        try RateRecord.filter(Column("origin") == RateOrigin.offer && Column("offerCode") == offer.offerCode
                              && Column("region") == offer.region).deleteAll(db)
        try ImportedOfferRecord(offer).insert(db)
        try RateRecord.insert(rates, offerCode: offer.offerCode, in: db)
    }

    /// Writes `imports` into a copy of this catalog at `path` (one transaction), for the caller
    /// to move over the original once it is complete.
    func copy(to path: String, adding imports: [(offer: ImportedOffer, rates: [Rate])]) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let copy = try DatabaseQueue(path: path, configuration: configuration)
        try writer.backup(to: copy)
        _ = try PricingDatabase(copy)
        try copy.write { db in
            for entry in imports { try Self.store(entry.offer, rates: entry.rates, in: db) }
            try Self.refreshSummary(db)
        }
        try copy.close()
    }

    // MARK: Snapshot identity

    /// The sheets' fingerprint alone when nothing is imported (so ids do not change for a catalog
    /// without imports), else a fingerprint of the sheets and every imported offer's content.
    static func snapshotID(sheets: String, imports: [OfferIdentity]) -> String {
        guard !imports.isEmpty else { return String(sheets.prefix(12)) }
        let parts = [("sheets", sheets)] + imports.map { ("\($0.offerCode)/\($0.region)", $0.fingerprint) }
        return String(CatalogLoader.fingerprint(parts).prefix(12))
    }

    /// `pricing/ (19 sheets) + AWS offers AmazonEC2 us-east-1 v20250101000000` (the offers are
    /// listed up to three, then counted).
    static func snapshotOrigin(sheets: String, imports: [OfferIdentity]) -> String {
        guard !imports.isEmpty else { return sheets }
        if imports.count <= 3 {
            return sheets + " + imported AWS offers " + imports.map { "\($0.offerCode) \($0.region) v\($0.version)" }.joined(separator: ", ")
        }
        let perOffer = Dictionary(grouping: imports, by: \.offerCode).sorted { $0.key < $1.key }
            .map { "\($0.key) ×\($0.value.count)" }.joined(separator: ", ")
        return sheets + " + \(imports.count) imported AWS offer regions (\(perOffer))"
    }
}

/// The columns of an `importedOffer` row that name it in a snapshot's id and origin.
struct OfferIdentity {
    var offerCode: String
    var region: String
    var version: String
    var fingerprint: String
}

/// One region of an imported AWS offer file, as recorded in the catalog.
public struct ImportedOffer: Sendable, Equatable {
    public var offerCode: String
    public var region: String
    public var format: String
    public var fileName: String
    public var version: String
    public var publicationDate: String
    /// A fingerprint of the rates (not of the file name or import time): equal for a re-import.
    public var fingerprint: String
    public var rateCount: Int
    public var importedAt: Date
}

struct ImportedOfferRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "importedOffer"
    var offerCode: String
    var region: String
    var format: String
    var fileName: String
    var version: String
    var publicationDate: String
    var fingerprint: String
    var rateCount: Int
    var importedAt: Date

    init(_ offer: ImportedOffer) {
        (offerCode, region, format, fileName) = (offer.offerCode, offer.region, offer.format, offer.fileName)
        (version, publicationDate, fingerprint) = (offer.version, offer.publicationDate, offer.fingerprint)
        (rateCount, importedAt) = (offer.rateCount, offer.importedAt)
    }

    var offer: ImportedOffer {
        ImportedOffer(offerCode: offerCode, region: region, format: format, fileName: fileName, version: version,
                      publicationDate: publicationDate, fingerprint: fingerprint, rateCount: rateCount, importedAt: importedAt)
    }
}
