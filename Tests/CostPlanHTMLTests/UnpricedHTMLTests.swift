import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// The plan and environment pages of a plan the catalog cannot price fully: a warning box
/// naming each unpriced item with its fix, totals marked "≥".
struct UnpricedHTMLTests {
    static let plan: Plan = try! PlanParser.parse(contentsOf: TestRepository.fixture("unpriced/unpriced.yaml"))
    static let estimate: Estimate = try! Estimator(catalog: Golden.catalog).estimate(plan, withDemandCurves: true)

    @Test func planPageMatchesGolden() throws {
        let html = HTMLPages.plan(try ReportFixtures.load("unpriced"), links: SiteLinks(root: "../"))
        try Golden.check(html, "unpriced.plan.html")
        #expect(html.contains("<div class=\"problems unpriced\" role=\"note\">"))
        #expect(html.contains("<code>batch</code> in production: Instance (Linux, on-demand, 1 × m9.large)"))
        #expect(html.contains("Fix: <code>costplan pricing fetch --service AmazonEC2 --region us-east-1</code>"))
        #expect(html.contains("≥ $132.97"))
    }

    @Test func environmentPageMatchesGolden() throws {
        let html = try #require(HTMLPages.environment(try ReportFixtures.load("unpriced"), environment: "production", links: SiteLinks(root: "../../")))
        try Golden.check(html, "unpriced.production.html")
        #expect(html.contains("<strong>Not priced:</strong> 2 items have no rate in the catalog"))
        let staging = try #require(HTMLPages.environment(Report(Self.estimate), environment: "staging", links: SiteLinks(root: "../../")))
        #expect(!staging.contains("Not priced"))
    }
}
