import Foundation
import Testing
@testable import CostPlan

/// Money: half-up rounding (only when rendering), strict parsing of plain decimals, plain output.
struct MoneyTests {
    @Test(arguments: [
        ("2.345", 2, "2.35"),        // half rounds up
        ("2.3449", 2, "2.34"),
        ("2.355", 2, "2.36"),
        ("-2.345", 2, "-2.35"),      // half rounds away from zero
        ("29.5504", 2, "29.55"),
        ("0.005", 2, "0.01"),
        ("0.00499", 2, "0"),
        ("1234.5", 0, "1235"),
        ("0.123456", 4, "0.1235"),
        ("7", 2, "7"),
    ])
    func roundedHalfUp(_ value: String, _ scale: Int, _ expected: String) {
        #expect(Money.rounded(d(value), scale: scale) == d(expected))
    }

    @Test func roundedDefaultsToCents() {
        #expect(Money.rounded(d("18.02005")) == d("18.02"))
        #expect(Money.rounded(d("36.045")) == d("36.05"))
    }

    @Test(arguments: [
        ("0.04048", "0.04048"),
        ("29.5504", "29.5504"),
        ("-3", "-3"),
        ("+5", "5"),
        ("1.", "1"),
        (".5", "0.5"),
        (" 12.5 ", "12.5"),
        ("0.000000000001", "0.000000000001"),
        ("00012", "12"),
    ])
    func parsesPlainDecimals(_ text: String, _ expected: String) {
        #expect(Money.parse(text) == d(expected))
    }

    @Test(arguments: [
        "1e3", "1E3", "1.2e-3", "abc", "", " ", "$5", "1,000", "1.2.3", "1-2", "1+", "--1", "-", "+", ".",
        "0x1F", "inf", "nan", "12 34", "5%", "٣", "１２",
    ])
    func rejectsExponentsAndGarbage(_ text: String) {
        #expect(Money.parse(text) == nil)
    }

    @Test func parseIsExactNotDouble() {
        // 0.1 as a Double is 0.1000000000000000055…; parsed text must be exactly one tenth.
        #expect(Money.parse("0.1")! * 3 == d("0.3"))
        #expect(Money.parse("0.004445")! * 730 == d("3.24485"))
    }

    @Test(arguments: [
        ("29.5504", "29.5504"),
        ("0", "0"),
        ("-0", "0"),
        ("-3.50", "-3.5"),
        ("100000000000000000000", "100000000000000000000"),
        ("0.0000001", "0.0000001"),
        ("730", "730"),
    ])
    func plainFormatting(_ value: String, _ expected: String) {
        #expect(Money.plain(d(value)) == expected)
    }

    @Test func plainFormattingOfComputedValues() {
        #expect(Money.plain(d("0.04048") * 730) == "29.5504")
        #expect(Money.plain(d("1") / 4) == "0.25")
        #expect(Money.plain(Decimal(1_000_000) * 1_000_000) == "1000000000000")
    }

    /// `plain` writes a mantissa of up to 64 bits from its integer; every value, short or long,
    /// positive or negative, scaled up or down, reads exactly as `Decimal.description` writes it.
    @Test func plainMatchesDecimalDescription() {
        let seeds = ["1", "7", "0.04048", "29.5504", "1234.5", "0.000001", "18446744073709551615",
                     "18446744073709551616", "99999999999999999999.99", "0.1", "3", "1024"]
        var checked = 0
        for seed in seeds {
            for factor in ["1", "-1", "10", "0.001", "730", "1048576", "1e-20", "1e15"] {
                for value in [d(seed) * Decimal(string: factor)!, d(seed) / Decimal(string: factor)!, d(seed) / 3] {
                    #expect(Money.plain(value) == (value.isZero ? "0" : value.description), "\(seed) \(factor)")
                    checked += 1
                }
            }
        }
        #expect(checked == 288)
        // The fast path is live on this platform (the stored layout matched its probes).
        #expect(DecimalStorage.parts(of: d("-29.5504")).map { $0 == (true, -4, 295_504) } == true)
    }

    /// `compacted` is bit for bit what dividing by one gives (the form `monthly` quantities had).
    @Test func compactedIsDivisionByOne() {
        // Both parsers: `Money.parse` builds short numbers from their digits (trailing zeros kept).
        let texts = ["2.50", "1500", "0.000100", "29.5504", "-7.0", "0", "123456789012345678901234567890.10"]
        for value in texts.map(d) + texts.compactMap(Money.parse) {
            let text = "\(value)"
            let byOne = value / 1
            #expect(withUnsafeBytes(of: value.compacted) { Array($0) } == withUnsafeBytes(of: byOne) { Array($0) }, "\(text)")
            #expect(Money.plain(value.compacted) == Money.plain(byOne))
        }
    }

    @Test func conventions() {
        #expect(Money.hoursPerMonth == 730)
        #expect(Money.currency == "USD")
    }
}
