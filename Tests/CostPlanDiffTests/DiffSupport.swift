import CostPlan
import CostPlanReports
import CostPlanStore
import CostPlanTestSupport
import Foundation
import Testing

/// Fixtures, the repository catalog and golden files for the diff tests.
/// Run with `COSTPLAN_UPDATE_GOLDEN=1 swift test` to rewrite the golden files after an intended change.
enum DiffSupport {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = TestRepository.root
    static let goldenDirectory = here.appendingPathComponent("Golden")

    static var catalog: InMemoryPriceCatalog { TestRepository.catalog }

    /// The text of `Plans/NAME.yaml`.
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: here.appendingPathComponent("Plans/\(name).yaml"), encoding: .utf8)
    }

    /// The text of `examples/NAME.yaml`.
    static func example(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("examples/\(name).yaml"), encoding: .utf8)
    }

    /// The diff of two fixtures, named `NAME.yaml` in reports.
    static func diff(_ base: String, _ head: String) throws -> ReportDiff {
        try ReportDiff.between(baseText: try fixture(base), headText: try fixture(head), catalog: catalog,
                             baseFile: "\(base).yaml", headFile: "\(head).yaml")
    }

    static func plan(_ text: String, file: String = "plan.yaml") throws -> Plan {
        try PlanParser.parse(text, file: file)
    }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFiles(directory: goldenDirectory).check(actual, name, sourceLocation: sourceLocation)
    }
}

extension Decimal {
    /// A decimal from a literal string, exactly (test convenience).
    static func d(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
}
