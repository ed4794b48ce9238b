import CostPlan

/// RFC 4180 fields and records, made safe to open in a spreadsheet.
///
/// A field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a plain
/// number (`-12.5`) would run as a formula in Excel or LibreOffice; it is neutralised by a
/// leading `'`. A field holding a comma, a double quote, CR or LF is then quoted, with its
/// quotes doubled. Records end with CRLF.
public enum CSVField {
    /// The characters that make a spreadsheet read a cell as a formula (OWASP's list).
    public static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// `text` as one RFC 4180 field: control and bidi characters shown as visible `\u{XX}`
    /// escapes (`DisplayText`; line breaks and tabs kept), neutralised, then quoted when it
    /// needs to be.
    public static func encode(_ text: String) -> String {
        let safe = neutralised(DisplayText.visible(text, keepingLineBreaks: true))
        let needsQuotes = safe.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `text` prefixed with `'` when a spreadsheet would run it as a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.first, formulaTriggers.contains(first), !isPlainNumber(text) else { return text }
        return "'" + text
    }

    /// True for `[+-]digits[.digits]` (ASCII digits, no spaces or exponent), e.g. `-0.25`.
    public static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return !parts[0].isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { $0 >= "0" && $0 <= "9" }
        }
    }

    /// One record: the encoded fields joined by commas, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(encode).joined(separator: ",") + "\r\n"
    }
}
