import CostPlan
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

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFiles(directory: directory).check(actual, name, sourceLocation: sourceLocation)
    }
}
