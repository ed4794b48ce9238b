import Foundation
import Testing
@testable import CostPlan

/// The cold-start fast paths give exactly what the general code gave: decimals built from their
/// digits equal `Decimal(string:locale:)`, plain YAML scalars are typed as YAML 1.1 (Yams's
/// default resolver) types them, and display text passes through or is escaped as before.
struct FastPathTests {
    @Test(arguments: ["0", "0.0104", "1.50", "-0.5", "+3", "1200.00", "0.0000000000", "730", ".5", "5.",
                      "9999999999999999999", "12345678901234567890", "0.00000000000000000000123456789012345678901"])
    func decimalsEqualTheGeneralParser(_ text: String) throws {
        // 19 significant digits or fewer take the digit path; longer ones the general parser.
        let parsed = try #require(Money.parse(text))
        let general = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(parsed == general)
        #expect("\(parsed)" == "\(general)")
    }

    @Test(arguments: ["", "-", ".", "1-2", "1.2.3", "1e3", "0x10", "١٢"])
    func malformedDecimalsAreRefused(_ text: String) {
        #expect(Money.parse(text) == nil)
    }

    @Test(arguments: [
        ("yes", "bool true"), ("Yes", "bool true"), ("YES", "bool true"), ("on", "bool true"), ("True", "bool true"),
        ("no", "bool false"), ("OFF", "bool false"), ("false", "bool false"),
        ("yEs", "string yEs"), ("'yes'", "string yes"), ("\"true\"", "string true"),
        ("~", "null"), ("null", "null"), ("", "null"), ("'null'", "string null"),
        ("1_000", "number 1000"), ("0.25", "number 0.25"), ("-3", "number -3"), ("0x10", "string 0x10"), (".inf", "string .inf"),
        ("m5.large", "string m5.large"),
        // Decided by the plain-scalar fast path, or left by it to the full YAML 1.1 rules:
        ("0", "number 0"), ("-0.045", "number -0.045"), ("730", "number 730"), ("010", "number 10"),
        ("12.5.1", "string 12.5.1"), ("nan", "string nan"), ("Infinity", "string Infinity"), ("n1", "string n1"),
        ("db.r6g.large", "string db.r6g.large"), ("us-east-1", "string us-east-1"),
    ])
    func plainScalarsAreTypedAsYAML11(_ scalar: String, _ expected: String) throws {
        let root = try PlanDocument.parse("value: \(scalar)\n", file: "t.yaml")
        let node = try #require(root.entries?.first?.node)
        let typed = switch node.value {
        case .null: "null"
        case let .bool(flag): "bool \(flag)"
        case let .number(number, _): "number \(number)"
        case let .string(text): "string \(text)"
        default: "other"
        }
        #expect(typed == expected)
    }

    @Test(arguments: [
        ("plain ASCII", false, "plain ASCII"),
        ("line\nbreak", false, "line\\u{A}break"),
        ("line\nbreak\ttab", true, "line\nbreak\ttab"),
        ("\u{1B}[31mred", true, "\\u{1B}[31mred"),
        ("café × 3", false, "café × 3"),
        ("a\u{202E}b", false, "a\\u{202E}b"),
        ("\u{85}next", true, "\\u{85}next"),
    ])
    func displayText(_ text: String, _ keepingLineBreaks: Bool, _ expected: String) {
        #expect(DisplayText.visible(text, keepingLineBreaks: keepingLineBreaks) == expected)
    }
}
