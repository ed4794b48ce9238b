import CostPlan
@testable import CostPlanStore
import Foundation
import Testing

/// Importing offers into the catalog: precedence over the sheets, pricing a plan with imported
/// rates, snapshot identity, idempotence, surviving a sheet rebuild, atomic replacement.
struct OfferImportCatalogTests {
    static let plan = """
        version: 1
        name: imported
        region: us-east-1
        environments:
          production:
            components:
              web: {type: ec2, instance_type: t3.micro, count: 2}
              api: {type: ec2, instance_type: m5.large, count: 1}
              nat: {type: nat_gateway, count: 1, data_processed_gb: 100}
        """

    /// An EC2 offer with prices unlike the sheets': t3.micro 0.02/h, NAT 0.05/h and 0.06/GB.
    static func ec2Offer(in directory: URL, version: String = "20260101000000", t3: String = "0.0200000000") throws -> String {
        try OfferFixtures.write(OfferFixtures.ec2CSV(version: version, rows: [
            OfferFixtures.instanceRow("SKUT3MICRO", "t3.micro", t3),
            OfferFixtures.natRow("SKUNATHOURS", "NatGateway-Hours", "Hrs", "0.0500000000"),
            OfferFixtures.natRow("SKUNATBYTES", "NatGateway-Bytes", "GB", "0.0600000000"),
        ]), to: directory, name: "AmazonEC2-us-east-1.csv")
    }

    static func monthly(_ catalog: InMemoryPriceCatalog) throws -> [String: Decimal] {
        let estimate = try Estimator(catalog: catalog).estimate(try PlanParser.parse(plan, file: "plan.yaml"))
        let environment = try #require(estimate.environment("production"))
        return Dictionary(uniqueKeysWithValues: environment.components.map { ($0.id, $0.monthly.desired) })
    }

    @Test func importedRatesPriceAPlanAndTheSheetsProvideTheRest() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        let before = try Self.monthly(try loader.load())
        // From the sheets: t3.micro 0.0104/h, m5.large 0.096/h, NAT 0.045/h + 0.045/GB.
        #expect(before["web"] == Decimal(string: "15.184")!)   // 2 × 730 × 0.0104
        #expect(before["api"] == Decimal(string: "70.08")!)    // 730 × 0.096
        #expect(before["nat"] == Decimal(string: "37.35")!)    // 730 × 0.045 + 100 × 0.045

