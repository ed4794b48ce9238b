/// A small RFC 4180 reader: comma-separated fields, `"` quoting with `""` escapes, quoted
/// fields may span lines, CRLF or LF line ends. Each record carries the line it starts on.
struct CSVReader {
    struct Record {
        var line: Int
        var fields: [String]
    }

    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    /// Reads bytes, not characters: the four bytes that matter (`,` `"` CR LF) are ASCII and
    /// never occur inside a multi-byte UTF-8 sequence, so every field is the same text as read
    /// character by character (about 20,000 rows of sheets are read on every catalog build).
    static func records(_ text: String) throws -> [Record] {
        var text = text
        return try text.withUTF8 { try records(bytes: $0) }
    }

    private static func records(bytes: UnsafeBufferPointer<UInt8>) throws -> [Record] {
        let (quote, comma, cr, lf) = (UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\r"), UInt8(ascii: "\n"))
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedField = false
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); quotedField = false }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        var i = 0
        let end = bytes.count
        while i < end {
            let byte = bytes[i]
            i += 1
            if inQuotes {
                if byte == quote {
                    if i < end, bytes[i] == quote { field.append(quote); i += 1 } else { inQuotes = false }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote:
                guard field.isEmpty, !quotedField else {
                    throw SyntaxError(line: line, message: "a quote inside an unquoted field (quote the whole field and double inner quotes)")
                }
                inQuotes = true
                quotedField = true
            case comma: endField()
            case cr where i < end && bytes[i] == lf: break
            case lf:
                endRecord()
                line += 1
                recordLine = line
            default:
                if quotedField { throw SyntaxError(line: line, message: "text after a closing quote") }
                field.append(byte)
            }
        }
        if inQuotes { throw SyntaxError(line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
