import Foundation

/// The one JSON string escaper: a string literal (also a valid YAML double-quoted scalar) with `"`,
/// `\`, line breaks and tabs escaped, and every other control (C0, DEL, C1) and bidi override as
/// `\uXXXX` — the same string for a reader, but inert when the raw text reaches a terminal or a log.
public enum JSONString {
    /// Appends `text` as a quoted literal to `out`. `htmlSafe` also escapes `<`, `>`, `&`, U+2028
    /// and U+2029, so the literal can sit inside an HTML `<script>` block or a JavaScript source.
    public static func write(_ text: String, into out: inout String, htmlSafe: Bool) {
        out += "\""
        // Most strings need no escape at all: printable ASCII other than `"` and `\\` (and, when
        // `htmlSafe`, `<`, `>` and `&`) is appended as it is, after one scan of the bytes.
        if text.utf8.allSatisfy({ byte in
            byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C && !(htmlSafe && (byte == 0x3C || byte == 0x3E || byte == 0x26))
        }) {
            out += text
            out += "\""
            return
        }
        // Otherwise the runs between escapes are copied whole, not scalar by scalar.
        let scalars = text.unicodeScalars
        var run = scalars.startIndex
        var index = run
        while index != scalars.endIndex {
            let scalar = scalars[index]
            guard let escape = escape(scalar, htmlSafe: htmlSafe) else {
                scalars.formIndex(after: &index)
                continue
            }
            out.append(contentsOf: Substring(scalars[run..<index]))
            out += escape
            scalars.formIndex(after: &index)
            run = index
        }
        out.append(contentsOf: Substring(scalars[run...]))
        out += "\""
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
        var out = ""
        write(text, into: &out, htmlSafe: htmlSafe)
        return out
    }
}
