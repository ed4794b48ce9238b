import CostPlan
import CostPlanReports
import Foundation
import Testing

/// Diffs of environment-level settings: a `demand:` change that re-derives counts (and so the
/// cost) while no component's text changes, a peak that outgrows a range without a cost
/// change, and an environment's region and `hours_per_month`. Golden Markdown, JSON and table,
/// reviewed in the diff, plus the figures asserted directly.
struct DemandDiffTests {
    /// (base fixture, head fixture, golden file stem).
    static let cases: [(base: String, head: String, stem: String)] = [
        ("demand-base", "demand-rise", "demand-rise"),
        ("demand-rise", "demand-base", "demand-fall"),
        ("demand-base", "demand-peak-only", "demand-peak-only"),
        ("base", "hours-region", "hours-region"),
    ]

    static var stems: [String] { cases.map(\.stem) }

    static func diff(_ stem: String) throws -> ReportDiff {
        let c = cases.first { $0.stem == stem }!
        return try DiffSupport.diff(c.base, c.head)
    }

    @Test(arguments: stems)
    func markdownMatchesGolden(stem: String) throws {
        try DiffSupport.check(DiffMarkdown.render(try Self.diff(stem)), "\(stem).md")
    }

    @Test(arguments: stems)
    func jsonMatchesGolden(stem: String) throws {
        let diff = try Self.diff(stem)
        let json = DiffJSON.render(diff)
        try DiffSupport.check(json, "\(stem).json")
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }

    @Test(arguments: stems)
    func tableMatchesGolden(stem: String) throws {
        try DiffSupport.check(DiffTable.render(try Self.diff(stem)), "\(stem).txt")
    }

    /// diff totals = estimate(head) − estimate(base), exactly, for every pair here.
    @Test(arguments: stems)
    func totalsAreExactlyTheEstimatesDifference(stem: String) throws {
        let c = Self.cases.first { $0.stem == stem }!
        try DiffPropertyTests.checkTotals(try DiffSupport.plan(try DiffSupport.fixture(c.base), file: "\(c.base).yaml"),
                                          try DiffSupport.plan(try DiffSupport.fixture(c.head), file: "\(c.head).yaml"))
    }

    /// A demand plan compared with itself shows no setting change, derived change or warning change.
    @Test func demandPlanWithItselfIsUnchanged() throws {
        let diff = try DiffSupport.diff("demand-rise", "demand-rise")
        #expect(!diff.hasChanges)
        for env in diff.environments {
            #expect(env.settingChanges.isEmpty && env.changedWarnings.isEmpty)
            #expect(env.components.allSatisfy { $0.derivedChanges.isEmpty })
        }
        // production's web warning is there on both sides, so it is paired, unchanged.
        #expect(diff.environments[0].warningChanges.map(\.status) == [.unchanged])
    }

