import CostPlan
import Foundation

/// `rates.html`: the rate catalog by service and region, with a plain GET search form.
enum RatesPage {
    /// True when `query` (trimmed, case-insensitive) occurs in the rate's service, item, region
    /// or source; an empty query matches everything.
    static func matches(_ rate: Rate, _ query: String) -> Bool {
        let needle = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return true }
        return [rate.key.service, rate.key.item, rate.key.region, rate.source].contains { $0.lowercased().contains(needle) }
    }

    static func render(_ rates: [Rate], snapshot: PricingSnapshot, query: String?, links: SiteLinks) -> String {
        let query = query?.trimmingCharacters(in: .whitespaces) ?? ""
        let shown = rates.filter { matches($0, query) }
        let byService = Dictionary(grouping: shown, by: \.key.service)
        let services = byService.keys.sorted()
        var body = """
            <h1>Rates</h1>
            <p class="lead">Every on-demand list price in the catalog, by service and region, with where it comes from. \
            A <span class="badge derived">derived</span> rate was computed from a published one by a documented rule.</p>
            <form class="search" method="get" action="\(HTML.escape(links.rates))" role="search">
            <label for="q">Filter by service, item, region or source</label>
            <input type="search" id="q" name="q" value="\(HTML.escape(query))" placeholder="e.g. db.r6g or eu-west-1">
            <button type="submit">Filter</button>
            </form>
            <p class="meta">\(shown.count == rates.count ? "All \(rates.count)" : "\(shown.count) of \(rates.count)") \
            rate\(rates.count == 1 ? "" : "s")\(query.isEmpty ? "" : " matching “\(HTML.escape(query))”")\
            \(query.isEmpty ? "" : " · <a href=\"\(HTML.escape(links.rates))\">show all</a>").</p>

            """
        if services.count > 1 {
            body += "<nav class=\"toc\" aria-label=\"Services\"><ul>"
                + services.map { "<li><a href=\"#s-\(HTML.anchor($0))\">\(HTML.escape($0))</a> <span class=\"small\">\(byService[$0, default: []].count)</span></li>" }.joined()
                + "</ul></nav>\n"
        }
        if shown.isEmpty {
            body += "<p class=\"empty\">No rate matches. Try a shorter text, a service code such as "
                + "<code>AmazonRDS</code>, or a region such as <code>us-east-1</code>.</p>\n"
        }
        for service in services {
            body += section(service, byService[service, default: []])
        }
        return HTML.document(title: "Rates", links: links, snapshot: snapshot, current: .rates, body: body)
    }

    /// One service: a table per region, rows by item then tier.
    private static func section(_ service: String, _ rates: [Rate]) -> String {
        var out = "<section class=\"service\" id=\"s-\(HTML.anchor(service))\">\n<h2>\(HTML.escape(service))</h2>\n"
        let byRegion = Dictionary(grouping: rates, by: \.key.region)
        for (region, inRegion) in byRegion.sorted(by: { $0.key < $1.key }) {
            let rows = inRegion.sorted { ($0.key.item, $0.tierFrom ?? 0) < ($1.key.item, $1.tierFrom ?? 0) }
            out += """
                <h3>\(HTML.escape(region)) <span class="small">\(rows.count) rate\(rows.count == 1 ? "" : "s")</span></h3>
                <div class="table-wrap">
                <table class="rates">
                <thead><tr><th scope="col">Item</th><th scope="col">Unit</th><th scope="col" class="num">Tier from</th>\
                <th scope="col" class="num">USD per unit</th><th scope="col">Effective</th><th scope="col">Source</th></tr></thead>
                <tbody>

                """
            for rate in rows {
                out += "<tr><td class=\"item\">\(HTML.escape(rate.key.item))</td><td>\(HTML.escape(rate.unit))</td>"
                    + "<td class=\"num\">\(rate.tierFrom.map(Formatting.quantity) ?? "")</td>"
                    + "<td class=\"num money\">\(Formatting.unitPrice(rate.usd))</td>"
                    + "<td><time>\(HTML.escape(rate.effectiveDate))</time></td>"
                    + "<td class=\"source\">\(rate.isDerived ? "<span class=\"badge derived\">derived</span> " : "")"
                    + "\(HTML.escape(rate.source))"
                    + (rate.notes.isEmpty ? "" : "<span class=\"notes\">\(HTML.escape(rate.notes))</span>")
                    + "</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</div>\n"
        }
        return out + "</section>\n"
    }
}
