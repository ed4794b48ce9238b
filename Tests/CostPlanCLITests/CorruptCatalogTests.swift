@testable import CostPlanStore
import Foundation
import Testing

/// A catalog whose stored price was changed outside costplan (here to a negative one) is refused
/// when a command looks the rate up: every pricing command says so and exits 2, never 1 and
/// never with a price.
@Suite(.serialized)
struct CorruptCatalogTests {
    static func corruptCatalog() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-corrupt-\(UUID().uuidString).sqlite").path
        let built = try CLI.run(["estimate", "examples/muejam-library.yaml"], catalogPath: path)
        #expect(built.status == 0, "\(built.stderr)")
        try PricingDatabase.open(path: path).writer.write { db in
            try db.execute(sql: "UPDATE rate SET usd = '-1' WHERE service = 'AmazonEC2' AND item LIKE 'instance/%'")
        }
        return path
    }

    @Test(arguments: [
        ["estimate", "examples/muejam-library.yaml"],
        ["diff", "examples/muejam-library.yaml", "examples/muejam-library.yaml"],
        ["capacity", "examples/muejam-library.yaml"],
    ])
    func aCorruptStoredPriceIsExit2WithItsMessage(_ arguments: [String]) throws {
        let path = try Self.corruptCatalog()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(arguments, catalogPath: path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("-1"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
