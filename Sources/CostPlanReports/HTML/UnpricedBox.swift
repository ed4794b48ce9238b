import CostPlan
import Foundation

/// The warning box of the web pages naming every charge without a rate, with what was looked
/// up and the command that fills the gap (the plan page lists every tier's, an environment page
/// its own). Empty when everything is priced.
enum UnpricedBox {
    static func render(_ items: [(environment: String?, item: UnpricedItem)]) -> String {
        guard !items.isEmpty else { return "" }
        var out = "<div class=\"problems unpriced\" role=\"note\">\n<p><strong>Not priced:</strong> \(items.count) "
            + "item\(items.count == 1 ? " has" : "s have") no rate in the catalog, so the totals on this page are of what "
            + "is priced (lower bounds, marked ≥).</p>\n<ul>\n"
        for (environment, item) in items {
            out += "<li><code>\(HTML.escape(item.place))</code>\(environment.map { " in \(HTML.escape($0))" } ?? ""): "
                + "\(HTML.escape(item.item)) — \(HTML.escape(item.reason)). Fix: <code>\(HTML.escape(item.fix))</code></li>\n"
        }
        return out + "</ul>\n</div>\n"
    }

    /// "≥ " before a total that leaves out unpriced items, else "".
    static func mark(_ incomplete: Bool) -> String { incomplete ? "≥ " : "" }
}
