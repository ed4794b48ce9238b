import CostPlan
import Foundation

/// `plans/NAME.html`: the tiers side by side — summary, components matrix, costs by service
/// (chart and table), cost-versus-scale curves and the reference estimates.
enum PlanPage {
    static func render(_ report: Report, links: SiteLinks) -> String {
        let envs = report.environments
        var body = "<h1>\(HTML.escape(report.plan))</h1>\n"
        if let description = report.description {
            body += "<p class=\"lead\">\(HTML.escape(description))</p>\n"
        }
        body += "<p class=\"meta\">Monthly cost in USD at desired scale, with the min–max band across the scaling ranges. "
            + "\(envs.count) environment\(envs.count == 1 ? "" : "s"), "
            + "\(report.componentIDs.count) components.</p>\n"
        body += UnpricedBox.render(envs.flatMap { env in env.unpriced.map { (environment: Optional(env.name), item: $0) } })
        body += summary(report, links: links)
        body += HTML.downloadForm(plan: report.plan, environment: nil, links: links)
        body += matrix(report, links: links)
        body += PlanCharts.byService(envs)
        body += PlanCharts.curvesSection(report.curves)
        body += PlanCharts.demandSection(envs)
        body += references(envs)
        return HTML.document(title: report.plan, links: links, snapshot: report.pricing, current: .plan,
                             crumbs: [("Plans", links.index), (report.plan, nil)],
                             mixedSchedules: !envs.allSatisfy(\.schedule.isFullMonth), body: body)
    }

    /// One card per tier (total, band, reference, link) and the ratios between tiers.
    private static func summary(_ report: Report, links: SiteLinks) -> String {
        let envs = report.environments
        var out = "<section aria-labelledby=\"tiers\">\n<h2 id=\"tiers\">Tiers</h2>\n<ul class=\"cards\">\n"
        for env in envs {
            out += """
                <li class="card">
                <h3><a href="\(HTML.escape(links.environment(report.plan, env.name)))">\(HTML.escape(env.name))</a></h3>
                <p class="total money">\(UnpricedBox.mark(!env.complete))\(HTML.money(env.monthly.desired))<span class="per">/month</span></p>
                <p class="band money">\(env.monthly.isFlat ? "does not scale" : "band " + HTML.band(env.monthly))</p>
                <p class="small">\(HTML.escape(env.region))\(env.schedule.isFullMonth ? "" : ", " + env.schedule.hours)\
                \(env.referenceEstimate.map { " · reference \(HTML.reference($0))" } ?? "")</p>
                <p class="small"><a href="\(HTML.escape(links.environment(report.plan, env.name)))">\
                Line items and rates<span class="visually-hidden"> for \(HTML.escape(env.name))</span> →</a></p>
                </li>

                """
        }
        out += "</ul>\n"
        if let base = report.baseline, envs.count > 1 {
            let ratios = envs.filter { $0.name != base.name }.compactMap { env in
                HTML.percent(env.monthly.desired, of: base.monthly.desired).map {
                    "<li><strong>\(HTML.escape(env.name))</strong> is \($0) of \(HTML.escape(base.name))</li>"
                }
            }
            if !ratios.isEmpty { out += "<ul class=\"ratios\">\(ratios.joined())</ul>\n" }
        }
        return out + "</section>\n"
    }

