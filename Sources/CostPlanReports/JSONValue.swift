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
        String(decoding: utf8(), as: UTF8.self)
    }

    /// `rendered()` as UTF-8 bytes.
    public func utf8() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        write(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// Writes the value as UTF-8 bytes (a document of ~100 KB is written in one buffer, not
    /// through string appends).
    private func write(into out: inout [UInt8], indent: Int) {
        func pad(_ depth: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth)) }
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case let .number(text): out.append(contentsOf: text.utf8)
        case let .string(text): JSONString.write(text, into: &out, htmlSafe: true)
        case let .array(items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                pad(indent + 1)
                item.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (index + 1 < items.count ? ",\n" : "\n").utf8)
            }
            pad(indent)
            out.append(UInt8(ascii: "]"))
        case let .object(entries):
            if entries.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (index, (key, value)) in entries.enumerated() {
                pad(indent + 1)
                JSONString.write(key, into: &out, htmlSafe: true)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (index + 1 < entries.count ? ",\n" : "\n").utf8)
            }
            pad(indent)
            out.append(UInt8(ascii: "}"))
        }
    }
}
