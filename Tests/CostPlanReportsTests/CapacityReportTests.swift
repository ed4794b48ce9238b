import CostPlan
import CostPlanReports
import Foundation
import Testing

/// Capacity in the renderers: the warning for a peak above a range's max appears in the
/// estimate table, the JSON, the plan page and the capacity table; golden files pin the rest.
struct CapacityReportTests {
    static let plan: Plan = try! PlanParser.parse(contentsOf: Golden.root.appendingPathComponent("Tests/CostPlanReportsTests/Plans/overloaded.yaml").path)
    static let estimate: Estimate = try! Estimator(catalog: Golden.catalog).estimate(plan, withDemandCurves: true)
    /// ceil(1,500 ÷ 120) = 13 tasks > max 10, which serves 10 × 120 = 1,200 rps.
    static let warning = "production: api saturates at 1,200 rps (tasks.max 10); the peak of 1,500 rps needs 13 tasks — raise tasks.max to 13"

    @Test func tableWarns() {
        let table = EstimateTable.render(Report(Self.estimate))
        #expect(table.contains("warning: " + Self.warning))
    }

    @Test func jsonCarriesCapacityAndWarnings() throws {
        let text = EstimateJSON.render(Report(Self.estimate))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let production = try #require((json["environments"] as? [[String: Any]])?.first)
        let warnings = try #require(production["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["message"] as? String } == [Self.warning])
        #expect(warnings.first?["needed"] as? Int == 13)
        let api = try #require((production["components"] as? [[String: Any]])?.first { $0["name"] as? String == "api" })
        let capacity = try #require(api["capacity"] as? [String: Any])
        // numbers, not strings: 13, ceil(600 ÷ 120) = 5, 1,200, 1,200 ÷ 1,500 = 0.8
        #expect(capacity["required_at_peak"] as? Int == 13)
        #expect(capacity["required_at_average"] as? Int == 5)
        #expect(capacity["saturates_at_rps"] as? Int == 1200)
        #expect(capacity["headroom"] as? Double == 0.8)
        #expect((capacity["derived"] as? [String])?.contains("tasks.desired = 5 from required_at_average 5, within 2..10") == true)
        try Golden.check(text, "overloaded.json")
    }

    @Test func planPageWarnsAndChartsDemand() throws {
        let html = HTMLPages.plan(Report(Self.estimate),
                                  links: SiteLinks(root: "../"))
        #expect(html.contains("<h2 id=\"demand\">Cost versus demand</h2>"))
        #expect(html.contains(Self.warning.replacingOccurrences(of: "'", with: "&#39;")))
        #expect(html.contains("<title id=\"demand-0-title\">production: monthly cost by peak requests per second</title>"))
        #expect(!html.contains("<script"))
    }

    @Test func environmentPageShowsTheWarningAndHowEachFigureCameAbout() throws {
        let html = HTMLPages.environment(Report(Self.estimate), environment: "production", links: SiteLinks(root: "../../")) ?? ""
        #expect(html.contains("<h2 id=\"capacity\">Capacity at today's demand</h2>"))
        #expect(html.contains(Self.warning.replacingOccurrences(of: "'", with: "&#39;")))
        #expect(html.contains("<li>derived: tasks.desired = 5 from required_at_average 5, within 2..10</li>"))
    }

    @Test func capacityTableShowsWhatMustGrow() throws {
        let planner = CapacityPlanner(estimator: Estimator(catalog: Golden.catalog))
        let sections = try Self.plan.environments.map { env in
            CapacityTable.Section(today: Report.Environment(try planner.estimator.price(env, file: "overloaded.yaml")),
                                  scaled: Report.Environment(try planner.atScale(env, factor: 2, file: "overloaded.yaml")),
                                  budget: (2500, try planner.budget(env, 2500, file: "overloaded.yaml")))
        }
        let text = CapacityTable.render(plan: Self.plan.name, factor: 2, sections: sections)
        // 2×: peak 3,000 → ceil(3,000 ÷ 120) = 25 tasks; reads 4,000 → 4 replicas > 3
        #expect(text.contains("Ranges that would have to grow: api tasks.max 10 → 25; db replicas.max 3 → 4"))
        try Golden.check(text, "overloaded.capacity.txt")
    }
}
