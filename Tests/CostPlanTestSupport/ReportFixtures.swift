import CostPlanReports
import Foundation

/// Serialized `Report`s under `Tests/Fixtures/reports/`: the input of the renderer golden tests,
/// so a change to a rate or a pricing rule changes the end-to-end goldens only, not every
/// renderer's. `COSTPLAN_UPDATE_FIXTURES=1 swift test --filter ReportFixtureTests` rewrites them
/// from `examples/` (only when the model itself changes; review the diff).
public enum ReportFixtures {
    public static let directory = TestRepository.root.appendingPathComponent("Tests/Fixtures/reports")

    /// True when the fixtures are to be rewritten (`COSTPLAN_UPDATE_FIXTURES=1`).
    public static var updating: Bool { ProcessInfo.processInfo.environment["COSTPLAN_UPDATE_FIXTURES"] == "1" }

    /// The file of fixture `name`: `Tests/Fixtures/reports/<name>.report.json`.
    public static func url(_ name: String) -> URL { directory.appendingPathComponent("\(name).report.json") }

    /// The report stored as fixture `name`.
    public static func load(_ name: String) throws -> Report {
        try JSONDecoder().decode(Report.self, from: Data(contentsOf: url(name)))
    }

    /// `report` as fixture text: pretty-printed with sorted keys, so a change reads well in a diff.
    public static func encode(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report) + Data("\n".utf8)
    }

    /// Writes `report` as fixture `name`.
    public static func store(_ report: Report, as name: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try encode(report).write(to: url(name), options: .atomic)
    }
}
