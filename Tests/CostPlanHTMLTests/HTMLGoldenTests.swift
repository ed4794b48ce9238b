import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// The muejam-library example priced with the repository's catalog, shared by the HTML tests.
enum MueJam {
    static let plan: Plan = try! PlanParser.parse(contentsOf: Golden.example("muejam-library.yaml"))
    static let estimate: Estimate = try! Estimator(catalog: Golden.catalog).estimate(plan, withDemandCurves: true)
    static let curves: [ScaleCurve] = Report(estimate).curves
}

/// Golden HTML: the plan page and the production page of muejam-library (its serialized report,
/// `Tests/Fixtures/reports/`), compared byte for byte with `Golden/*.html` (`COSTPLAN_UPDATE_GOLDEN=1` rewrites them; review the diff).
struct HTMLGoldenTests {
    @Test func planPageMatchesGolden() throws {
        let html = HTMLPages.plan(try ReportFixtures.load("muejam-library"), links: SiteLinks(root: "../"))
        try Golden.check(html, "muejam-library.plan.html")
    }

    @Test func environmentPageMatchesGolden() throws {
        let report = try ReportFixtures.load("muejam-library")
        let html = try #require(HTMLPages.environment(report, environment: "production", links: SiteLinks(root: "../../")))
        try Golden.check(html, "muejam-library.production.html")
    }

    @Test func unknownEnvironmentIsNil() {
        #expect(HTMLPages.environment(Report(MueJam.estimate), environment: "qa", links: SiteLinks(root: "../../")) == nil)
    }

    /// The figures a manager reads: each tier's total, band, the ratio line and the footer.
    @Test func planPageStatesTotalsRatiosAndBasis() {
        let html = HTMLPages.plan(Report(MueJam.estimate), links: SiteLinks(root: "../"))
        for text in ["$1,880.84", "$504.47", "$220.89", "$1,880.84–$2,379.53", "$1,190–$1,670",
                     "<strong>staging</strong> is 27% of production", "<strong>dev</strong> is 12% of production",
                     "730 hours per month", MueJam.estimate.pricing.id, "<svg class=\"chart bars\"", "<polyline"] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("href=\"http") && !html.contains("src=")) // nothing loaded from elsewhere
    }

    /// Every line item of production is listed with its source and date; derived rates are marked.
    @Test func environmentPageListsEveryLineItem() throws {
        let html = try #require(HTMLPages.environment(Report(MueJam.estimate), environment: "production", links: SiteLinks(root: "../../")))
        let production = try #require(MueJam.estimate.environment("production"))
        for component in production.components {
            for item in component.lineItems[.desired, default: []] {
                #expect(html.contains(item.name.replacingOccurrences(of: "&", with: "&amp;")), "missing \(item.name)")
                #expect(item.rate.effectiveDate.isEmpty || html.contains("<time>\(item.rate.effectiveDate)</time>"))
            }
        }
        #expect(html.contains("$1,880.84"))
    }

    /// A usage-dependent item shows as such and is left out of the total.
    @Test func usageDependentItemsAreShownAsSuch() throws {
        let plan = try PlanParser.parse("""
            version: 1
            name: usage
            region: us-east-1
            environments:
              prod:
                components:
                  nat: {type: nat_gateway}
            """, file: "usage.yaml")
        let estimate = try Estimator(catalog: Golden.catalog).estimate(plan)
        let html = try #require(HTMLPages.environment(Report(estimate), environment: "prod", links: SiteLinks(root: "../../")))
        #expect(html.contains("<em>depends on usage</em>"))
        #expect(html.contains("1 item is not in the total"))
        #expect(html.contains("$32.85"))   // 730 × 0.045, the data processed not counted
    }

    /// Every example renders its plan and environment pages with finite chart coordinates.
    @Test(arguments: ["component-registry", "multi-region-fargate", "cloudweave", "shangwellness", "muejam-library"])
    func everyExampleRenders(example: String) throws {
        let plan = try PlanParser.parse(contentsOf: Golden.example("\(example).yaml"))
        let estimate = try Estimator(catalog: Golden.catalog).estimate(plan, withDemandCurves: true)
        let page = HTMLPages.plan(Report(estimate), links: SiteLinks(root: "../"))
        for bad in ["=\"nan", "=\"-nan", "nan,", ",nan", "=\"inf", "=\"-inf", "inf,", ",inf"] {
            #expect(!page.contains(bad), "\(example): non-finite coordinate")
        }
        for env in estimate.environments {
            #expect(page.contains(Formatting.dollars(env.monthly.desired)))
            let envPage = try #require(HTMLPages.environment(Report(estimate), environment: env.name, links: SiteLinks(root: "../../")))
            #expect(envPage.contains("<td class=\"num money\">\(Formatting.dollars(env.monthly.desired))</td>"))
        }
    }

    @Test func ratesPageFiltersByQuery() {
        let catalog = Golden.catalog
        let all = HTMLPages.rates(catalog.allRates, snapshot: catalog.snapshot, query: nil, links: SiteLinks(root: ""))
        let some = HTMLPages.rates(catalog.allRates, snapshot: catalog.snapshot, query: "  DB.R6G.xlarge ", links: SiteLinks(root: ""))
        let count = catalog.allRates.filter { $0.key.item.lowercased().contains("db.r6g.xlarge") || $0.source.lowercased().contains("db.r6g.xlarge") }.count
        #expect(all.contains("All \(catalog.allRates.count) rates"))
        #expect(some.contains("\(count) of \(catalog.allRates.count) rates matching “DB.R6G.xlarge”"))
        #expect(some.contains("value=\"DB.R6G.xlarge\""))
        #expect(!some.contains("t3.large"))
        let none = HTMLPages.rates(catalog.allRates, snapshot: catalog.snapshot, query: "no-such-rate", links: SiteLinks(root: ""))
        #expect(none.contains("No rate matches"))
    }

    @Test func indexListsPlansSortedWithFailures() {
        let entries = [
            HTMLPages.IndexEntry(name: "zeta", report: nil, problems: ["zeta.yaml:3: error: bad"]),
            HTMLPages.IndexEntry(name: "muejam-library", report: Report(MueJam.estimate), problems: []),
        ]
        let html = HTMLPages.index(entries, snapshot: MueJam.estimate.pricing, links: SiteLinks(root: ""))
        #expect(html.contains("<a href=\"plans/muejam-library.html\">muejam-library</a>"))
        #expect(html.contains("<a href=\"plans/muejam-library/staging.html\">staging</a>"))
        #expect(html.contains("Plans that failed to load"))
        #expect(html.contains("zeta.yaml:3: error: bad"))
        #expect(html.contains("$504.47–$600.38"))
    }
}
