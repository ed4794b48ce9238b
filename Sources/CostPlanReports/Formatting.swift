import CostPlan
import Foundation

/// Number formatting shared by the renderers: money is rounded to cents only here.
public enum Formatting {
    /// `1234.567` → `1,234.57` (half-up to cents, thousands separators, no currency sign).
    public static func money(_ value: Decimal) -> String {
        grouped(Money.plain(Money.rounded(value, scale: 2)), minimumFraction: 2)
    }

    /// `$1,234.57`, with the sign before the dollar: `-$12.00`.
    public static func dollars(_ value: Decimal) -> String {
        value < 0 ? "-$" + money(-value) : "$" + money(value)
    }

    /// A unit price with every published digit (never rounded to cents): `$0.006`, `$0.0004`,
    /// `$1,234.5`. Used wherever a rate is printed (tables, lists, HTML).
    public static func unitPrice(_ value: Decimal) -> String {
        (value < 0 ? "-$" : "$") + grouped(Money.plain(value < 0 ? -value : value), minimumFraction: 0)
    }

    /// Whole dollars with separators: `1,190`.
    public static func wholeDollars(_ value: Decimal) -> String {
        "$" + grouped(Money.plain(Money.rounded(value, scale: 0)), minimumFraction: 0)
    }

    /// A quantity with separators and up to 4 decimals: `1,460`, `0.5`, `2,190.1234`.
    public static func quantity(_ value: Decimal) -> String {
        grouped(Money.plain(Money.rounded(value, scale: 4)), minimumFraction: 0)
    }

    /// Inserts thousands separators into a plain decimal string and pads the fraction.
    static func grouped(_ plain: String, minimumFraction: Int) -> String {
        var text = plain
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < minimumFraction { fraction += "0" }
        var groupedWhole = ""
        for (index, character) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { groupedWhole.append(",") }
            groupedWhole.append(character)
        }
        let result = String(groupedWhole.reversed()) + (fraction.isEmpty ? "" : "." + fraction)
        return negative && result.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" + result : result
    }
}
