import CostPlan
import Foundation

/// Streams a Price List CSV offer file: 5 metadata lines (`FormatVersion`, `Disclaimer`,
/// `Publication Date`, `Version`, `OfferCode`), the header row, then one row per price dimension.
/// Columns are found by header name. Rows are parsed in place as byte ranges of the read buffer;
/// only rows that pass the byte-level filters (`OnDemand`, `AWS Region`, the product rules)
/// become strings. Every row must have as many fields as the header, so a cut file is rejected
/// with its line. (A file cut exactly at a line end cannot be told from a complete one.)
final class OfferCSVReader {
    private let path: String
    private let progress: ((ImportProgress) -> Void)?
    private let reader: ByteFileReader
    private var fields = CSVRow()
    private var line = 0
    private var nextLine = 1

    init(path: String, progress: ((ImportProgress) -> Void)?) throws {
        self.path = path
        self.progress = progress
        reader = try ByteFileReader(path: path)
    }

    private func fail(_ message: String, line: Int? = nil) -> OfferImportError {
        OfferImportError(file: path, location: "line \(line ?? self.line)", message: message)
    }

    func read() throws -> OfferImport {
        let started = Date()
        var metadata: [String: String] = [:]
        while metadata.count < 5 {
            guard try nextRecord() else { throw fail("the file ends inside its 5 metadata lines (is it a Price List CSV?)") }
            guard fields.count == 2 else {
                throw fail("expected a metadata line \"Name\",\"value\" (a Price List CSV starts with FormatVersion, Disclaimer, Publication Date, Version and OfferCode lines), found \(fields.count) fields")
            }
            metadata[fields.text(0, reader.buffer)] = fields.text(1, reader.buffer)
        }
        for name in ["FormatVersion", "Publication Date", "Version", "OfferCode"] where metadata[name] == nil {
            throw fail("the metadata lines have no \"\(name)\"")
        }
        let offerCode = metadata["OfferCode"]!
        let offer = try OfferImport.supportedOffer(offerCode, file: path, location: "line \(line)")
        guard try nextRecord() else { throw fail("the file has no header row after its metadata") }
        let columnCount = fields.count
        var names: [String] = []
        for index in 0..<columnCount { names.append(fields.text(index, reader.buffer)) }
        var columns = [Int](repeating: -1, count: OfferField.allCases.count)
        for field in OfferField.allCases {
            columns[field.rawValue] = names.firstIndex(of: field.csvName)
                ?? names.firstIndex { $0.lowercased() == field.csvName.lowercased() } ?? -1
        }
        let missing = OfferField.requiredCSVColumns.filter { columns[$0.rawValue] < 0 }.map(\.csvName)
        guard missing.isEmpty else { throw fail("the header row has no column \(missing.map { "\"\($0)\"" }.joined(separator: ", "))") }

        var collector = RateCollector(offerCode: offerCode, version: metadata["Version"]!,
                                      publicationDate: metadata["Publication Date"]!,
                                      fileName: (path as NSString).lastPathComponent)
        var statistics = ImportStatistics()
        var regionCache: [String: String] = [:]
        while try nextRecord() {
            if fields.count == 1 && fields.isEmpty(0) { continue }
            guard fields.count == columnCount else {
                throw fail("expected \(columnCount) fields as in the header, found \(fields.count) (the file is truncated or malformed)")
            }
            statistics.rowsRead += 1
            if statistics.rowsRead & 0xFFFF == 0, let progress {
                progress(ImportProgress(file: path, bytesRead: reader.bytesRead, totalBytes: reader.fileSize,
                                        rowsRead: statistics.rowsRead, seconds: Date().timeIntervalSince(started)))
            }
            let row = CSVRowView(row: fields, buffer: reader.buffer, columns: columns)
            guard row.field(.termType, is: "OnDemand"), row.field(.locationType, isBlankOr: "AWS Region"),
                  let match = OfferClassifier.match(offer, row) else { continue }
            var region = row.text(.regionCode)
            if region.isEmpty {
                let location = row.text(.location)
                if let cached = regionCache[location] { region = cached } else {
                    region = RegionNames.code(forLocation: location) ?? ""
                    regionCache[location] = region
                }
            }
            guard !region.isEmpty else { statistics.rowsWithUnknownRegion += 1; continue }
            statistics.count(collector.add(
                region: region, match: match, awsUnit: row.text(.unit), currency: row.text(.currency),
                price: row.text(.pricePerUnit), beginRange: row.text(.startingRange), effectiveDate: row.text(.effectiveDate),
                sku: row.text(.sku), rateCode: row.text(.rateCode), description: row.text(.priceDescription), row: "line \(line)"))
        }
        let (ratesByRegion, conflicts) = collector.finish()
        statistics.conflicts = conflicts
        statistics.bytesRead = reader.bytesRead
        statistics.seconds = Date().timeIntervalSince(started)
        return OfferImport(file: path, format: .csv, offerCode: offerCode, version: metadata["Version"]!,
                           publicationDate: metadata["Publication Date"]!, ratesByRegion: ratesByRegion, statistics: statistics)
    }

