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

    /// Internal for the test that pins each migration's schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("createRateAndCatalogState") { db in
            try db.create(table: "rate") { t in rateColumns(t) }
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
        // What a run needs to check the catalog is current and name it without reading its
        // rates: a cheap stamp of the sheets (`RateSheetSource.stamp()`) and the snapshot's rate
        // count and newest effective date, kept by every write (`refreshSummary`).
        migrator.registerMigration("catalogStateStampAndSummary") { db in
            try db.alter(table: "catalogState") { t in
                t.add(column: "sheetsStamp", .text)
                t.add(column: "rateCount", .integer)
                t.add(column: "latestEffectiveDate", .text)
            }
            try refreshSummary(db)
        }
        return migrator
    }

    /// The nine columns of a rate row, in their order, as the `createRateAndCatalogState` and
    /// `importedAWSOffers` migrations declare them (those migrations' DDL must never change).
    static func rateColumns(_ t: TableDefinition) {
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

    /// Whether every migration this code knows was applied (a catalog lacking one is opened for
    /// writing, which applies it). Throws when the file has no migrations table.
    static func migrationsComplete(_ reads: SQLiteReads) throws -> Bool {
        var applied = Set<String>()
        try reads.rows("SELECT identifier FROM grdb_migrations") { applied.insert($0.text(0)) }
        return knownMigrations.allSatisfy(applied.contains)
    }

    /// `migrator.migrations`, written out: building the migrator (GRDB's, with every migration's
    /// closure) cost a cold run more than the check. A test keeps the two equal.
    static let knownMigrations = ["createRateAndCatalogState", "importedAWSOffers", "oneRateTableWithOrigin",
                                  "catalogStateStampAndSummary"]

    // MARK: - Writes

    /// Replaces the sheet rates with `sheets` in one transaction (imports are kept).
    public func replaceAll(with sheets: [RateSheet], fingerprint: String, origin: String) throws {
        try writer.write { db in try Self.replaceAll(in: db, with: sheets, fingerprint: fingerprint, origin: origin, stamp: nil) }
    }

    /// The sheet rows go, the new ones are inserted with one prepared statement while the key
    /// index is dropped (rebuilt once after the inserts: faster than updating it per row).
    private static func replaceAll(in db: Database, with sheets: [RateSheet], fingerprint: String, origin: String,
                                   stamp: String?) throws {
        try db.execute(sql: "DROP INDEX rate_on_service_region_item")
        try RateRecord.filter(Column("origin") == RateOrigin.sheet).deleteAll(db)
        try RateRecord.insert(sheets.flatMap(\.rates), in: db)
        try db.create(index: "rate_on_service_region_item", on: "rate", columns: ["service", "region", "item"])
        try CatalogStateRecord(fingerprint: fingerprint, origin: origin, loadedAt: Date(), sheetsStamp: stamp).save(db)
        try refreshSummary(db)
    }

    /// Stores in `catalogState` the rate count and newest effective date of the snapshot (every
    /// imported rate, and every sheet rate no imported rate replaces), so a run names the
    /// snapshot without reading the rates. Part of every write's transaction.
    static func refreshSummary(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE catalogState SET (rateCount, latestEffectiveDate) = (
                SELECT COUNT(*), IFNULL(MAX(effectiveDate), '') FROM rate AS r
                WHERE origin = 'offer' OR NOT EXISTS (
                    SELECT 1 FROM rate AS o
                    WHERE o.origin = 'offer' AND o.service = r.service AND o.region = r.region AND o.item = r.item))
            """)
    }

    // MARK: - Reads

    /// The fingerprint of the sheets the catalog was last built from, if any.
    public func fingerprint() throws -> String? {
        try writer.read { db in try CatalogStateRecord.fetchOne(db)?.fingerprint }
    }

    /// Every rate in one query, as an in-memory catalog for fast lookups. Rates imported from AWS
    /// offer files replace the sheet rates of the same key (see `PricingDatabase+Imports`).
    public func snapshot() throws -> InMemoryPriceCatalog {
        try writer.read { db in try Self.snapshot(SQLiteReads(db)) }
    }

    /// Makes the catalog current for the sheets whose cheap stamp is `stamp` (see
    /// `RateSheetSource.stamp()`). When the stored stamp differs, `sheets()` reads them: sheets
    /// with the stored content fingerprint only update the stamp (a touched file); other sheets
    /// are parsed and replace the sheet rates (imports are kept). The check and the rebuild are
    /// one IMMEDIATE transaction, so a concurrent loader waits and then finds the catalog
    /// current; a parse error leaves the previous catalog untouched.
    func makeCurrent(stamp: String, sheets: () throws -> SheetsToLoad) throws {
        let current = try writer.read { db in try Self.isCurrent(SQLiteReads(db), stamp: stamp) }
        if current { return }
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                if try Self.isCurrent(SQLiteReads(db), stamp: stamp) { return .commit }
                let loaded = try sheets()
                if var state = try CatalogStateRecord.fetchOne(db), state.fingerprint == loaded.fingerprint {
                    state.sheetsStamp = stamp
                    try state.update(db)
                } else {
                    try Self.replaceAll(in: db, with: try loaded.parse(), fingerprint: loaded.fingerprint,
                                        origin: loaded.origin, stamp: stamp)
                }
                return .commit
            }
        }
    }

    /// The sheets to build the catalog from: their content fingerprint, origin label, and parser.
    struct SheetsToLoad {
        var fingerprint: String
        var origin: String
        var parse: () throws -> [RateSheet]
    }

    static func isCurrent(_ reads: SQLiteReads, stamp: String) throws -> Bool {
        guard let state = try CatalogSummary.fetch(reads) else { return false }
        return state.sheetsStamp == stamp && state.rateCount != nil
    }

    /// The snapshot's identity from `catalogState` and `importedOffer` alone (no rate is read);
    /// nil for a catalog never built.
    static func identity(_ reads: SQLiteReads) throws -> PricingSnapshot? {
        guard let state = try CatalogSummary.fetch(reads), let count = state.rateCount,
              let latest = state.latestEffectiveDate else { return nil }
        let imports = try offerIdentities(reads)
        return PricingSnapshot(id: snapshotID(sheets: state.fingerprint, imports: imports),
                               origin: snapshotOrigin(sheets: state.origin, imports: imports),
                               rateCount: count, latestEffectiveDate: latest)
    }

    /// Every rate in memory, each imported one replacing the sheet's of the same key.
    static func snapshot(_ reads: SQLiteReads) throws -> InMemoryPriceCatalog {
        let (sheetRates, imported) = try fetchRates(reads)
        let state = try CatalogSummary.fetch(reads)
        let imports = try offerIdentities(reads)
        let overridden = Set(imported.map(\.key))
        let rates = sheetRates.filter { !overridden.contains($0.key) } + imported
        let sheetsID = state?.fingerprint ?? "empty"
        let snapshot = PricingSnapshot(
            id: snapshotID(sheets: sheetsID, imports: imports),
            origin: snapshotOrigin(sheets: state?.origin ?? "empty catalog", imports: imports),
            rateCount: rates.count, latestEffectiveDate: rates.map(\.effectiveDate).max() ?? "")
        return InMemoryPriceCatalog(rates: rates, snapshot: snapshot)
    }

    /// What names each imported offer in the snapshot's id and origin, in offer and region order.
    static func offerIdentities(_ reads: SQLiteReads) throws -> [OfferIdentity] {
        var offers: [OfferIdentity] = []
        try reads.rows("SELECT offerCode, region, version, fingerprint FROM importedOffer ORDER BY offerCode, region") { row in
            offers.append(OfferIdentity(offerCode: row.text(0), region: row.text(1), version: row.text(2),
                                        fingerprint: row.text(3)))
        }
        return offers
    }

    /// Every stored rate, split by origin, each part in the order it was stored; read column by
    /// column (the snapshot of every estimate: ~21,000 rows, so no per-row Codable decoding).
    static func fetchRates(_ reads: SQLiteReads, filter: String = "", arguments: [String] = [])
        throws -> (sheet: [Rate], offer: [Rate]) {
        var sheet: [Rate] = []
        var offer: [Rate] = []
        var prices: [String: Decimal] = [:]  // ~4,600 distinct prices among ~21,000 rows: parse each once
        let parse = { (text: String) -> Decimal? in
            if let known = prices[text] { return known }
            let parsed = Money.parse(text)
            prices[text] = parsed
            return parsed
        }
        // `CatalogFile` keeps the statement prepared: a run looks up a few dozen keys with one query.
        let sql = """
            SELECT origin, service, region, item, unit, tierFrom, usd, effectiveDate, source, notes FROM rate \(filter)
            ORDER BY rowid
            """
        try reads.rows(sql, arguments) { row in
            let key = RateKey(service: row.text(1), region: row.text(2), item: row.text(3))
            let rate = try RateRecord.rate(key: key, unit: row.text(4), tierFrom: row.optionalText(5), usd: row.text(6),
                                           effectiveDate: row.text(7), source: row.text(8), notes: row.text(9), parsing: parse)
            if row.text(0) == RateOrigin.sheet.rawValue { sheet.append(rate) } else { offer.append(rate) }
        }
        return (sheet, offer)
    }

    /// The rates stored under one key, ordered by tier (a direct SQL lookup; imported rates,
    /// when any, replace the sheet's).
    public func rates(for key: RateKey) throws -> [Rate] {
        try writer.read { db in try Self.rates(for: key, in: SQLiteReads(db)) }
    }

    /// The rates under `key`: one query on the key index.
    static func rates(for key: RateKey, in reads: SQLiteReads) throws -> [Rate] {
        let found = try fetchRates(reads, filter: "WHERE service = ? AND region = ? AND item = ?",
                                   arguments: [key.service, key.region, key.item])
        return (found.offer.isEmpty ? found.sheet : found.offer).sorted { ($0.tierFrom ?? 0) < ($1.tierFrom ?? 0) }
    }
}
