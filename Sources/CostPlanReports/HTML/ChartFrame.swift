import CostPlan
import Foundation

/// The frame both line charts share (cost versus scale, cost versus demand): a 320 × 190 SVG
/// with the x axis from `first` to `last`, the y axis from $0 to `top`, the area under the
/// line, the x-axis ends and label, inside a captioned `<figure>`. Each chart draws its own
/// line and marks between `open` and `close`.
struct ChartFrame {
    static let (x0, x1, y0, y1) = (56.0, 308.0, 150.0, 14.0)
    let first: Double, xSpan: Double, yMax: Double

    /// A frame for x values `first...last` and costs up to `top`.
    init(first: Double, last: Double, top: Double) {
        self.first = first
        xSpan = last > first ? last - first : 1
        yMax = top > 0 ? top : 1
    }

    /// The SVG x coordinate of `value`.
    func x(_ value: Double) -> Double { Self.x0 + (value - first) / xSpan * (Self.x1 - Self.x0) }
    /// The SVG y coordinate of `cost`.
    func y(_ cost: Double) -> Double { Self.y0 - cost / yMax * (Self.y0 - Self.y1) }

    /// The opening of the SVG up to the line (`points`, already in SVG coordinates): the title
    /// and description (escaped by the caller), the axes, the top and $0 ticks and the area.
    func open(class cssClass: String, id: String, title: String, description: String, top: Decimal, points: String) -> String {
        let (x0, x1, y0, y1) = (Self.x0, Self.x1, Self.y0, Self.y1)
        return """
            <svg class="\(cssClass)" viewBox="0 0 320 190" width="320" height="190" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
            <title id="\(id)-title">\(title)</title>
            <desc id="\(id)-desc">\(description).</desc>
            <line class="axis" x1="\(coord(x0))" y1="\(coord(y0))" x2="\(coord(x1))" y2="\(coord(y0))"/>
            <line class="axis" x1="\(coord(x0))" y1="\(coord(y0))" x2="\(coord(x0))" y2="\(coord(y1))"/>
            <line class="grid" x1="\(coord(x0))" y1="\(coord(y1))" x2="\(coord(x1))" y2="\(coord(y1))"/>
            <text class="tick" x="\(coord(x0 - 6))" y="\(coord(y1 + 4))" text-anchor="end">\(PlanCharts.tick(top))</text>
            <text class="tick" x="\(coord(x0 - 6))" y="\(coord(y0 + 4))" text-anchor="end">$0</text>
            <polygon class="area" points="\(coord(x0)),\(coord(y0)) \(points) \(coord(x1)),\(coord(y0))"/>
            <polyline class="line" points="\(points)"/>

            """
    }

    /// The end of the SVG: the x-axis figures at both ends and the axis label (escaped by the caller).
    func close(start: String, end: String, label: String) -> String {
        let (x0, x1, y0) = (Self.x0, Self.x1, Self.y0)
        return """
            <text class="tick" x="\(coord(x0))" y="\(coord(y0 + 16))" text-anchor="start">\(start)</text>
            <text class="tick" x="\(coord(x1))" y="\(coord(y0 + 16))" text-anchor="end">\(end)</text>
            <text class="axis-label" x="\(coord((x0 + x1) / 2))" y="\(coord(y0 + 32))" text-anchor="middle">\(label)</text>
            </svg>

            """
    }

    /// The chart in its figure: `caption` above, `note` (a one-line summary) below.
    static func figure(caption: String, svg: String, note: String) -> String {
        """
        <figure class="curve">
        <figcaption>\(caption)</figcaption>
        \(svg)<p class="small">\(note)</p>
        </figure>

        """
    }

    private func coord(_ value: Double) -> String { PlanCharts.coord(value) }
}
