import CostPlan
import CostPlanStore
import Foundation
import Testing

/// Fixtures, the repository catalog and golden files for the diff tests.
/// Run with `COSTPLAN_UPDATE_GOLDEN=1 swift test` to rewrite the golden files after an intended change.
enum DiffSupport {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.deletingLastPathComponent().deletingLastPathComponent()
    static let goldenDirectory = here.appendingPathComponent("Golden")

    /// The repository's catalog, built once into a temporary SQLite file.
    static let catalog: InMemoryPriceCatalog = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-diff-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try! CatalogLoader(pricingDirectory: root.appendingPathComponent("pricing"), databasePath: path).load()
    }()

    /// The text of `Plans/NAME.yaml`.
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: here.appendingPathComponent("Plans/\(name).yaml"), encoding: .utf8)
    }

    /// The text of `examples/NAME.yaml`.
    static func example(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("examples/\(name).yaml"), encoding: .utf8)
    }

    /// The diff of two fixtures, named `NAME.yaml` in reports.
    static func diff(_ base: String, _ head: String) throws -> PlanDiff {
        try PlanDiff.between(baseText: try fixture(base), headText: try fixture(head), catalog: catalog,
                             baseFile: "\(base).yaml", headFile: "\(head).yaml")
    }

    static func plan(_ text: String, file: String = "plan.yaml") throws -> Plan {
        try PlanParser.parse(text, file: file)
    }

    /// Compares `actual` with the golden file `name`, printing the first differing line.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["COSTPLAN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
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

extension Decimal {
    /// A decimal from a literal string, exactly (test convenience).
    static func d(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
}
