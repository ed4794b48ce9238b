import CostPlan
import Foundation

extension PlanCharts {
    /// The "Cost versus demand" section: per environment with a demand, its monthly cost from
    /// 0 requests/s to where its ranges saturate, today's peak marked, and its capacity warnings.
    /// Empty when no environment states a demand (plans without one render as before).
    static func demandSection(_ envs: [Report.Environment]) -> String {
        let withDemand = envs.filter { $0.demandCurve != nil || !$0.warnings.isEmpty }
        guard !withDemand.isEmpty else { return "" }
        var out = """
            <section aria-labelledby="demand">
            <h2 id="demand">Cost versus demand</h2>
            <p class="meta">Monthly cost at desired scale as the peak request rate grows from 0 to the point where the \
            first scaling range runs out (average, reads and egress in proportion; figures stated in the plan stay as \
            stated). The ring marks today's demand; the dashed rule, saturation.</p>

            """
        for env in withDemand where !env.warnings.isEmpty {
            out += "<div class=\"problems capacity-warnings\" role=\"note\">\n<p><strong>\(HTML.escape(env.name)): "
                + "\(env.warnings.count) range\(env.warnings.count == 1 ? "" : "s") cannot serve the peak.</strong></p>\n<ul>\n"
                + env.warnings.map { "<li>\(HTML.escape($0.description))</li>" }.joined(separator: "\n") + "\n</ul>\n</div>\n"
        }
        out += "<div class=\"curves\">\n"
        for (index, env) in withDemand.enumerated() {
            if let curve = env.demandCurve { out += demandChart(curve, environment: env.name, id: "demand-\(index)") }
        }
        return out + "</div>\n</section>\n"
    }

    /// The curve as steps: counts change in whole units, so the cost holds level between
    /// sampled demands and jumps at the next one; runs of equal cost collapse to their ends.
    static func stepPoints(_ xs: [Double], _ ys: [Double]) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        for (index, (x, y)) in zip(xs, ys).enumerated() {
            if let last = out.last, last.1 != y { out.append((x, last.1)) }
            if out.last?.1 != y || index == xs.count - 1 { out.append((x, y)) }
        }
        return out
    }

    /// One environment: monthly cost (y, from $0) against peak requests/s (x, from 0).
    static func demandChart(_ curve: DemandCurve, environment: String, id: String) -> String {
        let xs = curve.peakRPS.map(double), ys = curve.monthly.map(double)
        guard let last = xs.last, let top = ys.max() else { return "" }
        let (x0, x1, y0, y1) = (56.0, 308.0, 150.0, 14.0)
        let xSpan = last > 0 ? last : 1, yMax = top > 0 ? top : 1
        func x(_ v: Double) -> Double { x0 + v / xSpan * (x1 - x0) }
        func y(_ c: Double) -> Double { y0 - c / yMax * (y0 - y1) }
        let points = stepPoints(xs, ys).map { "\(coord(x($0))),\(coord(y($1)))" }.joined(separator: " ")
        let todayX = x(double(curve.todayPeakRPS)), todayY = y(double(curve.todayMonthly))
        let name = HTML.escape(environment)
        let saturation = curve.saturatesAtRPS.map { "saturates at \(CapacityTable.figure($0)) peak rps" } ?? "no range saturates"
        let summary = "\(HTML.money(curve.monthly.first!)) at 0 rps → \(HTML.money(curve.monthly.last!)) at "
            + "\(CapacityTable.figure(curve.peakRPS.last!)) rps; today \(CapacityTable.figure(curve.todayPeakRPS)) rps: "
            + "\(HTML.money(curve.todayMonthly)); \(saturation)"
        var svg = """
            <svg class="chart curve demand" viewBox="0 0 320 190" width="320" height="190" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
            <title id="\(id)-title">\(name): monthly cost by peak requests per second</title>
            <desc id="\(id)-desc">\(summary).</desc>
            <line class="axis" x1="\(coord(x0))" y1="\(coord(y0))" x2="\(coord(x1))" y2="\(coord(y0))"/>
            <line class="axis" x1="\(coord(x0))" y1="\(coord(y0))" x2="\(coord(x0))" y2="\(coord(y1))"/>
            <line class="grid" x1="\(coord(x0))" y1="\(coord(y1))" x2="\(coord(x1))" y2="\(coord(y1))"/>
            <text class="tick" x="\(coord(x0 - 6))" y="\(coord(y1 + 4))" text-anchor="end">\(tick(curve.monthly.max()!))</text>
            <text class="tick" x="\(coord(x0 - 6))" y="\(coord(y0 + 4))" text-anchor="end">$0</text>
            <polygon class="area" points="\(coord(x0)),\(coord(y0)) \(points) \(coord(x1)),\(coord(y0))"/>
            <polyline class="line" points="\(points)"/>

            """
        if let s = curve.saturatesAtRPS {
            svg += "<line class=\"desired-rule\" x1=\"\(coord(x(double(s))))\" y1=\"\(coord(y0))\" x2=\"\(coord(x(double(s))))\" y2=\"\(coord(y1))\"/>\n"
        }
        svg += """
            <circle class="desired" cx="\(coord(todayX))" cy="\(coord(todayY))" r="5"/>
            <text class="tick" x="\(coord(x0))" y="\(coord(y0 + 16))" text-anchor="start">0</text>
            <text class="tick" x="\(coord(x1))" y="\(coord(y0 + 16))" text-anchor="end">\(CapacityTable.figure(curve.peakRPS.last!))</text>
            <text class="axis-label" x="\(coord((x0 + x1) / 2))" y="\(coord(y0 + 32))" text-anchor="middle">peak requests/s</text>
            </svg>

            """
        return """
            <figure class="curve">
            <figcaption><strong>\(name)</strong> — today \(CapacityTable.figure(curve.todayPeakRPS)) peak rps: \
            <span class="money">\(HTML.money(curve.todayMonthly))</span></figcaption>
            \(svg)<p class="small">\(HTML.escape(saturation))\(curve.saturatesAtRPS.map { s in curve.todayPeakRPS.isZero ? "" : " (headroom \(CapacityTable.figure(Money.rounded(s / curve.todayPeakRPS, scale: 2)))×)" } ?? "")</p>
            </figure>

            """
    }
}
