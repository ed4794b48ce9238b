import CostPlan
@testable import CostPlanStore
import Foundation
import Testing

/// `pricing export`: the catalog's current rates written back as sheets load to the same rates.
struct CatalogExportTests {
    @Test func exportedSheetsLoadBackToExactlyTheSameRatesSourcesAndNotes() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        let synthetic = RepositoryFiles.root.appendingPathComponent("Tests/Fixtures/aws-offers/synthetic")
        let files = try FileManager.default.contentsOfDirectory(atPath: synthetic.path).filter { $0.hasSuffix(".csv") }.sorted()
        try loader.importOffers(try files.map { try OfferImport.read(path: synthetic.appendingPathComponent($0).path) })
        let current = try loader.load().allRates

        let out = directory.appendingPathComponent("exported")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for sheet in try loader.currentSheets() {
            try sheet.csv.write(to: out.appendingPathComponent("\(sheet.service).csv"), atomically: true, encoding: .utf8)
        }
        let reloaded = try CatalogLoader(pricingDirectory: out, databasePath: directory.appendingPathComponent("exported.sqlite").path).load()
        #expect(reloaded.allRates.count == current.count)
        #expect(Set(reloaded.allRates) == Set(current))
        // An imported rate keeps its AWS source; a notes field with commas and quotes survives the quoting.
        let t3 = try #require(reloaded.rates(for: RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.micro")).first)
        #expect(t3.usd == Decimal(string: "0.0104"))
        #expect(t3.source.hasPrefix("AWS Price List AmazonEC2 us-east-1 offer version 20250101000000 (published 2025-01-01T00:00:00Z), SKU SYNTHEC2T3MICRO1"))
        #expect(current.contains { $0.notes.contains(",") || $0.notes.contains("\"") })
    }

    @Test func aFieldWithACommaOrQuoteIsQuoted() {
        let rate = Rate(key: RateKey(service: "AmazonS3", region: "us-east-1", item: "standard/storage"), unit: "GB-month",
                        tierFrom: 51200, usd: Decimal(string: "0.022")!, effectiveDate: "2025-01-01",
                        source: "a, b", notes: "say \"hi\"")
        #expect(RateSheet(service: "AmazonS3", rates: [rate]).csv == "region,item,unit,tier_from,usd,effective_date,source,notes\n"
            + "us-east-1,standard/storage,GB-month,51200,0.022,2025-01-01,\"a, b\",\"say \"\"hi\"\"\"\n")
    }
}
