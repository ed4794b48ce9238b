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
        guard let first = values.first, let last = values.last, let top = costs.max(),
              let lowest = curve.monthly.first, let highest = curve.monthly.last,
              let from = curve.values.first, let to = curve.values.last else { return "" }
        let frame = ChartFrame(first: first, last: last, top: top)
        let points = zip(values, costs).map { "\(coord(frame.x($0))),\(coord(frame.y($1)))" }.joined(separator: " ")
        let desired = frame.x(double(curve.desiredValue)), desiredCost = frame.y(double(curve.desiredMonthly))
        let unit = HTML.escape(curve.label)
        let summary = "\(HTML.money(lowest)) at \(Formatting.quantity(from)) → \(HTML.money(highest)) at "
            + "\(Formatting.quantity(to)) \(unit); desired \(counted(curve.desiredValue, curve.label)): "
            + "\(HTML.money(curve.desiredMonthly)); \(HTML.money(curve.perUnit)) per \(HTML.escape(singular(curve.label)))"
        var svg = frame.open(class: "chart curve", id: id,
                             title: "\(HTML.escape(curve.component)) in \(HTML.escape(curve.environment)): monthly cost by \(unit)",
                             description: summary, top: highest, points: points)
        if values.count <= 25 {
            svg += zip(values, costs).map { "<circle class=\"point\" cx=\"\(coord(frame.x($0)))\" cy=\"\(coord(frame.y($1)))\" r=\"2\"/>" }
                .joined(separator: "\n") + "\n"
        }
        svg += "<line class=\"desired-rule\" x1=\"\(coord(desired))\" y1=\"\(coord(ChartFrame.y0))\" x2=\"\(coord(desired))\" y2=\"\(coord(desiredCost))\"/>\n"
            + "<circle class=\"desired\" cx=\"\(coord(desired))\" cy=\"\(coord(desiredCost))\" r=\"5\"/>\n"
        svg += frame.close(start: Formatting.quantity(from), end: Formatting.quantity(to), label: unit)
        return ChartFrame.figure(
            caption: "<strong>\(HTML.escape(curve.environment))</strong> — desired \(counted(curve.desiredValue, curve.label)): "
                + "<span class=\"money\">\(HTML.money(curve.desiredMonthly))</span>",
            svg: svg,
            note: "\(HTML.money(lowest)) at \(Formatting.quantity(from)) → \(HTML.money(highest)) at "
                + "\(Formatting.quantity(to)); +\(HTML.money(curve.perUnit)) per \(HTML.escape(singular(curve.label)))")
    }
}
