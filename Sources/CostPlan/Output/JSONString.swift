import Foundation

/// The one JSON string escaper: a string literal (also a valid YAML double-quoted scalar) with `"`,
/// `\`, line breaks and tabs escaped, and every other control (C0, DEL, C1) and bidi override as
/// `\uXXXX` — the same string for a reader, but inert when the raw text reaches a terminal or a log.
public enum JSONString {
    /// Appends `text` as a quoted literal, in UTF-8, to `out`. `htmlSafe` also escapes `<`, `>`,
    /// `&`, U+2028 and U+2029, so the literal can sit inside an HTML `<script>` block or a
    /// JavaScript source.
    public static func write(_ text: String, into out: inout [UInt8], htmlSafe: Bool) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // The runs between escapes are copied whole; most strings are one run.
            var run = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C
                    && !(htmlSafe && (byte == 0x3C || byte == 0x3E || byte == 0x26)) {
                    index += 1
                    continue
                }
                let (scalar, length) = scalar(at: index, in: bytes)
                if let escape = escape(scalar, htmlSafe: htmlSafe) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    out.append(contentsOf: escape.utf8)
                    run = index + length
                }
                index += length
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The scalar whose UTF-8 encoding starts at `index` of valid UTF-8 `bytes`, and its length.
    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        let (value, length): (UInt32, Int) = switch lead {
        case ..<0x80: (lead, 1)
        case ..<0xE0: ((lead & 0x1F) << 6 | continuation(1), 2)
        case ..<0xF0: ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default: ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The escape of `scalar`, or nil when it stands as it is.
    private static func escape(_ scalar: Unicode.Scalar, htmlSafe: Bool) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "<", ">", "&", "\u{2028}", "\u{2029}": if !htmlSafe { return nil }
        default: if !DisplayText.isUnsafe(scalar) { return nil }
        }
        let hex = String(scalar.value, radix: 16)   // below U+10000: at most four digits
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// `text` as a quoted literal (see `write(_:into:htmlSafe:)`).
    public static func quoted(_ text: String, htmlSafe: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        write(text, into: &out, htmlSafe: htmlSafe)
        return String(decoding: out, as: UTF8.self)
    }
}
