import CostPlan
import Foundation

extension PlanCharts {
    /// The "Cost versus scale" section: per ranged component, one small chart per tier.
    static func curvesSection(_ curves: [ScaleCurve]) -> String {
        guard !curves.isEmpty else { return "" }
        var components: [String] = []
        for curve in curves where !components.contains(curve.component) { components.append(curve.component) }
        var out = """
            <section aria-labelledby="scale">
            <h2 id="scale">Cost versus scale</h2>
            <p class="meta">The component's monthly cost at every count from min to max of its scaling range \
            (exact: every charge is linear in the count). The ring marks the desired count.</p>

            """
        var index = 0
        for component in components {
            let group = curves.filter { $0.component == component }
            out += "<div class=\"curve-group\">\n<h3><span class=\"id\">\(HTML.escape(component))</span> "
                + "<span class=\"unit\">by \(HTML.escape(group[0].label))</span></h3>\n<div class=\"curves\">\n"
            for curve in group {
                out += chart(curve, id: "curve-\(index)")
                index += 1
            }
            out += "</div>\n</div>\n"
        }
        return out + "</section>\n"
    }

    /// "instance" for "instances"; "ACU" stays.
    static func singular(_ label: String) -> String {
        label.hasSuffix("s") ? String(label.dropLast()) : label
    }

    /// The label for `value` of them: "1 instance", "2 instances", "0.5 ACU".
    static func counted(_ value: Decimal, _ label: String) -> String {
        "\(Formatting.quantity(value)) \(HTML.escape(value == 1 ? singular(label) : label))"
    }

    /// An axis figure: whole dollars from $100, cents below (`$607`, `$3.20`).
    static func tick(_ value: Decimal) -> String {
        value >= 100 ? Formatting.wholeDollars(value) : HTML.money(value)
    }

    /// One curve: monthly cost (y, from $0) against the count (x, min to max), desired ringed.
    static func chart(_ curve: ScaleCurve, id: String) -> String {
        let values = curve.values.map(double)
        let costs = curve.monthly.map(double)
        guard let first = values.first, let last = values.last, let top = costs.max() else { return "" }
        let (x0, x1, y0, y1) = (56.0, 308.0, 150.0, 14.0)
        let xSpan = last > first ? last - first : 1
        let yMax = top > 0 ? top : 1
        func x(_ v: Double) -> Double { x0 + (v - first) / xSpan * (x1 - x0) }
        func y(_ c: Double) -> Double { y0 - c / yMax * (y0 - y1) }
        let points = zip(values, costs).map { "\(coord(x($0))),\(coord(y($1)))" }.joined(separator: " ")
        let desired = double(curve.desiredValue), desiredCost = double(curve.desiredMonthly)
        let lowest = curve.monthly.first!, highest = curve.monthly.last!
        let unit = HTML.escape(curve.label)
        let summary = "\(HTML.money(lowest)) at \(Formatting.quantity(curve.values.first!)) → \(HTML.money(highest)) at "
            + "\(Formatting.quantity(curve.values.last!)) \(unit); desired \(counted(curve.desiredValue, curve.label)): "
            + "\(HTML.money(curve.desiredMonthly)); \(HTML.money(curve.perUnit)) per \(HTML.escape(singular(curve.label)))"
        var svg = """
            <svg class="chart curve" viewBox="0 0 320 190" width="320" height="190" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
            <title id="\(id)-title">\(HTML.escape(curve.component)) in \(HTML.escape(curve.environment)): monthly cost by \(unit)</title>
            <desc id="\(id)-desc">\(summary).</desc>
            <line class="axis" x1="\(coord(x0))" y1="\(coord(y0))" x2="\(coord(x1))" y2="\(coord(y0))"/>
            <line class="axis" x1="\(coord(x0))" y1="\(coord(y0))" x2="\(coord(x0))" y2="\(coord(y1))"/>
            <line class="grid" x1="\(coord(x0))" y1="\(coord(y1))" x2="\(coord(x1))" y2="\(coord(y1))"/>
            <text class="tick" x="\(coord(x0 - 6))" y="\(coord(y1 + 4))" text-anchor="end">\(tick(highest))</text>
            <text class="tick" x="\(coord(x0 - 6))" y="\(coord(y0 + 4))" text-anchor="end">$0</text>
            <polygon class="area" points="\(coord(x0)),\(coord(y0)) \(points) \(coord(x1)),\(coord(y0))"/>
            <polyline class="line" points="\(points)"/>

            """
        if values.count <= 25 {
            svg += zip(values, costs).map { "<circle class=\"point\" cx=\"\(coord(x($0)))\" cy=\"\(coord(y($1)))\" r=\"2\"/>" }
                .joined(separator: "\n") + "\n"
        }
        svg += """
            <line class="desired-rule" x1="\(coord(x(desired)))" y1="\(coord(y0))" x2="\(coord(x(desired)))" y2="\(coord(y(desiredCost)))"/>
            <circle class="desired" cx="\(coord(x(desired)))" cy="\(coord(y(desiredCost)))" r="5"/>
            <text class="tick" x="\(coord(x0))" y="\(coord(y0 + 16))" text-anchor="start">\(Formatting.quantity(curve.values.first!))</text>
            <text class="tick" x="\(coord(x1))" y="\(coord(y0 + 16))" text-anchor="end">\(Formatting.quantity(curve.values.last!))</text>
            <text class="axis-label" x="\(coord((x0 + x1) / 2))" y="\(coord(y0 + 32))" text-anchor="middle">\(unit)</text>
            </svg>

            """
        return """
            <figure class="curve">
            <figcaption><strong>\(HTML.escape(curve.environment))</strong> — desired \(counted(curve.desiredValue, curve.label)): \
            <span class="money">\(HTML.money(curve.desiredMonthly))</span></figcaption>
            \(svg)<p class="small">\(HTML.money(lowest)) at \(Formatting.quantity(curve.values.first!)) → \(HTML.money(highest)) at \
            \(Formatting.quantity(curve.values.last!)); +\(HTML.money(curve.perUnit)) per \(HTML.escape(singular(curve.label)))</p>
            </figure>

            """
    }
}
