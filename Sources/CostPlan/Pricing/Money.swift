import Foundation

/// Money arithmetic helpers. Amounts are `Decimal` in US dollars (the catalog's only currency):
/// unit prices keep their full published precision and totals are computed from unrounded values;
/// rounding happens only when a renderer shows a figure.
public enum Money {
    /// The currency every rate in the catalog is published in.
    public static let currency = "USD"

    /// Hours in the comparison month (8,760 h ÷ 12), the AWS and Infracost convention.
    public static let hoursPerMonth: Decimal = 730

    /// `value` rounded half-up (away from zero on .5) to `scale` decimal places.
    public static func rounded(_ value: Decimal, scale: Int = 2) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// Parses a plain decimal literal (`0.04048`, `-3`, `1e3` is rejected) exactly.
    public static func parse(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Strictly `[+-]digits[.digits]` (either side of the dot may be empty, not both):
        // `Decimal(string:)` alone accepts a valid prefix, reading "1-2" as 1 and "-" as 0.
        var body = Substring(trimmed)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.contains(where: { !$0.isEmpty }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return exactDecimal(trimmed) ?? Decimal(string: trimmed, locale: posix)
    }

    /// A checked `[+-]digits[.digits]` with at most 19 significant digits, built from its digits
    /// (`Decimal(string:locale:)` asks ICU for the locale's separator on every call, a cost a
    /// cold estimate felt); nil for longer numbers, which take the general parser.
    private static func exactDecimal(_ text: String) -> Decimal? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var significand: UInt64 = 0, digits = 0, fractionDigits = 0, afterDot = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") { afterDot = true; continue }
            if afterDot { fractionDigits += 1 }
            if digits == 0 && byte == UInt8(ascii: "0") { continue }   // leading zeros
            digits += 1
            if digits > 19 { return nil }
            significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The plain decimal string of `value` (no grouping, no exponent), e.g. `29.5504`.
    public static func plain(_ value: Decimal) -> String {
        value.isZero ? "0" : "\(value)"
    }

    /// `plain` (a plain decimal string) with thousands separators and its fraction padded to
    /// `minimumFraction` digits: `1234.5` → `1,234.50` (2). The one place numbers are grouped.
    public static func grouped(_ plain: String, minimumFraction: Int = 0) -> String {
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

extension Decimal {
    /// `self` rounded up to the next whole number.
    var roundedUp: Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .up)
        return result
    }
}
