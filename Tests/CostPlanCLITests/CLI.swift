import CostPlanTestSupport
import Foundation

/// Runs the built `costplan` executable as a user would, capturing its output and exit status.
enum CLI {
    static let root = TestRepository.root
    /// One catalog file for the whole test run, so tests do not race on the default one.
    static let catalog = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-cli-\(UUID().uuidString).sqlite").path

    static func run(_ arguments: [String], catalogPath: String = catalog, environment: [String: String] = [:]) throws -> CostplanProcess.Result {
        try CostplanProcess.run(arguments, catalogPath: catalogPath, environment: environment)
    }

    /// Writes `text` to a temporary plan file and returns its path.
    static func plan(_ text: String, name: String = "plan.yaml") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
