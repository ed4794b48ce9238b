import CostPlan
import Foundation

/// `index.html`: one table of every priced plan (a row per tier) and the plans that failed.
enum IndexPage {
    static func render(_ entries: [HTMLPages.IndexEntry], snapshot: PricingSnapshot?, links: SiteLinks) -> String {
        let sorted = entries.sorted { ($0.name, $0.problems.count) < ($1.name, $1.problems.count) }
        let priced = sorted.filter { $0.problems.isEmpty && $0.report != nil }
        let failed = sorted.filter { !$0.problems.isEmpty || $0.report == nil }
        var body = """
            <h1>Plans</h1>
            <p class="lead">Monthly cost of each system's environment tiers at desired scale, with the \
            min–max band across their scaling ranges. \(priced.count) plan\(priced.count == 1 ? "" : "s") priced\
            \(failed.isEmpty ? "" : ", \(failed.count) failed to load").</p>

            """
        if !priced.isEmpty {
            body += """
                <div class="table-wrap">
                <table class="plans">
                <thead><tr><th scope="col">Plan</th><th scope="col">Tier</th><th scope="col">Region</th>\
                <th scope="col" class="num">Monthly (desired)</th><th scope="col" class="num">Band (min–max)</th>\
                <th scope="col" class="num">Reference</th></tr></thead>

                """
            for report in priced.compactMap(\.report) { body += rows(report, links: links) }
            body += "</table>\n</div>\n"
        }
        if !failed.isEmpty {
            body += "<section class=\"failed\">\n<h2>Plans that failed to load</h2>\n"
            for entry in failed {
                let problems = entry.problems.isEmpty ? ["no estimate"] : entry.problems
                body += """
                    <div class="problems">
                    <h3><a href="\(HTML.escape(links.plan(entry.name)))">\(HTML.escape(entry.name))</a></h3>
                    <ul>
                    \(problems.map { "<li><pre>\(HTML.escape($0))</pre></li>" }.joined(separator: "\n"))
                    </ul>
                    </div>

                    """
            }
            body += "</section>\n"
        }
        return HTML.document(title: "Plans", links: links, snapshot: snapshot, current: .index, body: body)
    }

    /// One `<tbody>` per plan: its name and description on the first row, then one row per tier.
    private static func rows(_ report: Report, links: SiteLinks) -> String {
        let envs = report.environments
        var out = "<tbody>\n"
        for (index, env) in envs.enumerated() {
            out += "<tr>"
            if index == 0 {
                out += "<th scope=\"rowgroup\" rowspan=\"\(max(envs.count, 1))\" class=\"plan-name\">"
                    + "<a href=\"\(HTML.escape(links.plan(report.plan)))\">\(HTML.escape(report.plan))</a>"
                    + (report.description.map { "<span class=\"desc\">\(HTML.escape(summary($0)))</span>" } ?? "")
                    + "</th>"
            }
            out += "<td><a href=\"\(HTML.escape(links.environment(report.plan, env.name)))\">\(HTML.escape(env.name))</a></td>"
                + "<td>\(HTML.escape(env.region))</td>"
                + "<td class=\"num money\">\(UnpricedBox.mark(!env.complete))\(HTML.money(env.monthly.desired))</td>"
                + "<td class=\"num money band\">\(env.monthly.isFlat ? "fixed" : HTML.band(env.monthly))</td>"
                + "<td class=\"num money\">\(env.referenceEstimate.map(HTML.reference) ?? "—")</td></tr>\n"
        }
        if envs.isEmpty {
            out += "<tr><th scope=\"row\"><a href=\"\(HTML.escape(links.plan(report.plan)))\">"
                + "\(HTML.escape(report.plan))</a></th><td colspan=\"5\">no environments</td></tr>\n"
        }
        return out + "</tbody>\n"
    }

    /// The first sentence of a description, at most 160 characters.
    private static func summary(_ text: String) -> String {
        let sentence = text.split(separator: ". ", maxSplits: 1).first.map(String.init) ?? text
        return sentence.count > 160 ? String(sentence.prefix(157)) + "…" : sentence
    }
}
