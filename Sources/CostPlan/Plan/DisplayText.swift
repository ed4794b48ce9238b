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

    /// True when some scalar of `text` is unsafe (and not a kept line break), read from the UTF-8
    /// bytes: C0 and DEL are single bytes, C1 is `C2 80`–`C2 9F`, the bidi overrides are
    /// `E2 80 AA`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9`.
    static func containsUnsafe(_ text: String, keepingLineBreaks: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x0A, 0x0D, 0x09: if !keepingLineBreaks { return true }
                case 0x00...0x1F, 0x7F: return true
                case 0xC2: if index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                case 0xE2:
                    if index + 2 < bytes.count {
                        let (second, third) = (bytes[index + 1], bytes[index + 2])
                        if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                            return true
                        }
                    }
                default: break
                }
                index += 1
            }
            return false
        }
    }

    /// `text` with every unsafe scalar escaped as `\u{XX}`. With `keepingLineBreaks`, LF, CR
    /// and tab stay as they are (for formats where a value may span lines, e.g. a quoted CSV
    /// field, or multi-line terminal output).
    public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            isUnsafe(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\r" || scalar == "\t"))
        }
        // Almost all text has nothing to escape: one pass over the bytes, and it is returned as is.
        guard containsUnsafe(text, keepingLineBreaks: keepingLineBreaks) else { return text }
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
