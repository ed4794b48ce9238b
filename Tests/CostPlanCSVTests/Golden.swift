import CostPlan
import CostPlanReports
import CostPlanStore
import Foundation
import Testing

// Copied from Tests/CostPlanReportsTests/Golden.swift (test targets cannot share files).

/// Golden files: renderer output compared with a committed file, reviewed in the diff.
/// Run with `COSTPLAN_UPDATE_GOLDEN=1 swift test` to rewrite them after an intended change.
enum Golden {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The repository's catalog, built once into a temporary SQLite file.
    static let catalog: InMemoryPriceCatalog = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-csv-golden-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try! CatalogLoader(pricingDirectory: root.appendingPathComponent("pricing"), databasePath: path).load()
    }()

    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }

    /// The estimate of `examples/<name>.yaml` with the repository's catalog.
    static func estimate(_ name: String) throws -> Estimate {
        try Estimator(catalog: catalog).estimate(try PlanParser.parse(contentsOf: example("\(name).yaml")))
    }

    /// Compares `actual` with the golden file `name` byte for byte (CRLF included), printing
    /// the first differing line.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["COSTPLAN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("missing golden file \(name); run COSTPLAN_UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
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

/// An exact decimal from its text (a Swift float literal would go through `Double`).
func d(_ text: String) -> Decimal {
    guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
        fatalError("bad decimal literal in a test: \(text)")
    }
    return value
}

/// A month from its `YYYY-MM` text (tests only use valid ones).
func month(_ text: String) -> CalendarMonth {
    try! CalendarMonth(parsing: text)
}

/// A row's `cost_usd` as an exact decimal; nil when empty (usage not stated).
func cost(_ row: [String: String]) -> Decimal? {
    guard let text = row["cost_usd"], !text.isEmpty else { return nil }
    return d(text)
}

/// The distinct values of `values`, in order of first appearance.
func distinct(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
}
