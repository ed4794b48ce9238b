import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// `Tests/Fixtures/unpriced/unpriced.yaml` (one known and one unknown instance type, a database
/// whose instance class has no rate) in the estimate table and JSON: the known cost, the
/// unpriced items with their fix, totals marked as lower bounds.
struct UnpricedGoldenTests {
    static let estimate: Estimate = try! Estimator(catalog: Golden.catalog)
        .estimate(try! PlanParser.parse(contentsOf: TestRepository.fixture("unpriced/unpriced.yaml")))

    @Test func tableMatchesGolden() throws {
        try Golden.check(EstimateTable.render(try ReportFixtures.load("unpriced"), details: true), "unpriced.txt")
    }

    @Test func jsonMatchesGolden() throws {
        try Golden.check(EstimateJSON.render(try ReportFixtures.load("unpriced")), "unpriced.json")
    }

    /// production: web 2 × 730 h × $0.0832 = $121.472; db storage 100 GB × $0.115 = $11.50;
    /// batch and the db instance not priced → at least $132.972 (never counted as $0).
    @Test func totalsAreWhatIsPricedAndMarked() throws {
        let production = try #require(Self.estimate.environment("production"))
        #expect(production.monthly.desired == Decimal(string: "132.972"))
        let table = EstimateTable.render(Report(Self.estimate))
        #expect(table.contains("≥ 132.97"))
        #expect(table.contains("NOT PRICED (not in the totals, which are lower bounds): 2 items"))
        #expect(table.contains("fix: costplan pricing fetch --service AmazonRDS --region us-east-1"))
        // staging is complete: its total is not marked
        let total = try #require(table.split(separator: "\n").first { $0.hasPrefix("TOTAL") })
        #expect(total.hasSuffix(" 30.37") && !total.hasSuffix("≥ 30.37"))
    }

    @Test func jsonFieldsAreAdditive() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(EstimateJSON.render(Report(Self.estimate)).utf8)) as? [String: Any])
        #expect(object["complete"] as? Bool == false)
        let envs = try #require(object["environments"] as? [[String: Any]])
        #expect(envs.map { $0["complete"] as? Bool } == [false, true])
        let unpriced = try #require(envs[0]["unpriced"] as? [[String: Any]])
        #expect(unpriced.map { Set($0.keys) } == Array(repeating: ["component", "address", "item", "service", "region", "reason", "fix"], count: 2))
        #expect((envs[1]["unpriced"] as? [Any])?.isEmpty == true)
    }

    /// The capacity table does not abort either: lower bounds and the list.
    @Test func capacityTableMarksLowerBounds() throws {
        let section = CapacityTable.Section(today: Report.Environment(Self.estimate.environments[0]), scaled: Report.Environment(Self.estimate.environments[0]))
        let text = CapacityTable.render(plan: "unpriced", factor: 1, sections: [section])
        #expect(text.contains("Monthly: ≥ $132.97"))
        #expect(text.contains("production/batch: Instance (Linux, on-demand, 1 × m9.large)"))
    }
}
