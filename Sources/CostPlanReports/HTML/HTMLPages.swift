import CostPlan
import Foundation

/// The web report's pages, each a complete HTML5 document. Pure: no I/O, no JavaScript, no
/// external assets beyond `assets/costplan.css`; every plan-, rate- or request-supplied string
/// is HTML-escaped and every name in a URL percent-encoded. The server and the static export
/// both write the layout `index.html`, `plans/NAME.html`, `plans/NAME/ENV.html`, `rates.html`,
/// `assets/costplan.css`, and pass the page's relative path to the root in `links`.
public enum HTMLPages {
    /// One plan on the index: priced, or failed to load (`problems` non-empty).
    public struct IndexEntry: Sendable {
        /// The plan's name (its file name without extension when it failed to parse).
        public var name: String
        /// The priced plan's report; nil when it failed to load.
        public var report: Report?
        /// Why the plan failed to load (one message each); empty when it priced.
        public var problems: [String]

        /// A priced plan (`report`, no problems) or one that failed (`problems`, report nil).
        public init(name: String, report: Report?, problems: [String] = []) {
            self.name = name
            self.report = report
            self.problems = problems
        }
    }

    /// `index.html`: every plan sorted by name with each tier's desired total and min..max band,
    /// linked to its page; plans that failed to load listed with their problems.
    public static func index(_ entries: [IndexEntry], snapshot: PricingSnapshot?, links: SiteLinks) -> String {
        IndexPage.render(entries, snapshot: snapshot, links: links)
    }

    /// `plans/NAME.html`: the tiers × components matrix with bands, totals, ratios between tiers,
    /// a stacked bar chart by service, the report's cost-versus-scale curves and each tier's
    /// reference estimate.
    public static func plan(_ report: Report, links: SiteLinks) -> String {
        PlanPage.render(report, links: links)
    }

    /// `plans/NAME/ENV.html`: every line item of one environment at desired scale with its rate's
    /// source and effective date; nil when the report has no environment `environment`.
    public static func environment(_ report: Report, environment: String, links: SiteLinks) -> String? {
        guard let env = report.environment(environment) else { return nil }
        return EnvironmentPage.render(report, env, links: links)
    }

    /// `rates.html`: the catalog grouped by service and region with sources, filtered by `query`
    /// (case-insensitive substring of the service, item, region or source) from a plain GET form.
    public static func rates(_ rates: [Rate], snapshot: PricingSnapshot, query: String?, links: SiteLinks) -> String {
        RatesPage.render(rates, snapshot: snapshot, query: query, links: links)
    }

    /// `plans/NAME.html` for a plan that failed to load: its problems, one per item.
    public static func planProblems(name: String, problems: [String], links: SiteLinks, snapshot: PricingSnapshot? = nil) -> String {
        let list = problems.map { "<li><pre>\(HTML.escape($0))</pre></li>" }.joined(separator: "\n")
        let body = """
            <h1>\(HTML.escape(name))</h1>
            <div class="problems" role="alert">
            <p><strong>This plan could not be priced.</strong> \(problems.count) problem\(problems.count == 1 ? "" : "s"):</p>
            <ul>
            \(list)
            </ul>
            </div>

            """
        return HTML.document(title: name, links: links, snapshot: snapshot, current: .plan,
                             crumbs: [("Plans", links.index), (name, nil)], body: body)
    }

    /// The page for an unknown address, linking back to the index.
    public static func notFound(links: SiteLinks, snapshot: PricingSnapshot? = nil) -> String {
        let body = """
            <h1>Page not found</h1>
            <p>There is no page at this address. See <a href="\(HTML.escape(links.index))">all plans</a> \
            or <a href="\(HTML.escape(links.rates))">the rates</a>.</p>

            """
        return HTML.document(title: "Not found", links: links, snapshot: snapshot, current: .other, body: body)
    }
}