        try loader.importOffers([try OfferImport.read(path: try Self.ec2Offer(in: directory))])
        let catalog = try loader.load()
        let after = try Self.monthly(catalog)
        #expect(after["web"] == Decimal(string: "29.2")!)      // 2 × 730 × 0.02
        #expect(after["api"] == Decimal(string: "70.08")!)     // m5.large is not in the import: still the sheet's 0.096
        #expect(after["nat"] == Decimal(string: "42.5")!)      // 730 × 0.05 + 100 × 0.06
        let t3 = catalog.rates(for: RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.micro"))
        #expect(t3.count == 1)
        #expect(t3[0].source.hasPrefix("AWS Price List AmazonEC2 us-east-1 offer version 20260101000000"))
        // Other regions keep their sheet rates.
        #expect(catalog.rates(for: RateKey(service: "AmazonEC2", region: "us-west-2", item: "nat-gateway/hours")).map(\.usd)
            == [Decimal(string: "0.045")!])
        // The SQL lookup agrees with the snapshot.
        let database = try PricingDatabase.open(path: loader.databasePath)
        #expect(try database.rates(for: RateKey(service: "AmazonEC2", region: "us-east-1", item: "nat-gateway/data-processed"))
            .map(\.usd) == [Decimal(string: "0.06")!])
    }

    @Test func theSnapshotNamesTheImportsAndChangesWithThem() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        let sheetsOnly = try loader.load().snapshot

        try loader.importOffers([try OfferImport.read(path: try Self.ec2Offer(in: directory))])
        let first = try loader.load().snapshot
        #expect(first.id != sheetsOnly.id)
        #expect(first.origin == sheetsOnly.origin + " + imported AWS offers AmazonEC2 us-east-1 v20260101000000")
        #expect(first.rateCount == sheetsOnly.rateCount)  // 3 imported rates replace 3 sheet rates
        #expect(first.latestEffectiveDate == sheetsOnly.latestEffectiveDate)

        // Re-importing the same file changes nothing: same snapshot, reported unchanged.
        let again = try loader.importOffers([try OfferImport.read(path: try Self.ec2Offer(in: directory))])
        #expect(again.map(\.change) == [.unchanged])
        #expect(try loader.load().snapshot == first)

        // A new version of the offer replaces the earlier import and gives a new snapshot.
        let newer = try loader.importOffers([try OfferImport.read(path: try Self.ec2Offer(in: directory, version: "20260201000000",
                                                                                            t3: "0.0210000000"))])
        #expect(newer.map(\.change) == [.replaced])
        #expect(newer.first?.previousVersion == "20260101000000")
        let second = try loader.load()
        #expect(second.snapshot.id != first.id)
        #expect(second.rates(for: RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.micro")).map(\.usd)
            == [Decimal(string: "0.021")!])
        #expect(try loader.importedOffers().map(\.version) == ["20260201000000"])
    }

    @Test func importsSurviveASheetRebuild() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        try loader.importOffers([try OfferImport.read(path: try Self.ec2Offer(in: directory))])
        let withImport = try loader.load().snapshot

        // Edit a sheet: the catalog rebuilds the sheet rates and keeps the imported ones on top.
        let sheet = loader.pricingDirectory!.appendingPathComponent("AmazonEC2.csv")
        let text = try String(contentsOf: sheet, encoding: .utf8)
            .replacingOccurrences(of: "us-east-1,instance/m5.large,hour,,0.096,", with: "us-east-1,instance/m5.large,hour,,0.1,")
        try text.write(to: sheet, atomically: true, encoding: .utf8)
        let rebuilt = try loader.load()
        #expect(rebuilt.snapshot.id != withImport.id)
        let monthly = try Self.monthly(rebuilt)
        #expect(monthly["api"] == Decimal(string: "73")!)     // 730 × 0.1, the edited sheet
        #expect(monthly["web"] == Decimal(string: "29.2")!)   // still the import's 0.02
    }

    @Test func aCutFileLeavesThePreviousCatalogWorking() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        try loader.importOffers([try OfferImport.read(path: try Self.ec2Offer(in: directory))])
        let before = try loader.load()
        let databaseBefore = try Data(contentsOf: URL(fileURLWithPath: loader.databasePath))

        for (name, sample) in [("AmazonEC2.csv", OfferFixtures.synthetic("AmazonEC2", "csv")),
                               ("AmazonEC2.json", OfferFixtures.synthetic("AmazonEC2", "json"))] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: sample))
            let cut = directory.appendingPathComponent(name)
            try bytes.prefix(bytes.count / 2).write(to: cut)
            #expect(throws: OfferImportError.self) {
                try loader.importOffers([try OfferImport.read(path: cut.path)])
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: loader.databasePath)) == databaseBefore)
        let after = try loader.load()
        #expect(after.snapshot == before.snapshot)
        #expect(try Self.monthly(after)["web"] == Decimal(string: "29.2")!)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (loader.databasePath as NSString).deletingLastPathComponent)
        #expect(Set(leftovers) == ["catalog.sqlite", "catalog.sqlite.lock"], "the lock file stays; no temporary copy does")
    }

    @Test func aFailedWriteLeavesNoTemporaryFileAndTheCatalogUntouched() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        let before = try loader.load().snapshot
        // The copy's journal name is taken by a folder, so SQLite cannot write the copy.
        let blocker = loader.databasePath + ".import-\(ProcessInfo.processInfo.processIdentifier).tmp-journal"
        try FileManager.default.createDirectory(atPath: blocker + "/x", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: blocker) }
        #expect(throws: (any Error).self) {
            try loader.importOffers([try OfferImport.read(path: try Self.ec2Offer(in: directory))])
        }
        #expect(try loader.load().snapshot == before)
        #expect(try loader.importedOffers().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: loader.databasePath + ".import-\(ProcessInfo.processInfo.processIdentifier).tmp"))
    }

    @Test func everySyntheticSampleImportsAndPricesItsComponents() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        let files = ["AmazonEC2", "AWSELB", "AmazonECS", "AmazonRDS", "AmazonElastiCache", "AmazonS3"].map {
            OfferFixtures.synthetic($0, "csv")
        }
        let outcomes = try loader.importOffers(try files.map { try OfferImport.read(path: $0) })
        #expect(outcomes.map { "\($0.offer.offerCode) \($0.offer.region) \($0.offer.rateCount) \($0.change)" } == [
            "AmazonEC2 us-east-1 3 added", "AWSELB us-east-1 2 added", "AmazonECS us-east-1 3 added",
            "AmazonRDS us-east-1 2 added", "AmazonElastiCache us-east-1 2 added", "AmazonS3 us-east-1 5 added",
        ])
        let catalog = try loader.load()
        let plan = try PlanParser.parse("""
            version: 1
            name: synthetic
            region: us-east-1
            environments:
              production:
                components:
                  db: {type: rds, engine: postgres, instance_class: db.t4g.small, multi_az: true, storage_gb: 20, storage_type: gp2}
                  cache: {type: elasticache, engine: redis, node_type: cache.t3.micro, nodes: 2}
                  tasks: {type: fargate, cpu: 1, memory_gb: 2, tasks: 1}
                  files: {type: s3, storage_gb: 60000, put_requests: 10, get_requests: 100}
            """, file: "plan.yaml")
        let environment = try #require(try Estimator(catalog: catalog).estimate(plan).environment("production"))
        let monthly = Dictionary(uniqueKeysWithValues: environment.components.map { ($0.id, $0.monthly.desired) })
        // 730 × 0.064 (imported) + 20 GB × the sheet's gp2 Multi-AZ storage rate.
        let gp2 = try #require(catalog.rates(for: RateKey(service: "AmazonRDS", region: "us-east-1", item: "storage/gp2/multi-az")).first)
        #expect(gp2.source.hasPrefix("AWS Price List") == false)
        #expect(monthly["db"] == Decimal(string: "46.72")! + 20 * gp2.usd)
        #expect(monthly["cache"] == Decimal(string: "24.82")!)       // 2 × 730 × 0.017
        #expect(monthly["tasks"] == Decimal(string: "36.0401")!)     // 730 × (1 × 0.04048 + 2 × 0.004445) = 730 × 0.04937
        // 51,200 × 0.023 + 8,800 × 0.022 + 10 × 0.005 + 100 × 0.0004 = 1177.6 + 193.6 + 0.05 + 0.04
        #expect(monthly["files"] == Decimal(string: "1371.29")!)
    }
}
