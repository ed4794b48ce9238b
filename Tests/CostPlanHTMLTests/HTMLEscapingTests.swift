import CostPlan
import CostPlanReports
import Foundation
import Testing

/// Every plan-, rate- and request-supplied string is escaped: markup in a description, a
/// reference source, a rate's source or a search query comes out as text, never as a tag.
struct HTMLEscapingTests {
    static let payload = #"<script>alert(1)</script> "'& <img src=x onerror=alert(2)>"#
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp; &lt;img src=x onerror=alert(2)&gt;"

    /// A plan carrying the payload in every free-text field (ids only allow [A-Za-z0-9._-]).
    static let plan: Plan = try! PlanParser.parse("""
        version: 1
        name: hostile.plan-1
        description: '\(payload.replacingOccurrences(of: "'", with: "''"))'
        region: us-east-1
        environments:
          prod:
            description: '\(payload.replacingOccurrences(of: "'", with: "''"))'
            reference_estimate: {monthly_usd: 10, source: '\(payload.replacingOccurrences(of: "'", with: "''"))'}
            components:
              web:
                type: ec2
                description: '\(payload.replacingOccurrences(of: "'", with: "''"))'
                instance_type: t3.large
                count: {min: 1, max: 3}
              extra:
                type: fixed
                description: '\(payload.replacingOccurrences(of: "'", with: "''"))'
                monthly_usd: 5
        """, file: "hostile.yaml")

    static func pages() throws -> [(name: String, html: String)] {
        let estimate = try Estimator(catalog: Golden.catalog).estimate(plan)
        let curves = Report(estimate).curves
        let hostileRate = Rate(key: RateKey(service: "Amazon<script>", region: "us-east-1\"'&", item: "item/<script>alert(1)</script>"),
                               unit: "<b>hour</b>", usd: 1, effectiveDate: "2026-01-01<script>",
                               source: payload, notes: payload)
        let rates = Golden.catalog.allRates + [hostileRate]
        return [
            ("plan", HTMLPages.plan(Report(estimate), links: SiteLinks(root: "../"))),
            ("environment", try #require(HTMLPages.environment(Report(estimate), environment: "prod", links: SiteLinks(root: "../../")))),
            ("index", HTMLPages.index([
                .init(name: "hostile.plan-1", report: Report(estimate)),
                .init(name: payload, report: nil, problems: [payload]),
            ], snapshot: estimate.pricing, links: SiteLinks(root: ""))),
            ("rates", HTMLPages.rates(rates, snapshot: estimate.pricing, query: nil, links: SiteLinks(root: ""))),
            ("rates-query", HTMLPages.rates(rates, snapshot: estimate.pricing, query: payload, links: SiteLinks(root: ""))),
            ("rates-filtered", HTMLPages.rates(rates, snapshot: estimate.pricing, query: "<script>", links: SiteLinks(root: ""))),
            ("problems", HTMLPages.planProblems(name: payload, problems: [payload, "line 2 <script>"], links: SiteLinks(root: "../"))),
        ]
    }

    @Test func noMarkupSurvives() throws {
        for (name, html) in try Self.pages() {
            let lower = html.lowercased()
            #expect(!lower.contains("<script"), "\(name): raw <script>")
            #expect(!lower.contains("<img"), "\(name): raw <img>")
            #expect(!html.contains(#""'&"#), "\(name): raw quote/ampersand run")
            #expect(!lower.contains("<b>"), "\(name): raw <b>")
        }
    }

    @Test func payloadAppearsEscaped() throws {
        let pages = Dictionary(uniqueKeysWithValues: try Self.pages().map { ($0.name, $0.html) })
        // Plan description, component descriptions, environment description, reference source.
        #expect(pages["plan"]!.components(separatedBy: Self.escaped).count - 1 >= 4)
        #expect(pages["environment"]!.contains(Self.escaped))
        #expect(pages["rates"]!.contains(Self.escaped))
        #expect(pages["rates"]!.contains("item/&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The query goes back into the form's value attribute and the page text, escaped.
        #expect(pages["rates-query"]!.contains("value=\"\(Self.escaped)\""))
        #expect(pages["rates-filtered"]!.contains("1 of "))
        #expect(pages["problems"]!.contains("<h1>\(Self.escaped)</h1>"))
        #expect(pages["index"]!.contains("<pre>\(Self.escaped)</pre>"))
    }

    /// Names in links are percent-encoded as path segments: nothing can break out of `href`.
    @Test func namesInLinksArePercentEncoded() throws {
        let index = try Self.pages().first { $0.name == "index" }!.html
        #expect(index.contains("href=\"plans/%3Cscript%3Ealert%281%29%3C%2Fscript%3E%20%22%27%26%20%3Cimg%20src%3Dx%20onerror%3Dalert%282%29%3E.html\""))
        #expect(index.contains("href=\"plans/hostile.plan-1/prod.html\""))
    }

    @Test func escapeCoversTheFiveCharacters() {
        let html = HTMLPages.planProblems(name: "a&b<c>d\"e'f", problems: [], links: SiteLinks(root: ""))
        #expect(html.contains("<h1>a&amp;b&lt;c&gt;d&quot;e&#39;f</h1>"))
        #expect(html.contains("<title>a&amp;b&lt;c&gt;d&quot;e&#39;f · costplan</title>"))
    }
}
