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
    /// What the rates name as where they were imported from (see `OfferImport.read`).
    private let source: String
    private let progress: ((ImportProgress) -> Void)?
    private let reader: ByteFileReader
    private let fields = CSVRow()
    /// The file offset where the current record starts.
    private var recordStart: Int64 = 0
    /// Newlines are counted on demand, once each, with `memchr` (see `lineNumber(at:)`), so the
    /// parser's inner loops look for nothing but quotes and commas.
    private var countedTo: Int64 = 0
    private var newlinesBefore = 0

    init(path: String, source: String? = nil, progress: ((ImportProgress) -> Void)?) throws {
        self.path = path
        self.source = source ?? (path as NSString).lastPathComponent
        self.progress = progress
        reader = try ByteFileReader(path: path)
    }

    private func fail(_ message: String, line: Int? = nil) -> OfferImportError {
        OfferImportError(file: path, location: "line \(line ?? self.line)", message: message)
    }

    /// The line the current record starts on.
    private var line: Int { lineNumber(at: recordStart) }

    /// The line of the byte at file `offset`: one more than the newlines before it. Offsets are
    /// asked in increasing order, while their bytes are still in the buffer.
    private func lineNumber(at offset: Int64) -> Int {
        countNewlines(upTo: offset)
        return newlinesBefore + 1
    }

    private func countNewlines(upTo offset: Int64) {
        guard offset > countedTo else { return }
        var from = reader.buffer + Int(countedTo - reader.bufferOffset)
        let to = reader.buffer + Int(offset - reader.bufferOffset)
        while from < to, let hit = memchr(from, Int32(Self.newline), to - from) {
            newlinesBefore += 1
            from = hit.assumingMemoryBound(to: UInt8.self) + 1
        }
        countedTo = offset
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
                                      fileName: source)
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
            let start = reader.bufferOffset + Int64(reader.start)
            switch parseRecord() {
            case .record:
                recordStart = start
                return true
            case .needMore:
                countNewlines(upTo: start)   // the bytes before this record leave the buffer now
                if !reader.refill() {
                    if reader.start >= reader.end { return false }
                    // At end of file: parse what is left as the last record.
                    switch parseRecord(atEOF: true) {
                    case .record:
                        recordStart = start
                        return true
                    case .needMore: return false
                    case .error(let message): throw fail(message, line: lineNumber(at: start))
                    }
                }
            case .error(let message): throw fail(message, line: lineNumber(at: start))
            }
        }
    }

    private enum ParseResult { case record, needMore, error(String) }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"),
                       carriageReturn = UInt8(ascii: "\r")

    /// One record from `reader.start`. On success advances `reader.start` past it; `needMore`
    /// when the buffer ends first (the caller refills and the record is parsed again).
    private func parseRecord(atEOF: Bool = false) -> ParseResult {
        let p = reader.buffer
        let end = reader.end
        var i = reader.start
        fields.removeAll()
        if i >= end { return .needMore }
        while true {
            if i < end && p[i] == Self.quote {
                i += 1
                let fieldStart = i
                var escaped = false
                while true {
                    while i < end && p[i] != Self.quote { i += 1 }
                    guard i < end else { return atEOF ? .error("a quoted field is never closed (the file is truncated)") : .needMore }
                    if i + 1 < end {
                        if p[i + 1] == Self.quote { escaped = true; i += 2; continue }
                    } else if !atEOF { return .needMore }
                    break
                }
                fields.append(fieldStart, i, escaped: escaped)
                i += 1
                guard i < end else {
                    if !atEOF { return .needMore }
                    reader.start = i
                    return .record
                }
                let next = p[i]
                if next == Self.comma { i += 1; if i >= end && !atEOF { return .needMore }; continue }
                if next == Self.newline { reader.start = i + 1; return .record }
                if next == Self.carriageReturn {
                    guard i + 1 < end else { return atEOF ? .error("a carriage return not followed by a line feed") : .needMore }
                    if p[i + 1] == Self.newline { reader.start = i + 2; return .record }
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
                return .record
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
            return .record
        }
    }
}

/// The fields of one CSV record as byte ranges into the read buffer, in storage reused between
/// records (raw pointers: appending a field is two stores, with no copy-on-write or bounds check).
/// An escaped field (one holding a doubled quote) is marked by a negative end, `-(end + 1)`.
final class CSVRow {
    private var starts: UnsafeMutablePointer<Int>
    private var ends: UnsafeMutablePointer<Int>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
    }

    @inline(__always) func removeAll() { count = 0 }

    @inline(__always) func append(_ start: Int, _ end: Int, escaped: Bool) {
        if count == capacity { grow() }
        starts[count] = start
        ends[count] = escaped ? -(end + 1) : end
        count += 1
    }

    private func grow() {
        let bigger = capacity * 2
        let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
        let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
        newStarts.update(from: starts, count: count)
        newEnds.update(from: ends, count: count)
        starts.deallocate()
        ends.deallocate()
        starts = newStarts
        ends = newEnds
        capacity = bigger
    }

    @inline(__always) private func end(_ index: Int) -> Int {
        let stored = ends[index]
        return stored < 0 ? -stored - 1 : stored
    }

    @inline(__always) private func isEscaped(_ index: Int) -> Bool { ends[index] < 0 }

    func isEmpty(_ index: Int) -> Bool { starts[index] == end(index) }

    func text(_ index: Int, _ buffer: UnsafeMutablePointer<UInt8>) -> String {
        let raw = String(decoding: UnsafeBufferPointer(start: buffer + starts[index], count: end(index) - starts[index]),
                         as: UTF8.self)
        return isEscaped(index) ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    func equals(_ index: Int, _ buffer: UnsafeMutablePointer<UInt8>, _ value: StaticString) -> Bool {
        if isEscaped(index) { return text(index, buffer) == value.description }
        let length = end(index) - starts[index]
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
