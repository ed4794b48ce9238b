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
    /// the `:` of `://`, `mailto:` and `xmpp:` is written `\:` and the dot of `www.` is written
    /// `\.` — e.g. `see https\://www\.example.com` shows as `see https://www.example.com`,
    /// unlinked (checked with cmark-gfm, GitHub's renderer).
    static func escape(_ text: String, maxLength: Int = 160) -> String {
        let flat = String(text.map { ["\n", "\r", "\r\n", "\t"].contains($0) ? " " : $0 })
        var source = Substring(DisplayText.visible(flat))
        let cut = source.count > maxLength
        if cut { source = source.prefix(maxLength - 1) }
        var out = ""
        var word = ""   // the letters just before, to spot `www.`, `mailto:` and `xmpp:`
        let characters = Array(source)
        for (index, character) in characters.enumerated() {
            let next = characters.dropFirst(index + 1).prefix(2)
            switch character {
            case "&", "<", ">", "\"": out += character.unicodeScalars.first.flatMap(HTML.entity) ?? String(character)
            case "@": out += "@\u{200B}"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!": out += "\\" + String(character)
            case ":" where next.elementsEqual("//") || ["mailto", "xmpp"].contains(word.lowercased()): out += "\\:"
            case "." where word.lowercased().hasSuffix("www"): out += "\\."
            default: out.append(character)
            }
            word = character.isLetter ? word + String(character) : ""
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
