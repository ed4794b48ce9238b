@testable import CostPlan
@testable import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// Plan text holding terminal escapes, C1 controls and bidi overrides reaches no renderer raw:
/// each shows them as visible `\u{XX}` escapes (one sanitizer, `DisplayText`), and the Markdown
/// comment turns no URL into a link.
struct HostileTextTests {
    /// Clears the screen, prints a green "all good", reverses the rest (RLO), and a C1 CSI.
    static let hostile = "\u{1B}[2J\u{1B}[32mall good\u{1B}[0m\u{202E}kcab\u{202C}\u{9B}31m\u{2066}x\u{2069}\u{7F}"
    static let shown = #"\u{1B}[2J\u{1B}[32mall good\u{1B}[0m\u{202E}kcab\u{202C}\u{9B}31m\u{2066}x\u{2069}\u{7F}"#

    /// True when `text` has a control or bidi character other than a line break or tab.
    static func hasUnsafe(_ text: String) -> Bool {
        text.unicodeScalars.contains { DisplayText.isUnsafe($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" }
    }

    @Test(arguments: [
        ("plain text, é and ✓", "plain text, é and ✓"),
        ("\u{1B}[31m", #"\u{1B}[31m"#),
        ("a\nb\tc\r", #"a\u{A}b\u{9}c\u{D}"#),
        ("\u{0}\u{7F}\u{80}\u{9F}", #"\u{0}\u{7F}\u{80}\u{9F}"#),
        ("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}", #"\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}"#),
        ("\u{2066}\u{2067}\u{2068}\u{2069}", #"\u{2066}\u{2067}\u{2068}\u{2069}"#),
        // Neighbours that are not controls or overrides stay: U+A0, U+2029, U+206A.
        ("\u{A0}\u{2029}\u{206A}", "\u{A0}\u{2029}\u{206A}"),
    ])
    func visibleEscapes(_ input: String, _ expected: String) {
        #expect(DisplayText.visible(input) == expected)
    }

    @Test func lineBreaksCanBeKept() {
        #expect(DisplayText.visible("a\nb\u{1B}c\td", keepingLineBreaks: true) == "a\nb\\u{1B}c\td")
    }

    /// One environment `prod` with one component whose id, description, line item and rate
    /// source hold the hostile text (built by hand: a plan file allows no such id).
    static func estimate() -> Estimate {
        let rate = Rate(key: RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.small"), unit: "hour",
                        usd: Decimal(string: "0.0208")!, effectiveDate: "2026-07-20", source: "source " + hostile)
        let item = LineItem(name: "hours " + hostile, unit: "hours", quantity: 730, unitPrice: Decimal(string: "0.0208")!,
                            rate: rate, isTimeBilled: true)
        let component = ComponentEstimate(
            id: "web" + hostile, type: .ec2, region: "us-east-1", hoursPerMonth: 730, description: "described " + hostile,
            lineItems: [.min: [item], .desired: [item], .max: [item]])
        let environment = EnvironmentEstimate(
            name: "prod", region: "us-east-1", hoursPerMonth: 730, description: "env " + hostile,
            referenceEstimate: ReferenceEstimate(low: 10, high: 20, source: "doc " + hostile), components: [component])
        return Estimate(planName: "plan", planDescription: "plan " + hostile, environments: [environment],
                        pricing: PricingSnapshot(id: "test", origin: "test", rateCount: 1, latestEffectiveDate: "2026-07-20"))
    }

    @Test func theTableShowsEscapes() {
        let table = EstimateTable.render(Report(Self.estimate()), details: true)
        #expect(!Self.hasUnsafe(table))
        #expect(table.contains("web" + Self.shown))
        #expect(table.contains("hours " + Self.shown))
    }

    @Test func htmlPagesShowEscapes() throws {
        let estimate = Self.estimate()
        let links = SiteLinks(root: "../")
        let plan = HTMLPages.plan(Report(estimate), links: links)
        let environment = try #require(HTMLPages.environment(Report(estimate), environment: "prod", links: links))
        let problems = HTMLPages.planProblems(name: "plan", problems: ["plan.yaml: error: " + Self.hostile + "\n    hint: x"], links: links)
        for page in [plan, environment, problems] { #expect(!Self.hasUnsafe(page)) }
        #expect(plan.contains("plan " + Self.shown))
        #expect(environment.contains("described " + Self.shown))
        #expect(problems.contains("error: " + Self.shown + "\n    hint: x"), "line breaks stay in <pre>")
    }

    /// JSON already escapes C0 (RFC 8259); DEL, C1 and the bidi characters are escaped too, so
    /// the text is the same for a JSON reader and inert in a terminal.
    @Test func jsonEscapesEveryControlAndOverride() throws {
        let json = EstimateJSON.render(Report(Self.estimate()))
        #expect(!Self.hasUnsafe(json))
        #expect(json.contains(#""plan \u001b[2J\u001b[32mall good\u001b[0m\u202ekcab\u202c\u009b31m\u2066x\u2069\u007f""#))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(decoded?["description"] as? String == "plan " + Self.hostile)
    }

    @Test func csvShowsEscapes() throws {
        let csv = try CostsCSV.render(Report(Self.estimate()), options: .init(start: CalendarMonth(parsing: "2027-01")))
        #expect(!Self.hasUnsafe(csv))
        #expect(csv.contains("web" + Self.shown))
    }

    @Test func markdownShowsEscapesAndBreaksAutolinks() {
        let text = MarkdownText.escape(Self.hostile + " see https://evil.example/x, WWW.evil.example and mailto:a@b.example")
        #expect(!Self.hasUnsafe(text))
        #expect(text.hasPrefix(#"\\u{1B}\[2J"#), "the backslash of the escape is itself escaped, so GitHub shows it")
        // GitHub (cmark-gfm) renders `https\://` and `WWW\.` as the plain characters, unlinked.
        #expect(text.hasSuffix(#" see https\://evil.example/x, WWW\.evil.example and mailto\:a@"# + "\u{200B}b.example"))
    }

    /// A plan's diagnostics echo its values: they show escapes, so `validate` cannot clear the
    /// screen or forge a line in a CI log.
    @Test func diagnosticsShowEscapes() {
        let yaml = "version: 1\nname: p\nregion: us-east-1\nenvironments:\n  prod:\n    components:\n"
            + "      web: {type: \"ec2\\e[2J\\e[32m ok\\nforged: ok\\u202E\"}\n"
        #expect {
            _ = try PlanParser.parse(yaml, file: "p.yaml")
        } throws: { error in
            let text = "\(error)"
            return !Self.hasUnsafe(text) && !text.contains("\nforged")
                && text.contains(#"unknown component type 'ec2\u{1B}[2J\u{1B}[32m ok\u{A}forged: ok\u{202E}'"#)
        }
    }
}
