import CostPlan
import Foundation

/// Number formatting shared by the renderers: money is rounded to cents only here.
public enum Formatting {
    /// `1234.567` → `1,234.57` (half-up to cents, thousands separators, no currency sign).
    public static func money(_ value: Decimal) -> String {
        Money.grouped(Money.plain(Money.rounded(value, scale: 2)), minimumFraction: 2)
    }

    /// `$1,234.57`, with the sign before the dollar: `-$12.00`.
    public static func dollars(_ value: Decimal) -> String {
        value < 0 ? "-$" + money(-value) : "$" + money(value)
    }

    /// A unit price with every published digit (never rounded to cents): `$0.006`, `$0.0004`,
    /// `$1,234.5`. Used wherever a rate is printed (tables, lists, HTML).
    public static func unitPrice(_ value: Decimal) -> String {
        (value < 0 ? "-$" : "$") + Money.grouped(Money.plain(value < 0 ? -value : value), minimumFraction: 0)
    }

    /// Whole dollars with separators: `1,190`.
    public static func wholeDollars(_ value: Decimal) -> String {
        "$" + Money.grouped(Money.plain(Money.rounded(value, scale: 0)), minimumFraction: 0)
    }

    /// A quantity with separators and up to 4 decimals: `1,460`, `0.5`, `2,190.1234`.
    public static func quantity(_ value: Decimal) -> String {
        Money.grouped(Money.plain(Money.rounded(value, scale: 4)), minimumFraction: 0)
    }

    /// A range of two amounts in `format`: `1,880.84–2,379.53` (`money`), `$1,190–$1,670`
    /// (`wholeDollars`). The one place a band or a range is written.
    public static func range(_ low: Decimal, _ high: Decimal, _ format: (Decimal) -> String = dollars) -> String {
        "\(format(low))–\(format(high))"
    }

    /// A band's min–max in `format` (`$121.47–$607.36` by default).
    public static func band(_ band: Band, _ format: (Decimal) -> String = dollars) -> String {
        range(band.min, band.max, format)
    }
}
