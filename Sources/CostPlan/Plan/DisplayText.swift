/// Text from a plan (names, descriptions, setting values) made safe to show: every renderer
/// and every diagnostic passes plan text through `visible(_:)` so a value cannot clear a
/// terminal, forge a colored line in a CI log, or reorder what a reader sees.
///
/// C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F) and the bidi
/// embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069) become the
/// visible escape `\u{XX}` (hex, as Swift writes it), e.g. ESC is `\u{1B}`.
public enum DisplayText {
    /// True for a scalar that `visible(_:)` escapes (line breaks and tabs included).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every unsafe scalar escaped as `\u{XX}`. With `keepingLineBreaks`, LF, CR
    /// and tab stay as they are (for formats where a value may span lines, e.g. a quoted CSV
    /// field, or multi-line terminal output).
    public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            isUnsafe(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\r" || scalar == "\t"))
        }
        // Almost all text is printable ASCII (with line breaks, when kept): one pass over the
        // bytes, and the text is returned as it is.
        let plain = text.utf8.allSatisfy { byte in
            (byte >= 0x20 && byte < 0x7F) || (keepingLineBreaks && (byte == 0x0A || byte == 0x0D || byte == 0x09))
        }
        guard !plain, text.unicodeScalars.contains(where: escapes) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if escapes(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
