/// Escaping for text a plan supplies (names, setting values, line-item names) placed in
/// GitHub-flavored Markdown, so it can neither break a table nor inject HTML, formatting or
/// @-mentions.
enum MarkdownText {
    /// `text` as literal inline text: `&`, `<`, `>` and `"` become entities; Markdown punctuation
    /// (including `|` and backticks) is backslash-escaped; line breaks become spaces; `@` is
    /// followed by a zero-width space so it cannot mention anyone; past `maxLength` characters
    /// the text is cut with "…".
    static func escape(_ text: String, maxLength: Int = 160) -> String {
        var source = Substring(text)
        let cut = source.count > maxLength
        if cut { source = source.prefix(maxLength - 1) }
        var out = ""
        for character in source {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "@": out += "@\u{200B}"
            case "\n", "\r", "\r\n", "\t": out += " "
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return cut ? out + "…" : out
    }

    /// A name in a code span when it is a plain identifier (ASCII letters, digits, `-`, `_`,
    /// `.`, `/`, `:`), which a code span shows literally; anything else is escaped as text.
    static func code(_ name: String) -> String {
        let plain = !name.isEmpty && name.count <= 160 && name.allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:".contains($0))
        }
        return plain ? "`\(name)`" : escape(name)
    }
}
