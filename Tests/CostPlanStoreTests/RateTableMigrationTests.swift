import CostPlan
@testable import CostPlanStore
import Foundation
import GRDB
import Testing

/// The `oneRateTableWithOrigin` migration: a catalog written by an earlier costplan, with the
/// twin tables `rate` (sheets) and `importedRate` (offers), opens with its rows moved into the
/// one `rate` table and keeps its imported rates.
struct RateTableMigrationTests {
    /// The schema as the migrations before `oneRateTableWithOrigin` left it (copied from them,
    /// so this test keeps describing old catalog files however the code changes).
    static let oldSchema = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('createRateAndCatalogState'), ('importedAWSOffers');
        CREATE TABLE rate (service TEXT NOT NULL, region TEXT NOT NULL, item TEXT NOT NULL, unit TEXT NOT NULL,
            tierFrom TEXT, usd TEXT NOT NULL, effectiveDate TEXT NOT NULL, source TEXT NOT NULL, notes TEXT NOT NULL);
        CREATE INDEX rate_on_service_region_item ON rate(service, region, item);
        CREATE TABLE catalogState (id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, origin TEXT NOT NULL,
            loadedAt DATETIME NOT NULL);
        CREATE TABLE importedOffer (offerCode TEXT NOT NULL, region TEXT NOT NULL, format TEXT NOT NULL,
            fileName TEXT NOT NULL, version TEXT NOT NULL, publicationDate TEXT NOT NULL, fingerprint TEXT NOT NULL,
            rateCount INTEGER NOT NULL, importedAt DATETIME NOT NULL, PRIMARY KEY (offerCode, region));
        CREATE TABLE importedRate (offerCode TEXT NOT NULL, service TEXT NOT NULL, region TEXT NOT NULL,
            item TEXT NOT NULL, unit TEXT NOT NULL, tierFrom TEXT, usd TEXT NOT NULL, effectiveDate TEXT NOT NULL,
            source TEXT NOT NULL, notes TEXT NOT NULL,
            FOREIGN KEY (offerCode, region) REFERENCES importedOffer(offerCode, region) ON DELETE CASCADE);
        CREATE INDEX importedRate_on_service_region_item ON importedRate(service, region, item);
        CREATE INDEX importedRate_on_offer_region ON importedRate(offerCode, region);
        INSERT INTO catalogState VALUES (1, 'f00dfeedf00dfeed', 'pricing/ (2 sheets)', '2026-11-30 10:00:00.000');
        INSERT INTO rate VALUES
            ('AmazonEC2', 'us-east-1', 'instance/t3.micro', 'hour', NULL, '0.0104', '2025-06-01', 'sheet source', ''),
            ('AmazonEC2', 'us-east-1', 'nat-gateway/hours', 'hour', NULL, '0.045', '2025-06-01', 'sheet source', ''),
            ('AmazonS3', 'us-east-1', 'storage/standard', 'GB-month', '0', '0.023', '2025-06-01', 'sheet source', ''),
            ('AmazonS3', 'us-east-1', 'storage/standard', 'GB-month', '51200', '0.022', '2025-06-01', 'sheet source', '');
        INSERT INTO importedOffer VALUES ('AmazonEC2', 'us-east-1', 'csv', 'AmazonEC2-us-east-1.csv', '20260101000000',
            '2026-01-01T00:00:00Z', '0123456789abcdef', 1, '2026-11-30 11:00:00.000');
        INSERT INTO importedRate VALUES ('AmazonEC2', 'AmazonEC2', 'us-east-1', 'instance/t3.micro', 'hour', NULL,
            '0.0200000000', '2026-01-01', 'AWS Price List AmazonEC2 us-east-1 offer version 20260101000000', '');
        """

    static func oldCatalog() throws -> (path: String, directory: URL) {
        let directory = try RepositoryFiles.temporaryDirectory()
        let path = directory.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: oldSchema) }
        try queue.close()
        return (path, directory)
    }

    @Test func anOldCatalogMigratesAndKeepsItsImportedRates() throws {
        let (path, directory) = try Self.oldCatalog()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try PricingDatabase.open(path: path)

        let rows = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT origin, offerCode, service, item, tierFrom, usd FROM rate ORDER BY rowid")
                .map { "\($0[0] as String) \($0[1] as String? ?? "-") \($0[2] as String) \($0[3] as String) \($0[4] as String? ?? "-") \($0[5] as String)" }
        }
        #expect(rows == [
            "sheet - AmazonEC2 instance/t3.micro - 0.0104",
            "sheet - AmazonEC2 nat-gateway/hours - 0.045",
            "sheet - AmazonS3 storage/standard 0 0.023",
            "sheet - AmazonS3 storage/standard 51200 0.022",
            "offer AmazonEC2 AmazonEC2 instance/t3.micro - 0.0200000000",
        ])
        let tables = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        #expect(!tables.contains("importedRate"))
        #expect(!tables.contains("rateWithOrigin"))

        // The imported rate still replaces the sheet's; the sheets provide the rest, tiers in order.
        let catalog = try database.snapshot()
        #expect(catalog.rates(for: RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.micro")).map(\.usd)
            == [Decimal(string: "0.02")!])
        #expect(catalog.rates(for: RateKey(service: "AmazonS3", region: "us-east-1", item: "storage/standard")).map(\.usd)
            == [Decimal(string: "0.023")!, Decimal(string: "0.022")!])
        #expect(catalog.snapshot.rateCount == 4)   // 4 sheet rates, 1 replaced by the 1 imported
        #expect(catalog.snapshot.origin == "pricing/ (2 sheets) + imported AWS offers AmazonEC2 us-east-1 v20260101000000")
        #expect(try database.importedOffers().map(\.version) == ["20260101000000"])
    }

    /// The migrated catalog behaves as a new one: a sheet rebuild keeps the imports, and
    /// re-importing an offer region replaces its rates (the old ones go with their offer row).
    @Test func aMigratedCatalogRebuildsSheetsAndReplacesImports() throws {
        let (path, directory) = try Self.oldCatalog()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try PricingDatabase.open(path: path)
        let sheet = try RateSheet.parse(
            "region,item,unit,tier_from,usd,effective_date,source,notes\n"
                + "us-east-1,instance/t3.micro,hour,,0.0105,2026-08-31,new sheet,\n",
            service: "AmazonEC2", file: "AmazonEC2.csv")
        try database.replaceAll(with: [sheet], fingerprint: "0000000000000001", origin: "pricing/ (1 sheets)")
        let key = RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.micro")
        #expect(try database.snapshot().rates(for: key).map(\.usd) == [Decimal(string: "0.02")!])
        #expect(try database.sources().sheetRates.map(\.usd) == [Decimal(string: "0.0105")!])

        var offer = try #require(try database.importedOffers().first)
        offer.version = "20260201000000"
        offer.fingerprint = "fedcba9876543210"
        let newer = Rate(key: key, unit: "hour", usd: Decimal(string: "0.019")!, effectiveDate: "2026-02-01", source: "newer offer")
        try database.writer.write { db in try PricingDatabase.store(offer, rates: [newer], in: db) }
        #expect(try database.rates(for: key).map(\.usd) == [Decimal(string: "0.019")!])
        #expect(try database.sources().importedRates.count == 1)
    }

    /// The cold-run check that a catalog has every migration reads the list written out; it is
    /// the migrator's, and a catalog one migration short is not current (it is opened for writing).
    @Test func theMigrationsCheckedAreTheMigratorsAndAllOfThem() throws {
        #expect(PricingDatabase.knownMigrations == PricingDatabase.migrator.migrations)
        let queue = try DatabaseQueue()
        try PricingDatabase.migrator.migrate(queue, upTo: "oneRateTableWithOrigin")
        #expect(try !queue.read { db in try PricingDatabase.migrationsComplete(SQLiteReads(db)) })
        try PricingDatabase.migrator.migrate(queue)
        #expect(try queue.read { db in try PricingDatabase.migrationsComplete(SQLiteReads(db)) })
    }

    /// The schema the first two migrations create, as SQLite stores it: a migration, once
    /// released, must keep emitting the same DDL however its code is arranged, or catalogs
    /// created now would differ from those created by an earlier costplan.
    @Test func theFirstMigrationsKeepTheirSchema() throws {
        let queue = try DatabaseQueue()
        try PricingDatabase.migrator.migrate(queue, upTo: "importedAWSOffers")
        let schema = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        }
        #expect(schema == [
            #"CREATE TABLE "catalogState" ("id" INTEGER PRIMARY KEY, "fingerprint" TEXT NOT NULL, "origin" TEXT NOT NULL, "loadedAt" DATETIME NOT NULL)"#,
            "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)",
            #"CREATE TABLE "importedOffer" ("offerCode" TEXT NOT NULL, "region" TEXT NOT NULL, "format" TEXT NOT NULL, "fileName" TEXT NOT NULL, "#
                + #""version" TEXT NOT NULL, "publicationDate" TEXT NOT NULL, "fingerprint" TEXT NOT NULL, "rateCount" INTEGER NOT NULL, "#
                + #""importedAt" DATETIME NOT NULL, PRIMARY KEY ("offerCode", "region"))"#,
            #"CREATE TABLE "importedRate" ("offerCode" TEXT NOT NULL, "service" TEXT NOT NULL, "region" TEXT NOT NULL, "item" TEXT NOT NULL, "#
                + #""unit" TEXT NOT NULL, "tierFrom" TEXT, "usd" TEXT NOT NULL, "effectiveDate" TEXT NOT NULL, "source" TEXT NOT NULL, "#
                + #""notes" TEXT NOT NULL, FOREIGN KEY ("offerCode", "region") REFERENCES "importedOffer"("offerCode", "region") ON DELETE CASCADE)"#,
            #"CREATE INDEX "importedRate_on_offer_region" ON "importedRate"("offerCode", "region")"#,
            #"CREATE INDEX "importedRate_on_service_region_item" ON "importedRate"("service", "region", "item")"#,
            #"CREATE TABLE "rate" ("service" TEXT NOT NULL, "region" TEXT NOT NULL, "item" TEXT NOT NULL, "unit" TEXT NOT NULL, "#
                + #""tierFrom" TEXT, "usd" TEXT NOT NULL, "effectiveDate" TEXT NOT NULL, "source" TEXT NOT NULL, "notes" TEXT NOT NULL)"#,
            #"CREATE INDEX "rate_on_service_region_item" ON "rate"("service", "region", "item")"#,
        ])
    }
}
