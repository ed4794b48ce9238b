import CostPlan
import CostPlanReports
import Foundation
import Testing

/// An environment that runs `hours_per_month: 260`: its page states 260 hours (the one
/// schedule note, the same words as the table) and never claims 730 hours; the plan page says
/// that tiers may differ; a 730-hour page keeps the 730-hour footer.
struct PartTimeScheduleTests {
    static let report: Report = {
        let plan = try! PlanParser.parse("""
            version: 1
            name: part-time
            region: us-east-1
            environments:
              production:
                components:
                  web: {type: ec2, instance_type: t3.large, count: {min: 2, max: 4}}
                  media: {type: s3, storage_gb: 100}
              dev:
                extends: production
                hours_per_month: 260
            """, file: "part-time.yaml")
        return Report(try! Estimator(catalog: Golden.catalog).estimate(plan))
    }()
    static let note = "time-billed items run 260 h/month; storage is billed all month"

    @Test func environmentPageOfA260HourTierNeverClaims730Hours() throws {
        let html = try #require(HTMLPages.environment(Self.report, environment: "dev", links: SiteLinks(root: "../../")))
        #expect(!html.contains("730"), "the dev page mentions 730")
        #expect(html.contains("<dt>Hours per month</dt><dd>260 (\(Self.note))</dd>"))
        #expect(html.contains("On this page \(Self.note).</p>\n</footer>"))
        // 2 × 260 h × $0.0832 = $43.264 → $43.26 for web, plus storage for the whole month.
        #expect(html.contains("$43.26"))
    }

    @Test func fullMonthPagesKeepThe730HourFooter() throws {
        let html = try #require(HTMLPages.environment(Self.report, environment: "production", links: SiteLinks(root: "../../")))
        #expect(html.contains("Monthly figures are USD at 730 hours per month for time-billed items, on-demand list prices"))
        #expect(!html.contains(Self.note))
        let plan = HTMLPages.plan(Self.report, links: SiteLinks(root: "../"))
        #expect(plan.contains("at 730 hours per month for time-billed items unless a tier says otherwise"))
        #expect(plan.contains("us-east-1, 260 h/month"))
    }

    /// The terminal table words the schedule the same way (one note, built by the report).
    @Test func tableUsesTheSameNote() {
        #expect(EstimateTable.render(Self.report).contains("\ndev: \(Self.note).\n"))
    }
}
