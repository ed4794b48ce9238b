import CostPlan

/// Escaping for text a plan supplies (names, setting values, line-item names) placed in
/// GitHub-flavored Markdown, so it can neither break a table nor inject HTML, formatting,
/// @-mentions or links.
enum MarkdownText {
    /// `text` as literal inline text: `&`, `<`, `>` and `"` become entities; Markdown punctuation
    /// (including `|` and backticks) is backslash-escaped; line breaks become spaces; other
    /// control and bidi characters become visible `\u{XX}` (`DisplayText`); `@` is followed by
    /// a zero-width space so it cannot mention anyone (nor start an e-mail autolink); past
    /// `maxLength` characters the text is cut with "…".
    ///
    /// Autolinks are broken by backslash escapes that GitHub renders as the plain character:
    /// every `:` is written `\:` (so `https://…` and `mailto:` are not linked) and the dot of
    /// `www.` is written `\.` — e.g. `see https\://www\.example.com` shows as
    /// `see https://www.example.com`, unlinked.
    static func escape(_ text: String, maxLength: Int = 160) -> String {
        let flat = String(text.map { ["\n", "\r", "\r\n", "\t"].contains($0) ? " " : $0 })
        var source = Substring(DisplayText.visible(flat))
        let cut = source.count > maxLength
        if cut { source = source.prefix(maxLength - 1) }
        var out = ""
        var previous = ""   // the last three characters, to spot `www.`
        for character in source {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "@": out += "@\u{200B}"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!", ":": out += "\\" + String(character)
            case "." where previous.lowercased() == "www": out += "\\."
            default: out.append(character)
            }
            previous = String((previous + String(character)).suffix(3))
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
