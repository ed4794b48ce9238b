import CostPlan
@testable import CostPlanStore
import Foundation
import GRDB
import Testing

/// Prices are sanity-checked where they enter: a negative stored price is refused like a
/// non-decimal one, and an import skips (with a warning naming the row and price) prices that are
/// not decimals, negative, absurdly large or precise, or $0 for a time-billed unit.
struct PriceSanityTests {
    static let header = "region,item,unit,tier_from,usd,effective_date,source,notes\n"
    static let key = RateKey(service: "AmazonEC2", region: "us-east-1", item: "nat-gateway/hours")

    static func database() throws -> PricingDatabase {
        let database = try PricingDatabase.inMemory()
        try database.replaceAll(with: [try RateSheet.parse(header + "us-east-1,nat-gateway/hours,hour,,0.045,2026-08-31,offer file,\n",
                                                           service: "AmazonEC2", file: "AmazonEC2.csv")],
                                fingerprint: "f", origin: "test")
        return database
    }

    /// A sheet rate edited to −121.47 (or a negative tier start) outside costplan is refused with
    /// the same kind of error as a non-decimal price, never priced.
    @Test(arguments: [("usd", "-121.47", "is negative"), ("usd", "n/a", "is not a decimal"),
                      ("tierFrom", "-5", "is negative"), ("tierFrom", "x", "is not a decimal")])
    func aBadStoredFigureIsRefused(column: String, value: String, problem: String) throws {
        let database = try Self.database()
        try database.writer.write { db in try db.execute(sql: "UPDATE rate SET \(column) = ?", arguments: [value]) }
        #expect {
            try database.rates(for: Self.key)
        } throws: { error in
            error is CorruptCatalogError
                && "\(error)".hasPrefix("the catalog holds AmazonEC2 nat-gateway/hours in us-east-1 with \(column) '\(value)', which \(problem); ")
        }
        #expect(throws: CorruptCatalogError.self) { try database.snapshot() }
    }

    /// An imported rate edited to a negative price is refused too.
    @Test func aNegativeImportedPriceIsRefused() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        try loader.importOffers([try OfferImport.read(path: try OfferImportCatalogTests.ec2Offer(in: directory))])
        let database = try PricingDatabase.open(path: loader.databasePath)
        try database.writer.write { db in try db.execute(sql: "UPDATE rate SET usd = '-0.02' WHERE origin = 'offer' AND item = 'instance/t3.micro'") }
        #expect { try loader.load() } throws: { "\($0)".contains("instance/t3.micro in us-east-1 with usd '-0.02', which is negative") }
    }

    /// The bounds, table-driven: (published price, catalog unit, conversion factor, problem).
    @Test(arguments: [
        ("0.0104000000", "hour", "1", nil),                                  // t3.micro: fine
        ("0.0000000000", "GB", "1", nil),                                    // $0 per GB (free transfer tier): fine
        ("0", "hour", "1", "is $0 for a time-billed unit (hour)"),
        ("0.0000000000", "vCPU-hour", "1", "is $0 for a time-billed unit (vCPU-hour)"),
        ("-0.05", "hour", "1", "is negative"),
        ("NaN", "hour", "1", "is not a plain decimal"),
        ("1e3", "hour", "1", "is not a plain decimal"),
        ("10000000", "hour", "1", nil),                                      // exactly $10^7: the bound itself
        ("10000000.01", "hour", "1", "is over $10,000,000 per hour"),
        ("20000", "1K requests", "1000", "is over $10,000,000 per 1K requests"),   // 20,000 × 1,000 = $2 × 10^7
        ("0.12345678901234567890", "GB", "1", nil),                          // 20 significant digits
        ("0.123456789012345678901", "GB", "1", "has more than 20 significant digits"),
        (String(repeating: "9", count: 130), "hour", "1", "has more than 20 significant digits"),
    ] as [(String, String, String, String?)])
    func offerPriceBounds(price: String, unit: String, factor: String, problem: String?) {
        let usd = Money.parse(price).map { $0 * Decimal(string: factor)! }
        #expect(OfferPrice.problem(price, usd: usd, unit: unit) == problem)
    }

    /// An offer with a $0 instance-hour, a negative and a NaN NAT price and a 130-digit one: each
    /// is skipped with a warning naming its line, SKU, rate and price; the good row is imported.
    @Test func anImportSkipsBadPricesNamingThem() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let huge = String(repeating: "9", count: 130)
        let path = try OfferFixtures.write(OfferFixtures.ec2CSV(rows: [
            OfferFixtures.instanceRow("SKUZERO", "t3.micro", "0.0000000000"),
            OfferFixtures.instanceRow("SKUGOOD", "t3.small", "0.0208000000"),
            OfferFixtures.instanceRow("SKUHUGE", "t3.large", huge),
            OfferFixtures.natRow("SKUNEG", "NatGateway-Hours", "Hrs", "-0.0450000000"),
            OfferFixtures.natRow("SKUNAN", "NatGateway-Bytes", "GB", "NaN"),
        ]), to: directory, name: "AmazonEC2.csv")
        let offer = try OfferImport.read(path: path)
        #expect(OfferFixtures.prices(offer) == ["instance/t3.small": [Decimal(string: "0.0208")!]])
        #expect(offer.statistics.rowsUsed == 1)
        #expect(offer.statistics.rowsWithUnexpectedUnit == 0, "a bad price is not reported as a bad unit")
        #expect(offer.statistics.rejectedPrices == [
            "line 7 (SKU SKUZERO, AmazonEC2 instance/t3.micro in us-east-1): price '0.0000000000' USD per Hrs is $0 for a time-billed unit (hour); skipped",
            "line 9 (SKU SKUHUGE, AmazonEC2 instance/t3.large in us-east-1): price '\(huge.prefix(40))… (130 characters)' USD per Hrs has more than 20 significant digits; skipped",
            "line 10 (SKU SKUNEG, AmazonEC2 nat-gateway/hours in us-east-1): price '-0.0450000000' USD per Hrs is negative; skipped",
            "line 11 (SKU SKUNAN, AmazonEC2 nat-gateway/data-processed in us-east-1): price 'NaN' USD per GB is not a plain decimal; skipped",
        ])
    }
}
