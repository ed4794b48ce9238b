import CostPlanTestSupport
import Foundation
import Testing

/// `costplan pricing import` / `pricing info` end to end, on a catalog file of their own.
@Suite(.serialized)
struct PricingImportCommandTests {
    static let synthetic = TestRepository.root.appendingPathComponent("Tests/Fixtures/aws-offers/synthetic")

    @Test func importsAFolderAndInfoShowsTheSourcesAndOverrides() throws {
        let catalog = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-import-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: catalog) }
        let imported = try CLI.run(["pricing", "import", Self.synthetic.path], catalogPath: catalog)
        #expect(imported.status == 0, "\(imported.stderr)")
        // Both formats of each sample are in the folder: the second of each pair is "unchanged".
        #expect(imported.stdout.contains("AmazonEC2_us-east-1.SYNTHETIC.csv: AmazonEC2 offer version 20250101000000 (published 2025-01-01T00:00:00Z, csv)\n  read 6 rows,"))
        #expect(imported.stdout.contains("AmazonEC2 us-east-1: 3 rates, added\n"))
        #expect(imported.stdout.contains("AmazonS3 us-east-1: 5 rates, added\n"))
        #expect(imported.stdout.contains("+ 6 imported AWS offer regions (AWSELB ×1, AmazonEC2 ×1, AmazonECS ×1, AmazonElastiCache ×1, AmazonRDS ×1, AmazonS3 ×1)"))
        #expect(imported.stderr.isEmpty, "no progress bar when standard error is not a terminal")

        let again = try CLI.run(["pricing", "import", Self.synthetic.appendingPathComponent("AmazonEC2_us-east-1.SYNTHETIC.json").path],
                                catalogPath: catalog)
        #expect(again.stdout.contains("AmazonEC2 us-east-1: 3 rates, unchanged (already imported)\n"))

        let info = try CLI.run(["pricing", "info"], catalogPath: catalog)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("Imported rates take precedence over the sheets for the same service, region and item:\n"))
        #expect(info.stdout.contains("  AmazonEC2 us-east-1: 3 items from the import (3 override a sheet rate), 257 items still from the sheet\n"))
        let offerLine = try #require(info.stdout.components(separatedBy: "\n").first { $0.hasPrefix("AmazonRDS_us-east-1.SYNTHETIC") })
        #expect(offerLine.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            == ["AmazonRDS_us-east-1.SYNTHETIC.csv", "AmazonRDS", "us-east-1", "csv", "2", "20250101000000", "2025-01-01T00:00:00Z"])

        let estimate = try CLI.run(["estimate", "examples/muejam-library.yaml", "--format", "json"], catalogPath: catalog)
        #expect(estimate.status == 0, "\(estimate.stderr)")
        #expect(estimate.stdout.contains("imported AWS offer regions"))
    }

    @Test func aMalformedFileExitsTwoNamingTheLineAndImportsNothing() throws {
        let catalog = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-import-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: catalog) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: Self.synthetic.appendingPathComponent("AmazonRDS_us-east-1.SYNTHETIC.csv"), encoding: .utf8)
        let cut = dir.appendingPathComponent("AmazonRDS.csv")
        try String(text.prefix(text.count - 200)).write(to: cut, atomically: true, encoding: .utf8)

        let before = try CLI.run(["pricing", "info"], catalogPath: catalog)
        let result = try CLI.run(["pricing", "import", Self.synthetic.appendingPathComponent("AmazonEC2_us-east-1.SYNTHETIC.csv").path,
                                  cut.path], catalogPath: catalog)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(cut.path): line 8: error: "), "\(result.stderr)")
        #expect(result.stderr.contains("Nothing was imported; the catalog is unchanged."))
        let after = try CLI.run(["pricing", "info"], catalogPath: catalog)
        #expect(after.stdout == before.stdout)
    }
}
