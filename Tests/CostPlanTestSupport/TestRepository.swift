import CostPlan
import CostPlanStore
import Foundation

/// The repository's own files for tests: its root, the examples and the catalog built from
/// `pricing/` (once per test process, into a temporary SQLite file).
public enum TestRepository {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of `examples/<file>`.
    public static func example(_ file: String) -> String {
        root.appendingPathComponent("examples/\(file)").path
    }

    /// The path of `Tests/Fixtures/<file>`.
    public static func fixture(_ file: String) -> String {
        root.appendingPathComponent("Tests/Fixtures/\(file)").path
    }

    public static let catalog: InMemoryPriceCatalog = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("costplan-tests-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            return try CatalogLoader(pricingDirectory: root.appendingPathComponent("pricing"), databasePath: path).load()
        } catch {
            fatalError("the repository's rate sheets do not load: \(error)")
        }
    }()
}
