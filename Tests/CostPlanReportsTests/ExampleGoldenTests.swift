import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// End to end over examples/: parse, price with the repository's catalog, build the report,
/// render; compare with the committed golden JSON (and tables) so any change to a figure shows
/// up in review. muejam-library's goldens are rendered from its serialized report instead
/// (`Tests/Fixtures/reports/`), like every other renderer golden, so they change only when a
/// renderer does.
struct ExampleGoldenTests {
    static let examples = ["component-registry", "multi-region-fargate", "cloudweave", "shangwellness", "muejam-library"]
    /// The examples checked end to end (from the plan file).
    static let endToEnd = examples.filter { $0 != "muejam-library" }

    @Test func renderersMatchGoldenFromTheFixture() throws {
        let report = try ReportFixtures.load("muejam-library")
        try Golden.check(EstimateJSON.render(report), "muejam-library.json")
        try Golden.check(EstimateTable.render(report, details: true), "muejam-library.txt")
    }

    @Test(arguments: endToEnd)
    func estimateJSONMatchesGolden(example: String) throws {
        let plan = try PlanParser.parse(contentsOf: Golden.example("\(example).yaml"))
        let estimate = try Estimator(catalog: Golden.catalog).estimate(plan)
        try Golden.check(EstimateJSON.render(Report(estimate)), "\(example).json")
    }

    @Test(arguments: endToEnd)
    func estimateTableMatchesGolden(example: String) throws {
        let plan = try PlanParser.parse(contentsOf: Golden.example("\(example).yaml"))
        let estimate = try Estimator(catalog: Golden.catalog).estimate(plan)
        try Golden.check(EstimateTable.render(Report(estimate), details: true), "\(example).txt")
    }

    /// Every example prices completely: no usage left unstated, every environment non-zero.
    @Test(arguments: examples)
    func examplesArePricedCompletely(example: String) throws {
        let plan = try PlanParser.parse(contentsOf: Golden.example("\(example).yaml"))
        let estimate = try Estimator(catalog: Golden.catalog).estimate(plan)
        for env in estimate.environments {
            #expect(env.usageDependentItems.isEmpty, "\(example) \(env.name): \(env.usageDependentItems.map(\.item.name))")
            #expect(env.monthly.desired > 0)
            #expect(env.monthly.min <= env.monthly.desired && env.monthly.desired <= env.monthly.max)
        }
    }

    /// The MueJam production tier, recomputed by hand from the rate sheets (us-east-1, 730 h):
    /// RDS  db.r6g.xlarge Multi-AZ  2 × 0.45 = 0.90 × 730            = 657.00
    ///      2 replicas db.r6g.large 2 × 0.225 × 730                    = 328.50
    ///      storage gp3 Multi-AZ 100 GB × 0.23                         =  23.00
    ///      replica storage 2 × 100 GB × 0.115                         =  23.00   → 1,031.50
    /// Redis 3 × cache.r6g.large 3 × 0.206 × 730                       =   451.14
    @Test func mueJamProductionDatabaseAndCacheByHand() throws {
        let plan = try PlanParser.parse(contentsOf: Golden.example("muejam-library.yaml"))
        let production = try #require(try Estimator(catalog: Golden.catalog).estimate(plan).environment("production"))
        #expect(production.components.first { $0.id == "db" }?.monthly.desired == Decimal(string: "1031.5"))
        #expect(production.components.first { $0.id == "cache" }?.monthly.desired == Decimal(string: "451.14"))
    }
}
