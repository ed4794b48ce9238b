import CostPlan
import Foundation

/// Inline SVG charts of the plan page (no JavaScript; each SVG has a `<title>` and `<desc>`, and
/// a table beside it carries the same figures as text).
enum PlanCharts {
    /// Series colours (Okabe–Ito, then further distinct hues), assigned in service order.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                          "#332288", "#999999", "#882255", "#44AA99", "#117733", "#AA4499"]

    /// A coordinate with one decimal: `12.5`.
    static func coord(_ value: Double) -> String { String(format: "%.1f", value) }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// Services in the order of their desired total over all tiers, largest first.
    static func services(_ envs: [Report.Environment]) -> [String] {
        var totals: [String: Decimal] = [:]
        var order: [String] = []
        for env in envs {
            for c in env.components {
                if totals[c.service] == nil { order.append(c.service) }
                totals[c.service, default: 0] += c.monthly.desired
            }
        }
        return order.enumerated().sorted {
            let (a, b) = (totals[$0.element, default: 0], totals[$1.element, default: 0])
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
    }

    /// The desired monthly cost of one service in one tier.
    static func cost(_ env: Report.Environment, _ service: String) -> Decimal {
        env.components.filter { $0.service == service }.reduce(0) { $0 + $1.monthly.desired }
    }

    /// The stacked bar chart of each tier by service, its legend, and the same figures as a table.
    static func byService(_ envs: [Report.Environment]) -> String {
        let services = services(envs)
        guard !envs.isEmpty, !services.isEmpty else { return "" }
        let color = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($0.element, palette[$0.offset % palette.count]) })
        let largest = double(envs.map(\.monthly.desired).max() ?? 0)
        let (left, width, row, bar) = (130.0, 470.0, 40.0, 26.0)
        let height = Double(envs.count) * row + 12
        let summary = envs.map { "\($0.name) \(HTML.money($0.monthly.desired))" }.joined(separator: ", ")
        var svg = """
            <svg class="chart bars" viewBox="0 0 720 \(coord(height))" width="720" height="\(coord(height))" role="img" \
            aria-labelledby="services-title services-desc" xmlns="http://www.w3.org/2000/svg">
            <title id="services-title">Monthly cost of each tier by service, at desired scale</title>
            <desc id="services-desc">\(HTML.escape(summary)). The table below gives every figure.</desc>

            """
        for (index, env) in envs.enumerated() {
            let y = 6 + Double(index) * row
            svg += "<g><text class=\"label\" x=\"\(coord(left - 10))\" y=\"\(coord(y + bar / 2 + 4))\" text-anchor=\"end\">"
                + "\(HTML.escape(env.name))</text>\n"
            var x = left
            for service in services {
                let amount = cost(env, service)
                guard amount > 0, largest > 0 else { continue }
                let w = double(amount) / largest * width
                svg += "<rect x=\"\(coord(x))\" y=\"\(coord(y))\" width=\"\(coord(w))\" height=\"\(coord(bar))\" "
                    + "fill=\"\(color[service, default: palette[0]])\"><title>\(HTML.escape(env.name)) · \(HTML.escape(service)): "
                    + "\(HTML.money(amount))</title></rect>\n"
                x += w
            }
            svg += "<text class=\"value\" x=\"\(coord(x + 8))\" y=\"\(coord(y + bar / 2 + 4))\">"
                + "\(HTML.money(env.monthly.desired))</text></g>\n"
        }
        svg += "</svg>\n"
        let legend = services.map { service in
            "<li><svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" "
                + "fill=\"\(color[service, default: palette[0]])\"/></svg>\(HTML.escape(service))</li>"
        }.joined()
        return """
            <section aria-labelledby="services">
            <h2 id="services">By service</h2>
            <figure class="chart-wrap">
            \(svg)<figcaption><ul class="legend">\(legend)</ul></figcaption>
            </figure>
            \(serviceTable(envs, services))</section>

            """
    }

    /// Services × tiers at desired scale: the chart's figures as text.
    private static func serviceTable(_ envs: [Report.Environment], _ services: [String]) -> String {
        var out = """
            <div class="table-wrap">
            <table class="services">
            <caption>Monthly cost by service at desired scale</caption>
            <thead><tr><th scope="col">Service</th>\(envs.map { "<th scope=\"col\" class=\"num\">\(HTML.escape($0.name))</th>" }.joined())</tr></thead>
            <tbody>

            """
        for service in services {
            out += "<tr><th scope=\"row\">\(HTML.escape(service))</th>"
                + envs.map { env in
                    env.components.contains { $0.service == service }
                        ? "<td class=\"num money\">\(HTML.money(cost(env, service)))</td>" : "<td class=\"num absent\">—</td>"
                }.joined() + "</tr>\n"
        }
        out += "</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\">Total</th>"
            + envs.map { "<td class=\"num money\">\(HTML.money($0.monthly.desired))</td>" }.joined() + "</tr></tfoot>\n"
        return out + "</table>\n</div>\n"
    }
}