    /// Components × tiers: desired with the band beneath, then totals, bands, references, ratios.
    private static func matrix(_ report: Report, links: SiteLinks) -> String {
        let envs = report.environments
        let head = envs.map { env in
            "<th scope=\"col\" class=\"num\"><a href=\"\(HTML.escape(links.environment(report.plan, env.name)))\">"
                + "\(HTML.escape(env.name))</a></th>"
        }.joined()
        var out = """
            <section aria-labelledby="components">
            <h2 id="components">Components by tier</h2>
            <div class="table-wrap">
            <table class="matrix">
            <caption>Monthly cost at desired scale; min–max band beneath when the component scales.</caption>
            <thead><tr><th scope="col">Component</th>\(head)</tr></thead>
            <tbody>

            """
        for id in report.componentIDs {
            let found = envs.map { env in env.components.first { $0.id == id } }
            let first = found.compactMap { $0 }.first
            let description = first?.description.map { "<span class=\"desc\">\(HTML.escape($0))</span>" } ?? ""
            out += "<tr><th scope=\"row\"><span class=\"id\">\(HTML.escape(id))</span> "
                + "<span class=\"type\">\(HTML.escape(first?.type.rawValue ?? ""))</span>\(description)</th>"
            for component in found {
                out += cell(component)
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n<tfoot>\n<tr class=\"total\"><th scope=\"row\">Total</th>"
            + envs.map { "<td class=\"num money\">\(UnpricedBox.mark(!$0.complete))\(HTML.money($0.monthly.desired))</td>" }.joined() + "</tr>\n"
        out += "<tr><th scope=\"row\">Band (min–max)</th>"
            + envs.map { "<td class=\"num money band\">\(HTML.band($0.monthly))</td>" }.joined() + "</tr>\n"
        if envs.contains(where: { $0.referenceEstimate != nil }) {
            out += "<tr><th scope=\"row\">Reference estimate</th>"
                + envs.map { "<td class=\"num money\">\($0.referenceEstimate.map(HTML.reference) ?? "—")</td>" }.joined()
                + "</tr>\n"
        }
        if let base = report.baseline, envs.count > 1 {
            out += "<tr><th scope=\"row\">Share of \(HTML.escape(base.name))</th>"
                + envs.map { "<td class=\"num\">\(HTML.percent($0.monthly.desired, of: base.monthly.desired) ?? "—")</td>" }.joined()
                + "</tr>\n"
        }
        return out + "</tfoot>\n</table>\n</div>\n</section>\n"
    }

    private static func cell(_ component: Report.Component?) -> String {
        guard let component else { return "<td class=\"num absent\"><span aria-label=\"not in this tier\">—</span></td>" }
        let band = component.monthly
        if component.notPriced {
            return "<td class=\"num unpriced\">not priced</td>"
        }
        var out = "<td class=\"num money\">\(UnpricedBox.mark(!component.unpriced.isEmpty))\(HTML.money(band.desired))"
        if !band.isFlat { out += "<span class=\"band\">\(HTML.band(band))</span>" }
        let unknown = component.items(.desired).filter(\.dependsOnUsage).count
        if unknown > 0 { out += "<span class=\"usage\">+ \(unknown) depend\(unknown == 1 ? "s" : "") on usage</span>" }
        return out + "</td>"
    }

    /// Each tier's reference estimate beside ours, with how far apart they are and the source.
    private static func references(_ envs: [Report.Environment]) -> String {
        let withReference = envs.compactMap { env in env.referenceEstimate.map { (env: env, reference: $0) } }
        guard !withReference.isEmpty else { return "" }
        var out = """
            <section aria-labelledby="references">
            <h2 id="references">Reference estimates</h2>
            <div class="table-wrap">
            <table class="references">
            <thead><tr><th scope="col">Tier</th><th scope="col" class="num">Ours (desired)</th>\
            <th scope="col" class="num">Reference</th><th scope="col">Comparison</th><th scope="col">Source</th></tr></thead>
            <tbody>

            """
        for (env, reference) in withReference {
            out += "<tr><th scope=\"row\">\(HTML.escape(env.name))</th>"
                + "<td class=\"num money\">\(HTML.money(env.monthly.desired))</td>"
                + "<td class=\"num money\">\(HTML.reference(reference))</td>"
                + "<td>\(comparison(env.monthly.desired, reference))</td>"
                + "<td class=\"source\">\(HTML.escape(reference.source ?? "—"))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    /// "within the range", or "$210.84 (13%) above the high end" / "below the low end".
    static func comparison(_ ours: Decimal, _ reference: ReferenceEstimate) -> String {
        let range = reference.isRange
        if ours > reference.high {
            let gap = ours - reference.high
            return "\(HTML.money(gap)) (\(HTML.percent(gap, of: reference.high) ?? "—")) above\(range ? " the high end" : "")"
        }
        if ours < reference.low {
            let gap = reference.low - ours
            return "\(HTML.money(gap)) (\(HTML.percent(gap, of: reference.low) ?? "—")) below\(range ? " the low end" : "")"
        }
        return range ? "within the range" : "equal"
    }
}
