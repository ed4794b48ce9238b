import CostPlan
@testable import CostPlanStore
import Foundation
import Testing

/// Building the SQLite catalog on first use, rebuilding on change, keeping it on a bad edit.
struct CatalogLoaderTests {
    static let header = "region,item,unit,tier_from,usd,effective_date,source,notes\n"

    private func makeSheets(_ usd: String) throws -> URL {
        let dir = try RepositoryFiles.temporaryDirectory()
        try (Self.header + "us-east-1,nat-gateway/hours,hour,,\(usd),2026-08-31,offer file,\n")
            .write(to: dir.appendingPathComponent("AmazonEC2.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func buildsOnFirstUseAndRebuildsWhenASheetChanges() throws {
        let dir = try makeSheets("0.045")
        defer { try? FileManager.default.removeItem(at: dir) }
        let loader = CatalogLoader(pricingDirectory: dir, databasePath: dir.appendingPathComponent("db/catalog.sqlite").path)

        // Given no database, When loading, Then it is built from the sheet.
        let first = try loader.load()
        let key = RateKey(service: "AmazonEC2", region: "us-east-1", item: "nat-gateway/hours")
        #expect(first.rates(for: key).map(\.usd) == [Decimal(string: "0.045")!])
        #expect(FileManager.default.fileExists(atPath: loader.databasePath))

        // When the sheet changes, Then the next load sees the new price and a new snapshot id.
        try (Self.header + "us-east-1,nat-gateway/hours,hour,,0.05,2026-09-30,offer file,\n")
            .write(to: dir.appendingPathComponent("AmazonEC2.csv"), atomically: true, encoding: .utf8)
        let second = try loader.load()
        #expect(second.rates(for: key).map(\.usd) == [Decimal(string: "0.05")!])
        #expect(second.snapshot.id != first.snapshot.id)
    }

    /// A price changed outside costplan into something that is not a decimal is an error
    /// naming the rate and the fix, never read as $0.
    @Test func aCorruptStoredPriceIsAnErrorNotZero() throws {
        let database = try PricingDatabase.inMemory()
        try database.replaceAll(with: [try RateSheet.parse(Self.header + "us-east-1,nat-gateway/hours,hour,,0.045,2026-08-31,offer file,\n",
                                                           service: "AmazonEC2", file: "AmazonEC2.csv")],
                                fingerprint: "f", origin: "test")
        try database.writer.write { db in try db.execute(sql: "UPDATE rate SET usd = 'n/a'") }
        let key = RateKey(service: "AmazonEC2", region: "us-east-1", item: "nat-gateway/hours")
        #expect(throws: CorruptCatalogError.self) { try database.rates(for: key) }
        do {
            _ = try database.snapshot()
            Issue.record("a corrupt price was read")
        } catch {
            #expect("\(error)".contains("AmazonEC2 nat-gateway/hours in us-east-1 with usd 'n/a'"))
        }
    }

    @Test func aMalformedEditLeavesThePreviousCatalogUntouched() throws {
        let dir = try makeSheets("0.045")
        defer { try? FileManager.default.removeItem(at: dir) }
        let loader = CatalogLoader(pricingDirectory: dir, databasePath: dir.appendingPathComponent("catalog.sqlite").path)
        let before = try loader.load()

        try (Self.header + "us-east-1,nat-gateway/hours,hour,,oops,2026-09-30,offer file,\n")
            .write(to: dir.appendingPathComponent("AmazonEC2.csv"), atomically: true, encoding: .utf8)
        #expect(throws: RateSheet.Error.self) { try loader.load() }

        let database = try PricingDatabase.open(path: loader.databasePath)
        let key = RateKey(service: "AmazonEC2", region: "us-east-1", item: "nat-gateway/hours")
        #expect(try database.rates(for: key).map(\.usd) == [Decimal(string: "0.045")!])
        #expect(try database.snapshot().snapshot.id == before.snapshot.id)
    }

    @Test func aMissingPricingFolderIsAClearError() {
        let loader = CatalogLoader(pricingDirectory: URL(fileURLWithPath: "/nonexistent/pricing"), databasePath: "/tmp/x.sqlite")
        #expect {
            try loader.load()
        } throws: { error in
            "\(error)".contains("/nonexistent/pricing") && "\(error)".contains("--pricing-dir")
        }
    }

    @Test func theRepositorySheetsLoadIntoSQLite() throws {
        let dir = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = try CatalogLoader(pricingDirectory: RepositoryFiles.pricing,
                                        databasePath: dir.appendingPathComponent("c.sqlite").path).load()
        let parsed = try CatalogLoader(pricingDirectory: RepositoryFiles.pricing, databasePath: "").parseSheets()
        #expect(catalog.snapshot.rateCount == parsed.map(\.rates.count).reduce(0, +))
        // A round trip through SQLite keeps every price exactly.
        let database = try PricingDatabase.open(path: dir.appendingPathComponent("c.sqlite").path)
        for rate in parsed.flatMap(\.rates).prefix(200) {
            #expect(try database.rates(for: rate.key).contains(rate), "\(rate.key)")
        }
    }
}