    /// Parses the next record into `fields`; false at end of file.
    private func nextRecord() throws -> Bool {
        while true {
            switch parseRecord() {
            case .record(let newlines):
                line = nextLine
                nextLine += 1 + newlines
                return true
            case .needMore:
                if !reader.refill() {
                    if reader.start >= reader.end { return false }
                    // At end of file: parse what is left as the last record.
                    switch parseRecord(atEOF: true) {
                    case .record(let newlines):
                        line = nextLine
                        nextLine += 1 + newlines
                        return true
                    case .needMore: return false
                    case .error(let message): throw fail(message, line: nextLine)
                    }
                }
            case .error(let message): throw fail(message, line: nextLine)
            }
        }
    }

    private enum ParseResult { case record(newlines: Int), needMore, error(String) }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"),
                       carriageReturn = UInt8(ascii: "\r")

    /// One record from `reader.start`. On success advances `reader.start` past it; `needMore`
    /// when the buffer ends first (the caller refills and the record is parsed again).
    private func parseRecord(atEOF: Bool = false) -> ParseResult {
        let p = reader.buffer
        let end = reader.end
        var i = reader.start
        var newlines = 0
        fields.removeAll()
        if i >= end { return .needMore }
        while true {
            if i < end && p[i] == Self.quote {
                i += 1
                let fieldStart = i
                var escaped = false
                while true {
                    guard i < end else { return atEOF ? .error("a quoted field is never closed (the file is truncated)") : .needMore }
                    let byte = p[i]
                    if byte == Self.quote {
                        if i + 1 < end {
                            if p[i + 1] == Self.quote { escaped = true; i += 2; continue }
                        } else if !atEOF { return .needMore }
                        break
                    }
                    if byte == Self.newline { newlines += 1 }
                    i += 1
                }
                fields.append(fieldStart, i, escaped: escaped)
                i += 1
                guard i < end else {
                    if !atEOF { return .needMore }
                    reader.start = i
                    return .record(newlines: newlines)
                }
                let next = p[i]
                if next == Self.comma { i += 1; if i >= end && !atEOF { return .needMore }; continue }
                if next == Self.newline { reader.start = i + 1; return .record(newlines: newlines) }
                if next == Self.carriageReturn {
                    guard i + 1 < end else { return atEOF ? .error("a carriage return not followed by a line feed") : .needMore }
                    if p[i + 1] == Self.newline { reader.start = i + 2; return .record(newlines: newlines) }
                }
                return .error("text after a closing quote in field \(fields.count) (quote the whole field and double inner quotes)")
            }
            // An unquoted field (bare quotes inside are taken literally, as AWS files may have them).
            let fieldStart = i
            while i < end {
                let byte = p[i]
                if byte == Self.comma || byte == Self.newline { break }
                i += 1
            }
            guard i < end else {
                if !atEOF { return .needMore }
                var fieldEnd = i
                if fieldEnd > fieldStart && p[fieldEnd - 1] == Self.carriageReturn { fieldEnd -= 1 }
                fields.append(fieldStart, fieldEnd, escaped: false)
                reader.start = i
                return .record(newlines: newlines)
            }
            if p[i] == Self.comma {
                fields.append(fieldStart, i, escaped: false)
                i += 1
                if i >= end && !atEOF { return .needMore }
                continue
            }
            var fieldEnd = i
            if fieldEnd > fieldStart && p[fieldEnd - 1] == Self.carriageReturn { fieldEnd -= 1 }
            fields.append(fieldStart, fieldEnd, escaped: false)
            reader.start = i + 1
            return .record(newlines: newlines)
        }
    }
}

/// The fields of one CSV record as byte ranges into the read buffer (reused between records).
struct CSVRow {
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var escapedFields: [Bool] = []

    init() {
        starts.reserveCapacity(128)
        ends.reserveCapacity(128)
        escapedFields.reserveCapacity(128)
    }

    var count: Int { starts.count }

    mutating func removeAll() {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        escapedFields.removeAll(keepingCapacity: true)
    }

    mutating func append(_ start: Int, _ end: Int, escaped: Bool) {
        starts.append(start)
        ends.append(end)
        escapedFields.append(escaped)
    }

    func isEmpty(_ index: Int) -> Bool { starts[index] == ends[index] }

    func text(_ index: Int, _ buffer: UnsafeMutablePointer<UInt8>) -> String {
        let raw = String(decoding: UnsafeBufferPointer(start: buffer + starts[index], count: ends[index] - starts[index]),
                         as: UTF8.self)
        return escapedFields[index] ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    func equals(_ index: Int, _ buffer: UnsafeMutablePointer<UInt8>, _ value: StaticString) -> Bool {
        if escapedFields[index] { return text(index, buffer) == value.description }
        let length = ends[index] - starts[index]
        guard length == value.utf8CodeUnitCount else { return false }
        return memcmp(buffer + starts[index], value.utf8Start, length) == 0
    }
}

/// A CSV record seen through the header's column map.
struct CSVRowView: OfferAttributes {
    let row: CSVRow
    let buffer: UnsafeMutablePointer<UInt8>
    let columns: [Int]

    func field(_ field: OfferField, is value: StaticString) -> Bool {
        let column = columns[field.rawValue]
        return column >= 0 && row.equals(column, buffer, value)
    }

    func text(_ field: OfferField) -> String {
        let column = columns[field.rawValue]
        return column >= 0 ? row.text(column, buffer) : ""
    }

    func isBlank(_ field: OfferField) -> Bool {
        let column = columns[field.rawValue]
        return column < 0 || row.isEmpty(column)
    }
}
