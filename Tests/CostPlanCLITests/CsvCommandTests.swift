import Foundation
import Testing

/// `costplan csv` end to end: stdout, --out written atomically, and bad input.
@Suite(.serialized)
struct CsvCommandTests {
    @Test func writesAMonthToStandardOutput() throws {
        let result = try CLI.run(["csv", "examples/muejam-library.yaml", "--month", "2027-02", "--env", "dev"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("month,plan,environment,region,component,component_type,service,line_item,"))
        let lines = result.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("2027-02,muejam-library,dev,us-east-1,") })
        // dev web: 1 × t3.small, 672 h × $0.0208 = $13.9776
        #expect(lines.contains { $0.contains(",web,ec2,") && $0.contains(",672,hours,0.0208,13.98,desired,672,") })
    }

    /// Without --month, next month (UTC): finance's "next month's costs".
    @Test func withoutAMonthItWritesNextMonth() throws {
        func nextMonth() -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let next = calendar.dateComponents([.year, .month], from: calendar.date(byAdding: .month, value: 1, to: Date())!)
            return String(format: "%04d-%02d", next.year!, next.month!)
        }
        let before = nextMonth()
        let result = try CLI.run(["csv", "examples/muejam-library.yaml", "--env", "dev", "--summary"])
        let after = nextMonth()
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix(before + ",muejam-library,dev,") || $0.hasPrefix(after + ",muejam-library,dev,") })
    }

    @Test func writesAForecastSummaryToAFileAtomically() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("costs.csv")
        try Data("old contents".utf8).write(to: out)
        let result = try CLI.run(["csv", "examples/cloudweave.yaml", "--month", "2027-11", "--months", "12", "--summary",
                                  "--scenario", "max", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("month,plan,environment,service,cost_usd,scenario,hours_basis,pricing_snapshot\r\n"))
        // every row names the snapshot `costplan pricing info` reports
        let snapshot = try #require(try CLI.run(["pricing", "info"]).stdout.split(separator: " ").dropFirst().first?.trimmingCharacters(in: [":"]))
        #expect(text.contains("2028-02,cloudweave,production,") && text.contains(",max,696,\(snapshot)\r\n"))
        #expect(text.contains("2028-10,"))
        #expect(!text.contains("2028-11,"))
        // no temporary file is left beside it
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["costs.csv"])
    }

    @Test(arguments: [
        (["--month", "2027-13"], "error: --month 2027-13: the month must be 01–12"),
        (["--month", "Feb"], "error: --month Feb: expected YYYY-MM, e.g. 2027-02"),
        (["--month", "2027-02", "--months", "0"], "error: --months 0: must be 1–120"),
        (["--month", "2027-02", "--env", "qa"], "examples/muejam-library.yaml: error: --env qa: no such environment (the plan has: production, staging, dev)"),
    ])
    func badInputIsExit2WithAClearError(arguments: [String], message: String) throws {
        let result = try CLI.run(["csv", "examples/muejam-library.yaml"] + arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// A write that fails leaves nothing behind and says why.
    @Test func unwritableOutIsAnError() throws {
        let result = try CLI.run(["csv", "examples/muejam-library.yaml", "--month", "2027-02",
                                  "--out", "/nonexistent-dir/costs.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: --out /nonexistent-dir/costs.csv: cannot create a file in /nonexistent-dir"), "\(result.stderr)")
    }
}
