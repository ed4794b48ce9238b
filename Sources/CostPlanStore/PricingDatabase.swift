import CostPlan
import Foundation
import GRDB

/// The SQLite rate catalog. Owns the connection, the schema (named migrations, never edited)
/// and every write; each write is one transaction, so a failed load leaves the previous
/// catalog untouched.
public struct PricingDatabase: Sendable {
    let writer: any DatabaseWriter

    /// Wraps a connection and migrates it to the current schema.
    ///
    /// Several processes may open a new catalog file at once (parallel CLI runs, tests): the
    /// migrator reads which migrations are applied before it takes the write lock, so a loser
    /// of that race fails with "table already exists". It then retries, and sees the schema.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        var attempt = 0
        while true {
            do {
                try Self.migrator.migrate(writer)
                return
            } catch let error as DatabaseError where attempt < 5 {
                attempt += 1
                _ = error
                Thread.sleep(forTimeInterval: 0.02 * Double(attempt))
            }
        }
    }

    /// Opens (creating if needed) the catalog file at `path`.
    public static func open(path: String) throws -> PricingDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try PricingDatabase(DatabaseQueue(path: path, configuration: configuration))
    }

    /// An empty in-memory catalog (tests).
    public static func inMemory() throws -> PricingDatabase {
        try PricingDatabase(DatabaseQueue())
    }

    // MARK: - Schema

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("createRateAndCatalogState") { db in
            try db.create(table: "rate") { t in
                t.column("service", .text).notNull()
                t.column("region", .text).notNull()
                t.column("item", .text).notNull()
                t.column("unit", .text).notNull()
                t.column("tierFrom", .text)
                t.column("usd", .text).notNull()
                t.column("effectiveDate", .text).notNull()
                t.column("source", .text).notNull()
                t.column("notes", .text).notNull()
            }
            try db.create(index: "rate_on_service_region_item", on: "rate", columns: ["service", "region", "item"])
            try db.create(table: "catalogState") { t in
                t.primaryKey("id", .integer)
                t.column("fingerprint", .text).notNull()
                t.column("origin", .text).notNull()
                t.column("loadedAt", .datetime).notNull()
            }
        }
        registerImportMigrations(&migrator)
        registerOneRateTableMigration(&migrator)
        return migrator
    }

    // MARK: - Writes

    /// Replaces the whole catalog with `sheets` in one transaction.
    public func replaceAll(with sheets: [RateSheet], fingerprint: String, origin: String) throws {
        try writer.write { db in try Self.replaceAll(in: db, with: sheets, fingerprint: fingerprint, origin: origin) }
    }

    private static func replaceAll(in db: Database, with sheets: [RateSheet], fingerprint: String, origin: String) throws {
        try RateRecord.filter(Column("origin") == RateOrigin.sheet).deleteAll(db)
        try RateRecord.insert(sheets.flatMap(\.rates), in: db)
        try CatalogStateRecord(fingerprint: fingerprint, origin: origin, loadedAt: Date()).save(db)
    }

    // MARK: - Reads

    /// The fingerprint of the sheets the catalog was last built from, if any.
    public func fingerprint() throws -> String? {
        try writer.read { db in try CatalogStateRecord.fetchOne(db)?.fingerprint }
    }

    /// Every rate in one query, as an in-memory catalog for fast lookups. Rates imported from AWS
    /// offer files replace the sheet rates of the same key (see `PricingDatabase+Imports`).
    public func snapshot() throws -> InMemoryPriceCatalog {
        try writer.read { db in try Self.snapshot(db) }
    }

    /// The snapshot of a catalog built from the sheets with `fingerprint`: read as is when the
    /// stored sheets have it, else rebuilt from `parse()` first (imports are kept). The check,
    /// the rebuild and the read are one IMMEDIATE transaction, so a concurrent loader waits and
    /// then finds the catalog current; a parse error leaves the previous catalog untouched.
    public func snapshot(sheetsFingerprint fingerprint: String, origin: String,
                         parse: () throws -> [RateSheet]) throws -> InMemoryPriceCatalog {
        let current = try writer.read { db in
            try CatalogStateRecord.fetchOne(db)?.fingerprint == fingerprint ? try Self.snapshot(db) : nil
        }
        if let current { return current }
        return try writer.writeWithoutTransaction { db in
            var result: InMemoryPriceCatalog?
            try db.inTransaction(.immediate) {
                if try CatalogStateRecord.fetchOne(db)?.fingerprint != fingerprint {
                    try Self.replaceAll(in: db, with: try parse(), fingerprint: fingerprint, origin: origin)
                }
                result = try Self.snapshot(db)
                return .commit
            }
            return result!
        }
    }

    private static func snapshot(_ db: Database) throws -> InMemoryPriceCatalog {
        let (sheetRates, imported) = try fetchRates(db)
        let state = try CatalogStateRecord.fetchOne(db)
        let imports = try ImportedOfferRecord.order(Column("offerCode"), Column("region")).fetchAll(db)
        let overridden = Set(imported.map(\.key))
        let rates = sheetRates.filter { !overridden.contains($0.key) } + imported
        let sheetsID = state?.fingerprint ?? "empty"
        let snapshot = PricingSnapshot(
            id: snapshotID(sheets: sheetsID, imports: imports),
            origin: snapshotOrigin(sheets: state?.origin ?? "empty catalog", imports: imports),
            rateCount: rates.count, latestEffectiveDate: rates.map(\.effectiveDate).max() ?? "")
        return InMemoryPriceCatalog(rates: rates, snapshot: snapshot)
    }

    /// Every stored rate, split by origin, each part in the order it was stored; read column by
    /// column (the snapshot of every estimate: ~21,000 rows, so no per-row Codable decoding).
    static func fetchRates(_ db: Database, filter: String = "", arguments: StatementArguments = [])
        throws -> (sheet: [Rate], offer: [Rate]) {
        var sheet: [Rate] = []
        var offer: [Rate] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT origin, service, region, item, unit, tierFrom, usd, effectiveDate, source, notes FROM rate \(filter)
            ORDER BY rowid
            """, arguments: arguments)
        var prices: [String: Decimal] = [:]  // ~4,600 distinct prices among ~21,000 rows: parse each once
        let parse = { (text: String) -> Decimal? in
            if let known = prices[text] { return known }
            let parsed = Money.parse(text)
            prices[text] = parsed
            return parsed
        }
        while let row = try rows.next() {
            let origin: RateOrigin = row[0]
            let key = RateKey(service: row[1], region: row[2], item: row[3])
            let rate = try RateRecord.rate(key: key, unit: row[4], tierFrom: row[5], usd: row[6], effectiveDate: row[7],
                                           source: row[8], notes: row[9], parsing: parse)
            if origin == .sheet { sheet.append(rate) } else { offer.append(rate) }
        }
        return (sheet, offer)
    }

    /// The rates stored under one key, ordered by tier (a direct SQL lookup; imported rates,
    /// when any, replace the sheet's).
    public func rates(for key: RateKey) throws -> [Rate] {
        try writer.read { db in
            let found = try Self.fetchRates(db, filter: "WHERE service = ? AND region = ? AND item = ?",
                                            arguments: [key.service, key.region, key.item])
            return (found.offer.isEmpty ? found.sheet : found.offer).sorted { ($0.tierFrom ?? 0) < ($1.tierFrom ?? 0) }
        }
    }
}
