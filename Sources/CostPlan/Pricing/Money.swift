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
        if isPlainNumber(text) { return exactDecimal(text) ?? Decimal(string: text, locale: posix) }
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

    /// True for `[+-]digits[.digits]` with a digit on some side of the dot, read from the bytes:
    /// the common case, which needs none of the trimming and Unicode checks below.
    private static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0, dots = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if index > 0 { return false }
            default: return false
            }
        }
        return digits > 0 && dots <= 1
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
        if value.isZero { return "0" }
        // `Decimal.description` divides the mantissa by ten once per digit; a mantissa of up to
        // 64 bits (every published rate and almost every amount) is written from its integer.
        guard !value.isNaN, let (negative, exponent, significand) = DecimalStorage.parts(of: value) else { return "\(value)" }
        var digits = String(significand)
        if exponent >= 0 {
            digits += String(repeating: "0", count: exponent)
        } else if digits.count <= -exponent {
            digits = "0." + String(repeating: "0", count: -exponent - digits.count) + digits
        } else {
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: exponent))
        }
        return negative ? "-" + digits : digits
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
    /// `self` with trailing zeros of the mantissa moved into the exponent: the same value in the
    /// form arithmetic results take (`x / 1` is `x.compacted`).
    var compacted: Decimal {
        var value = self
        NSDecimalCompact(&value)
        return value
    }

    /// `self` rounded up to the next whole number.
    var roundedUp: Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .up)
        return result
    }
}

/// A `Decimal`'s sign, exponent and mantissa read from its stored bytes, which Foundation does not
/// expose: swift-foundation's `Decimal.Storage` is `exponent: Int8`, one byte of `length` (high four
/// bits, in 16-bit words) and flags (`isNegative` is bit 3, `isCompact` bit 2), two reserved bytes,
/// then eight little-endian `UInt16` mantissa words. The layout is checked once against known values; where it
/// does not hold (another Foundation), `parts(of:)` answers nil and callers take the public API.
enum DecimalStorage {
    /// Sign, exponent and mantissa of `value` when its mantissa fits in 64 bits and the layout holds.
    static func parts(of value: Decimal) -> (negative: Bool, exponent: Int, significand: UInt64)? {
        guard layoutHolds else { return nil }
        return read(value)
    }

    private static func read(_ value: Decimal) -> (negative: Bool, exponent: Int, significand: UInt64)? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: value) { raw in
            let length = Int(raw[1] >> 4)
            guard length <= 4 else { return nil }
            var significand: UInt64 = 0
            for word in 0..<length {
                let bits = raw.loadUnaligned(fromByteOffset: 4 + 2 * word, as: UInt16.self).littleEndian
                significand |= UInt64(bits) << (16 * word)
            }
            return (raw[1] & 0x08 != 0, Int(Int8(bitPattern: raw[0])), significand)
        }
    }

    /// True when `read` gives back the parts of three values built through the public API.
    private static let layoutHolds: Bool = {
        let probes: [(Decimal, Bool, Int, UInt64)] = [
            (Decimal(sign: .minus, exponent: -2, significand: 12_345), true, -2, 12_345),
            (Decimal(sign: .plus, exponent: 3, significand: Decimal(12_345_678)), false, 3, 12_345_678),
            (Decimal(sign: .plus, exponent: -20, significand: Decimal(UInt64.max)), false, -20, UInt64.max),
        ]
        return probes.allSatisfy { value, negative, exponent, significand in
            guard let parts = read(value) else { return false }
            return parts.negative == negative && parts.exponent == exponent && parts.significand == significand
                && value.exponent == exponent && (value < 0) == negative
        }
    }()
}
