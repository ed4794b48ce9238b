import CostPlan
import Foundation

/// A JSON document with ordered object keys, so output is stable and diffable (golden files,
/// the versioned contract). Strings are escaped per RFC 8259, plus `<`, `>` and `&` so the JSON
/// can be embedded in HTML safely.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number written as given (already a valid JSON number literal).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        var pad: String { String(repeating: "  ", count: indent + 1) }
        var closePad: String { String(repeating: "  ", count: indent) }
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .number(text): out += text
        case let .string(text): Self.escape(text, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            let pad = pad
            for (index, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1)
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += closePad + "]"
        case let .object(entries):
            if entries.isEmpty { out += "{}"; return }
            out += "{\n"
            let pad = pad
            for (index, (key, value)) in entries.enumerated() {
                out += pad
                Self.escape(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
                out += index + 1 < entries.count ? ",\n" : "\n"
            }
            out += closePad + "}"
        }
    }

    private static func escape(_ text: String, into out: inout String) {
        JSONString.write(text, into: &out, htmlSafe: true)
    }
}
