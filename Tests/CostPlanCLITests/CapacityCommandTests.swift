import Foundation
import Testing

/// `costplan capacity` end to end.
@Suite(.serialized)
struct CapacityCommandTests {
    static let overloaded = "Tests/CostPlanReportsTests/Plans/overloaded.yaml"

    @Test func printsTodayWithWarnings() throws {
        let result = try CLI.run(["capacity", Self.overloaded, "--env", "production"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("overloaded — capacity at today's demand"))
        #expect(result.stdout.contains("warning: production: api saturates at 1,200 rps (tasks.max 10); the peak of 1,500 rps needs 13 tasks — raise tasks.max to 13"))
        #expect(!result.stdout.contains("staging"))
    }

    @Test func demandScaleAndBudget() throws {
        let result = try CLI.run(["capacity", "examples/muejam-library.yaml", "--env", "production",
                                  "--demand-scale", "3", "--budget", "2500"])
        #expect(result.status == 0, "\(result.stderr)")
        // 3 × 200 = 600 peak rps needs ceil(600 ÷ 50) = 12 instances of at most 10
        #expect(result.stdout.contains("Ranges that would have to grow: web count.max 10 → 12"))
        // 10 × 50 = 500 rps is the most the range serves; at 500 (average 150 → 3 instances) it costs $1,941.57
        #expect(result.stdout.contains("Budget $2,500.00: serves up to 500 peak rps (average 150 rps) at $1,941.57 a month; "
            + "501 rps would need 11 instances of web (count.max 10)."))
    }

    @Test(arguments: [
        (["--demand-scale=-1"], "error: --demand-scale must be a number above 0 (e.g. 3 or 1.5), not '-1'"),
        (["--demand-scale", "0"], "error: --demand-scale must be a number above 0 (e.g. 3 or 1.5), not '0'"),
        (["--budget", "lots"], "error: --budget must be a dollar amount a month (e.g. 2500), not 'lots'"),
        (["--env", "qa"], "examples/muejam-library.yaml: error: --env qa: no such environment (the plan has: production, staging, dev)"),
    ])
    func badOptionsExit2(_ arguments: [String], _ message: String) throws {
        let result = try CLI.run(["capacity", "examples/muejam-library.yaml"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func helpDocumentsTheOptions() throws {
        let result = try CLI.run(["capacity", "--help"])
        for option in ["--env", "--demand-scale", "--budget"] { #expect(result.stdout.contains(option)) }
    }
}
