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
        out += "\""
        // Most strings need no escape at all: printable ASCII other than `"`, `\\`, `<`, `>`, `&`.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C && $0 != 0x3C && $0 != 0x3E && $0 != 0x26 }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                unicodeEscape(scalar, into: &out)
            default:
                // Other controls (C0, DEL, C1) and bidi overrides as `\uXXXX`: the same string for
                // a JSON reader, but inert when the raw text reaches a terminal or a log.
                if DisplayText.isUnsafe(scalar) { unicodeEscape(scalar, into: &out) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    /// `\u003c`: four lowercase hex digits (every scalar escaped here is below U+10000).
    private static func unicodeEscape(_ scalar: Unicode.Scalar, into out: inout String) {
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
