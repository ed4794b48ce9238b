import CostPlanReports
import Testing

/// RFC 4180 quoting and spreadsheet formula neutralising, one field at a time.
struct CSVFieldTests {
    @Test(arguments: [
        // plain text and numbers pass through
        ("web", "web"),
        ("Amazon RDS", "Amazon RDS"),
        ("", ""),
        ("12.50", "12.50"),
        ("-12.50", "-12.50"),          // a number, even with a leading minus
        ("+3", "+3"),
        ("0.0000001", "0.0000001"),
        ("über §8.2 – ok", "über §8.2 – ok"),   // UTF-8 as is
        // RFC 4180: comma, quote, CR, LF → quoted, quotes doubled
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line1\nline2", "\"line1\nline2\""),
        ("line1\r\nline2", "\"line1\r\nline2\""),
        ("\"", "\"\"\"\""),
        // formula triggers that are not numbers → prefixed with '
        ("=1+1", "'=1+1"),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),   // neutralised, then quoted
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),              // an expression, not a number
        ("-", "'-"),
        ("-1e5", "'-1e5"),              // exponents are not plain numbers
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\t5", "'\t5"),                // a tab before a number is not a number
        ("\r=1+1", "\"'\r=1+1\""),      // CR: neutralised and quoted
        ("\r\n=1", "\"'\r\n=1\""),
        ("=a,b", "\"'=a,b\""),
        // only the first character counts
        ("a=1", "a=1"),
        (" =1", " =1"),
        ("'=1", "'=1"),
    ])
    func encode(input: String, expected: String) {
        #expect(CSVField.encode(input) == expected)
    }

    @Test(arguments: [
        ("5", true), ("-5", true), ("+5.25", true), ("0.1", true),
        ("", false), ("-", false), (".5", false), ("5.", false), ("1,000", false), ("1e3", false),
        (" 5", false), ("5 ", false), ("٥", false), ("1.2.3", false),
    ])
    func plainNumbers(text: String, isNumber: Bool) {
        #expect(CSVField.isPlainNumber(text) == isNumber)
    }

    /// A record: fields joined by commas, CRLF at the end.
    @Test func record() {
        #expect(CSVField.record(["a", "b,c", "=x", "1"]) == "a,\"b,c\",'=x,1\r\n")
    }
}
