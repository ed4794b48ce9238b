import CostPlanReports
import Foundation
import Testing

struct FormattingTests {
    @Test(arguments: [
        ("0", "0.00"), ("0.005", "0.01"), ("0.004999", "0.00"), ("1234.5", "1,234.50"),
        ("1234567.891", "1,234,567.89"), ("-1234.5", "-1,234.50"), ("999.995", "1,000.00"), ("29.5504", "29.55"),
    ])
    func moneyRoundsHalfUpToCentsWithSeparators(input: String, expected: String) {
        #expect(Formatting.money(Decimal(string: input)!) == expected)
    }

    @Test func dollarsPutsTheSignFirst() {
        #expect(Formatting.dollars(Decimal(string: "-12")!) == "-$12.00")
        #expect(Formatting.dollars(Decimal(string: "412.37")!) == "$412.37")
    }

    @Test func jsonEscapesQuotesControlsAndMarkup() {
        let value = JSONValue.object([("name", .string("a\"b\\c\n<script>&\u{1}"))])
        #expect(value.rendered() == "{\n  \"name\": \"a\\\"b\\\\c\\n\\u003cscript\\u003e\\u0026\\u0001\"\n}\n")
    }

    @Test func jsonOfMarkupInNamesStaysParseable() throws {
        let text = JSONValue.array([.string("=HYPERLINK(\"x\")"), .number("1.5"), .null, .bool(true)]).rendered()
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any]
        #expect(parsed?.count == 4)
        #expect(parsed?.first as? String == "=HYPERLINK(\"x\")")
    }
}
