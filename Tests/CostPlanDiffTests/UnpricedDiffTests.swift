import CostPlan
import CostPlanReports
import Foundation
import Testing

/// A diff whose head adds a component the catalog cannot price (`Plans/unpriced-head.yaml`):
/// the priced cost does not move, yet the comment must not say "No cost change".
struct UnpricedDiffTests {
    static func diff() throws -> ReportDiff { try DiffSupport.diff("unpriced-base", "unpriced-head") }

    @Test func markdownMatchesGolden() throws {
        try DiffSupport.check(DiffMarkdown.render(try Self.diff()), "unpriced.md")
    }

    @Test func jsonMatchesGolden() throws {
        try DiffSupport.check(DiffJSON.render(try Self.diff()), "unpriced.json")
    }

    @Test func tableMatchesGolden() throws {
        try DiffSupport.check(DiffTable.render(try Self.diff()), "unpriced.txt")
    }

    @Test func anUnpricedChangeIsNeverNoCostChange() throws {
        let diff = try Self.diff()
        #expect(!diff.hasCostChange && diff.hasUnpricedChange && !diff.complete)
        let markdown = DiffMarkdown.render(diff)
        #expect(!markdown.contains("No cost change"))
        #expect(markdown.contains("### The cost change could not be priced fully: 1 item not priced"))
        #expect(markdown.contains("> [!WARNING]\n> **Not priced:** 1 item has no rate in the catalog"))
        #expect(markdown.contains("`costplan pricing fetch --service AmazonEC2 --region us-east-1`"))
        // unchanged both sides, both complete: still "No cost change"
        #expect(DiffText.headline(try DiffSupport.diff("unpriced-base", "unpriced-base")) == "No cost change")
    }

    /// With --fail-above the comment says the gate checked the priced cost only.
    @Test func theBudgetGateSaysItChecksThePricedCostOnly() throws {
        let diff = try Self.diff()
        let markdown = DiffMarkdown.render(diff, limits: [.amount(250)])
        #expect(markdown.contains("> The budget gate (--fail-above $250.00/month) checks the priced cost only."))
        // web is priced on both sides: no change, no violation
        #expect(BudgetLimit.violations(of: [.amount(0)], in: diff).isEmpty)
    }

    /// `strict` makes the missing rate an error of the side that needs it.
    @Test func strictNamesTheSide() throws {
        let error = #expect(throws: DiffInputError.self) {
            try ReportDiff.between(baseText: try DiffSupport.fixture("unpriced-base"), headText: try DiffSupport.fixture("unpriced-head"),
                                 catalog: DiffSupport.catalog, baseFile: "base.yaml", headFile: "head.yaml", strict: true)
        }
        #expect(error?.side == .head)
        #expect("\(error!)".hasPrefix("head plan (head.yaml) cannot be priced:\nhead.yaml: error: environments.production.components.batch: no rate for AmazonEC2 'instance/m9.large'"))
    }
}