    @Test func demandRiseNamesTheDemandFieldsAndTheDerivedCounts() throws {
        let diff = try Self.diff("demand-rise")
        let production = try #require(diff.environments.first { $0.name == "production" })
        #expect(production.settingChanges == [
            FieldChange(field: "demand.average_rps", before: "100", after: "600"),
            FieldChange(field: "demand.peak_rps", before: "200", after: "900"),
        ])
        let web = try #require(production.components.first { $0.id == "web" })
        #expect(web.fieldChanges.isEmpty)
        // count.desired = ceil(average_rps ÷ rps_per_instance): ceil(100 ÷ 50) = 2 → ceil(600 ÷ 50) = 12.
        #expect(web.derivedChanges == [FieldChange(field: "count.desired", before: "2", after: "12")])
        #expect(web.status == .changed)
        // lcu = processed GB/hour = average_rps × 3,600 × 40 KB ÷ 1,048,576:
        // 100 rps → 13.73291 (to 6 decimals: 13.732910); 600 rps → 82.397461.
        let lb = try #require(production.components.first { $0.id == "lb" })
        #expect(lb.derivedChanges == [FieldChange(field: "lcu", before: "13.73291", after: "82.397461")])
        // db replicas follow peak_read_rps (unchanged): no derived change, no cost change.
        let db = try #require(production.components.first { $0.id == "db" })
        #expect(db.derivedChanges.isEmpty && db.status == .unchanged)
        // The peak needs ceil(900 ÷ 50) = 18 instances, above count.max 12 (saturates at 600 rps).
        #expect(production.changedWarnings.count == 1)
        let warning = try #require(production.changedWarnings.first)
        #expect(warning.status == .added && warning.component == "web" && warning.field == "count.max")
        #expect(warning.after?.needed == 18 && warning.after?.saturatesAt == 600)
        // staging is untouched.
        #expect(diff.environments.first { $0.name == "staging" }?.status == .unchanged)
        let markdown = DiffMarkdown.render(diff)
        #expect(markdown.contains("Settings: `demand.average_rps` 100 → 600 · `demand.peak_rps` 200 → 900\n"))
        #expect(markdown.contains("- `web`: `count.desired` 2 → 12 _(derived from demand)_\n"))
        #expect(markdown.contains("> [!WARNING]\n> **New capacity warning:** web saturates at 600 rps"))
    }

    @Test func demandFallResolvesTheWarning() throws {
        let production = try #require(try Self.diff("demand-fall").environments.first { $0.name == "production" })
        #expect(production.changedWarnings.map(\.status) == [.removed])
        #expect(DiffMarkdown.render(try Self.diff("demand-fall")).contains("Capacity warning resolved: `web` now serves the peak"))
    }

    /// Still short after the change, with other figures: `changed`, shown with the figures before.
    @Test func aWarningWhoseFiguresMoveIsChanged() throws {
        let base = try DiffSupport.fixture("demand-rise")
        let head = base.replacingOccurrences(of: "      peak_rps: 900", with: "      peak_rps: 1200")
        let diff = try ReportDiff.between(baseText: base, headText: head, catalog: DiffSupport.catalog)
        let production = try #require(diff.environments.first { $0.name == "production" })
        // The peak needs ceil(900 ÷ 50) = 18, then ceil(1,200 ÷ 50) = 24 instances; count.max stays 12.
        #expect(production.changedWarnings.map(\.status) == [.changed])
        #expect(production.changedWarnings.first?.before?.needed == 18 && production.changedWarnings.first?.after?.needed == 24)
        #expect(DiffMarkdown.render(diff).contains(
            "> **Capacity warning in production, still short:** web saturates at 600 rps (count.max 12); the peak of 1,200 rps "
                + "needs 24 instances — raise count.max to 24 (before: the peak of 900 rps needed 18 instances, count.max 12)\n"))
        #expect(DiffTable.render(diff).contains("  WARNING (still short): web saturates at 600 rps"))
    }

    /// A peak that outgrows a range without moving the bill: the comment says "No cost change"
    /// and still shows the demand change and the new warning.
    @Test func peakOnlyChangeShowsTheWarningWithoutACostChange() throws {
        let diff = try Self.diff("demand-peak-only")
        #expect(!diff.hasCostChange && diff.hasChanges)
        let production = try #require(diff.environments.first { $0.name == "production" })
        #expect(production.status == .changed && production.changedComponents.isEmpty)
        #expect(production.settingChanges == [FieldChange(field: "demand.peak_rps", before: "200", after: "700")])
        let markdown = DiffMarkdown.render(diff)
        #expect(markdown.contains("### No cost change"))
        #expect(markdown.contains("- production: `demand.peak_rps` 200 → 700\n"))
        #expect(markdown.contains("**New capacity warning in production:** web saturates at 600 rps"))
    }

    /// An environment's region and hours are shown once, at environment level, not repeated on
    /// each component that inherits them (the JSON keeps them in each component's field_changes).
    @Test func inheritedRegionAndHoursAreShownOnceForTheEnvironment() throws {
        let diff = try Self.diff("hours-region")
        let staging = try #require(diff.environments.first { $0.name == "staging" })
        #expect(staging.settingChanges == [
            FieldChange(field: "hours_per_month", before: "730", after: "260"),
            FieldChange(field: "region", before: "us-east-1", after: "us-west-2"),
        ])
        for c in staging.changedComponents {
            #expect(c.fieldChanges.map(\.field) == ["hours_per_month", "region"], "\(c.id)")
            #expect(staging.ownFieldChanges(c).isEmpty, "\(c.id)")
        }
        let markdown = DiffMarkdown.render(diff)
        #expect(markdown.contains("Settings: `hours_per_month` 730 → 260 · `region` us-east-1 → us-west-2\n"))
        #expect(!markdown.contains("- `web`:"))
    }

    /// Names may hold `_` (ids are `[A-Za-z0-9._-]`): a component id that would render bold is
    /// escaped in the new warning, the derived-change bullet and the resolved line alike.
    @Test func warningsAndDerivedChangesAreEscaped() throws {
        func renamed(_ fixture: String) throws -> String {
            try DiffSupport.fixture(fixture).replacingOccurrences(of: "      web:\n        type: ec2", with: "      __web__:\n        type: ec2")
                .replacingOccurrences(of: "      web: {", with: "      __web__: {")
        }
        for (base, head) in [("demand-base", "demand-rise"), ("demand-rise", "demand-base"), ("demand-base", "demand-peak-only")] {
            let diff = try ReportDiff.between(baseText: try renamed(base), headText: try renamed(head), catalog: DiffSupport.catalog)
            let lines = DiffMarkdown.render(diff).components(separatedBy: "\n").filter { $0.contains("web") }
            #expect(lines.contains { $0.contains("apacity warning") }, "\(head)")
            for line in lines where !line.contains("`__web__`") {
                #expect(line.contains(#"\_\_web\_\_"#) && !line.contains("__web__"), "\(head): \(line)")
            }
        }
    }
}
