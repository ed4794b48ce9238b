import CostPlan
import CostPlanReports
import CostPlanStore
import CostPlanTestSupport
import Foundation
import Testing

/// Golden files: renderer output compared with a committed file, reviewed in the diff.
/// Run with `COSTPLAN_UPDATE_GOLDEN=1 swift test` to rewrite them after an intended change.
enum Golden {
    static let root = TestRepository.root
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var catalog: InMemoryPriceCatalog { TestRepository.catalog }

    static func example(_ name: String) -> String { TestRepository.example(name) }

    /// The estimate of `examples/<name>.yaml` with the repository's catalog.
    static func estimate(_ name: String) throws -> Estimate {
        try Estimator(catalog: catalog).estimate(try PlanParser.parse(contentsOf: example("\(name).yaml")))
    }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFiles(directory: directory).check(actual, name, sourceLocation: sourceLocation)
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
