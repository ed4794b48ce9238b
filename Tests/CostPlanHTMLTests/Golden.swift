import CostPlan
import CostPlanStore
import Foundation
import Testing

/// Golden files: renderer output compared with a committed file, reviewed in the diff
/// (a copy of Tests/CostPlanReportsTests/Golden.swift for the HTML pages).
/// Run with `COSTPLAN_UPDATE_GOLDEN=1 swift test` to rewrite them after an intended change.
enum Golden {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The repository's catalog, built once into a temporary SQLite file.
    static let catalog: InMemoryPriceCatalog = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-html-golden-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try! CatalogLoader(pricingDirectory: root.appendingPathComponent("pricing"), databasePath: path).load()
    }()

    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }

    /// Compares `actual` with the golden file `name`, printing the first differing line.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["COSTPLAN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run COSTPLAN_UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
            let index = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("""
                \(name) differs at line \(index + 1):
                  expected: \(index < e.count ? e[index] : "<end>")
                  actual:   \(index < a.count ? a[index] : "<end>")
                (COSTPLAN_UPDATE_GOLDEN=1 swift test rewrites golden files)
                """, sourceLocation: sourceLocation)
        }
    }
}
