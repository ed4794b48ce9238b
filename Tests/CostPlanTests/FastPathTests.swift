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
        ("NULL", "null"), ("Null", "null"), ("nULL", "string nULL"), ("inf", "string inf"), ("NaN", "string NaN"),
        ("nat_gateway", "string nat_gateway"), ("infinity", "string infinity"), ("iNf", "string iNf"),
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

    /// Documents the event reader reads itself: every example plan, the Terraform example (JSON,
    /// flow syntax) and its usage file, and the scalar styles, comments and nesting plans use.
    static let readDocuments: [String] = {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let root = tests.deletingLastPathComponent()
        let files = ["muejam-library.yaml", "cloudweave.yaml", "component-registry.yaml", "multi-region-fargate.yaml",
                     "shangwellness.yaml", "terraform/plan.json", "terraform/plan.usage.yaml"]
        return files.map { (try? String(contentsOf: root.appendingPathComponent("examples/\($0)"), encoding: .utf8)) ?? "" } + [
            "version: 1\nname: x # a comment\n",
            "a: 'single'\nb: \"double \\u00e9\\n\"\nc: |\n  literal\n  block\nd: >\n  folded\n  text\ne: plain text here\n",
            "flags: [yes, No, on, OFF, true, yEs]\nnulls: [~, null, Null, '', ]\nempty:\n",
            "numbers: [0, -3, +4, 1_000, 0.25, .5, 5., 010, 0x1F, 0o17, 1e3, 6.02e+23, .inf, -.Inf, .nan, 190:20:30, 12.5.1]\n",
            "- one\n- [two, {three: 3}]\n- {}\n- []\n-\n  - nested: true\n",
            "tagged: !!str 12\nother: !custom value\n\"quoted key\": 1\n'single key': 2\n? explicit\n: 3\n",
            "---\nunicode: café × 3 😀\ntabbed:\t\"a\\tb\"\n...\n",
            "{\"json\": [1, 2.50, \"three\", null, true, {\"deep\": {\"er\": []}}]}",
            "42",
        ]
    }()

    @Test(arguments: readDocuments)
    func eventReaderGivesTheComposersTree(_ text: String) throws {
        #expect(!text.isEmpty)
        #expect(PlanEventReader.root(of: text, budget: PlanDocument.maxNodes) { text, _ in .string(text) } != nil)
        let read = try PlanDocument.parse(text, file: "t.yaml")
        let composed = try PlanDocument.composed(text, file: "t.yaml")
        #expect(Self.outline(read) == Self.outline(composed))
    }

    /// Documents left to Yams (anchors and aliases, keys that are not scalars, a key written
    /// twice, syntax errors, several documents or none, too many values, lists nested deeper
    /// than libyaml allows) return nil.
    @Test(arguments: [
        ("base: &b {x: 1}\nother: *b\n", PlanDocument.maxNodes),
        ("? [a, b]\n: 1\n", PlanDocument.maxNodes),
        ("name: a\nname: b\n", PlanDocument.maxNodes),
        ("a: 'x\n", PlanDocument.maxNodes),
        ("a: [1, 2\n", PlanDocument.maxNodes),
        ("a: 1\n---\nb: 2\n", PlanDocument.maxNodes),
        ("", PlanDocument.maxNodes),
        ("# only a comment\n", PlanDocument.maxNodes),
        ("list: [1, 2, 3]\n", 4),
        ("a: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000), PlanDocument.maxNodes),
    ] as [(String, Int)])
    func eventReaderLeavesTheRestToYams(_ text: String, _ budget: Int) {
        #expect(PlanEventReader.root(of: text, budget: budget) { text, _ in .string(text) } == nil)
    }

    /// A node's kind, value, line and children, for comparing trees.
    static func outline(_ node: PlanNode) -> String {
        let line = node.line.map(String.init) ?? "?"
        switch node.value {
        case .null: return "null@\(line)"
        case let .bool(flag): return "\(flag)@\(line)"
        case let .number(number, text): return "#\(number)(\(text))@\(line)"
        case let .string(text): return "\"\(text)\"@\(line)"
        case let .list(items): return "[\(items.map(outline).joined(separator: ", "))]@\(line)"
        case let .map(entries): return "{\(entries.map { "\($0.key): \(outline($0.node))" }.joined(separator: ", "))}@\(line)"
        }
    }

    @Test(arguments: [
        ("plain ASCII", false, "plain ASCII"),
        ("line\nbreak", false, "line\\u{A}break"),
        ("line\nbreak\ttab", true, "line\nbreak\ttab"),
        ("\u{1B}[31mred", true, "\\u{1B}[31mred"),
        ("café × 3", false, "café × 3"),
        ("a\u{202E}b", false, "a\\u{202E}b"),
        ("\u{85}next", true, "\\u{85}next"),
        // Each side of the byte ranges the fast scan checks: C2 80–9F, E2 80 AA–AE, E2 81 A6–A9.
        ("\u{80}\u{9F}\u{A0}", false, "\\u{80}\\u{9F}\u{A0}"),
        ("\u{2029}\u{202A}\u{202F}", false, "\u{2029}\\u{202A}\u{202F}"),
        ("\u{2065}\u{2066}\u{2069}\u{206A}", false, "\u{2065}\\u{2066}\\u{2069}\u{206A}"),
        ("no break\u{A0}space, 7\u{7F}", true, "no break\u{A0}space, 7\\u{7F}"),
        ("end\u{C2}", false, "end\u{C2}"),
    ])
    func displayText(_ text: String, _ keepingLineBreaks: Bool, _ expected: String) {
        #expect(DisplayText.visible(text, keepingLineBreaks: keepingLineBreaks) == expected)
    }

    /// `JSONString` reads UTF-8 bytes and decodes a scalar only where a byte is not plain ASCII:
    /// one- to four-byte scalars, escapes at the start, middle and end, and the `htmlSafe` set.
    @Test(arguments: [
        ("plain", false, #""plain""#),
        ("", false, #""""#),
        ("say \"hi\"\\", false, #""say \"hi\"\\""#),
        ("\n\r\tx", false, #""\n\r\tx""#),
        ("é€😀", false, "\"é€😀\""),
        ("a\u{1B}b\u{7F}c\u{85}", false, #""a\u001bb\u007fc\u0085""#),
        ("\u{202E}x\u{2066}", false, #""\u202ex\u2066""#),
        ("<b>&\u{2028}", true, #""\u003cb\u003e\u0026\u2028""#),
        ("<b>&\u{2028}", false, "\"<b>&\u{2028}\""),
        ("😀\n", true, #""😀\n""#),
    ])
    func jsonString(_ text: String, _ htmlSafe: Bool, _ expected: String) {
        #expect(JSONString.quoted(text, htmlSafe: htmlSafe) == expected)
    }

    /// Tier labels divide whole bounds as integers and fall back to `Decimal` division when the
    /// division is not exact: 51,200 GB = 50 TB; 1,536 GB = 1.5 TB; 2,097,152 GB = 2 PB.
    @Test(arguments: [
        (0, "0", "51200", "GB-month", "first 50 TB"),
        (1, "51200", "512000", "GB-month", "next 450 TB"),
        (2, "512000", nil, "GB-month", "over 500 TB"),
        (0, "0", "1536", "GB-month", "first 1.5 TB"),
        (0, "0", "100.5", "GB-month", "first 100.5 GB"),
        (2, "2097152", nil, "GB-month", "over 2 PB"),
        (0, "0", "2500", "1M requests", "first 2.5B"),
        (1, "1000", "6000", "1M requests", "next 5B"),
        (0, "0", "750", "1M requests", "first 750M"),
        (0, "0", "10000", "hours", "first 10000 hours"),
    ] as [(Int, String, String?, String, String)])
    func tierLabels(_ index: Int, _ start: String, _ end: String?, _ unit: String, _ expected: String) throws {
        let label = tierLabel(index: index, start: try #require(Decimal(string: start)), end: end.flatMap { Decimal(string: $0) }, unit: unit)
        #expect(label == expected)
    }
}
