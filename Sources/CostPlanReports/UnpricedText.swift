import CostPlan
import Foundation

/// The plain-text "NOT PRICED" block: every charge the catalog has no rate for, where it is,
/// why (what was looked up, what is known nearby) and the command that fills the gap. Shown
/// under the estimate table and written to standard error by the CLI.
public enum UnpricedText {
    /// The block for every environment of `estimate` (empty when it is complete).
    public static func block(_ report: Report) -> String {
        block(report.environments.map { (environment: $0.name, items: $0.unpriced) })
    }

    /// The block for both sides of `diff` (`ReportDiff.unpriced`), each environment named with its
    /// side (empty when both are complete).
    public static func block(_ diff: ReportDiff) -> String {
        block(diff.unpriced.map { (environment: "\($0.side.rawValue) \($0.environment)", items: [$0.item]) })
    }

    /// The block for `(environment, items)` pairs (empty when there are none).
    public static func block(_ sides: [(environment: String, items: [UnpricedItem])]) -> String {
        let count = sides.map(\.items.count).reduce(0, +)
        guard count > 0 else { return "" }
        var out = "NOT PRICED (not in the totals, which are lower bounds): \(count) item\(count == 1 ? "" : "s")\n"
        for (environment, items) in sides {
            for item in items {
                // One line each whatever the plan's strings hold (DisplayText escapes line breaks).
                out += DisplayText.visible("  \(environment)/\(item.place): \(item.item)") + "\n"
                out += DisplayText.visible("    \(item.reason)") + "\n"
                out += DisplayText.visible("    fix: \(item.fix)") + "\n"
            }
        }
        return out
    }

    /// The distinct fix commands of `items`, in first-seen order.
    public static func fixes(_ items: [UnpricedItem]) -> [String] {
        var seen: Set<String> = []
        return items.map(\.fix).filter { seen.insert($0).inserted }
    }
}
