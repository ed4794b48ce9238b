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
        guard let last = xs.last, let top = ys.max(), let lowest = curve.monthly.first, let highest = curve.monthly.last,
              let largest = curve.monthly.max(), let maxRPS = curve.peakRPS.last else { return "" }
        let frame = ChartFrame(first: 0, last: last, top: top)
        let points = stepPoints(xs, ys).map { "\(coord(frame.x($0))),\(coord(frame.y($1)))" }.joined(separator: " ")
        let todayX = frame.x(double(curve.todayPeakRPS)), todayY = frame.y(double(curve.todayMonthly))
        let name = HTML.escape(environment)
        let saturation = curve.saturatesAtRPS.map { "saturates at \(CapacityTable.figure($0)) peak rps" } ?? "no range saturates"
        let summary = "\(HTML.money(lowest)) at 0 rps → \(HTML.money(highest)) at "
            + "\(CapacityTable.figure(maxRPS)) rps; today \(CapacityTable.figure(curve.todayPeakRPS)) rps: "
            + "\(HTML.money(curve.todayMonthly)); \(saturation)"
        var svg = frame.open(class: "chart curve demand", id: id, title: "\(name): monthly cost by peak requests per second",
                             description: summary, top: largest, points: points)
        if let s = curve.saturatesAtRPS {
            let at = coord(frame.x(double(s)))
            svg += "<line class=\"desired-rule\" x1=\"\(at)\" y1=\"\(coord(ChartFrame.y0))\" x2=\"\(at)\" y2=\"\(coord(ChartFrame.y1))\"/>\n"
        }
        svg += "<circle class=\"desired\" cx=\"\(coord(todayX))\" cy=\"\(coord(todayY))\" r=\"5\"/>\n"
        svg += frame.close(start: "0", end: CapacityTable.figure(maxRPS), label: "peak requests/s")
        let headroom = curve.saturatesAtRPS.map { s in
            curve.todayPeakRPS.isZero ? "" : " (headroom \(CapacityTable.figure(Money.rounded(s / curve.todayPeakRPS, scale: 2)))×)"
        } ?? ""
        return ChartFrame.figure(
            caption: "<strong>\(name)</strong> — today \(CapacityTable.figure(curve.todayPeakRPS)) peak rps: "
                + "<span class=\"money\">\(HTML.money(curve.todayMonthly))</span>",
            svg: svg, note: HTML.escape(saturation) + headroom)
    }
}
