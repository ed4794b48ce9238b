import CostPlan
import Foundation

/// One `pricing/<Service>.csv` file: the reviewable text form of a service's rates
/// (format in docs/rate-sheets.md). Parsing is strict: a malformed sheet is rejected with the
/// file and line, so a bad edit never reaches the catalog.
public struct RateSheet: Sendable {
    public static let columns = ["region", "item", "unit", "tier_from", "usd", "effective_date", "source", "notes"]

    /// The service code, from the file name.
    public var service: String
    public var rates: [Rate]

    /// A rate sheet that cannot be loaded: the file, the line and what is wrong.
    public struct Error: Swift.Error, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message)" }
    }

    /// Parses `text` as the sheet of `service` (`file` names it in errors).
    public static func parse(_ text: String, service: String, file: String) throws -> RateSheet {
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch let error as CSVReader.SyntaxError {
            throw Error(file: file, line: error.line, message: error.message)
        }
        guard let header = records.first else { throw Error(file: file, line: 1, message: "the sheet is empty") }
        guard header.fields == columns else {
            throw Error(file: file, line: 1, message: "the header must be exactly: \(columns.joined(separator: ","))")
        }
        var rates: [Rate] = []
        var seen: Set<String> = []
        for record in records.dropFirst() {
            func fail(_ message: String) -> Error { Error(file: file, line: record.line, message: message) }
            guard record.fields.count == columns.count else {
                throw fail("expected \(columns.count) fields, found \(record.fields.count)")
            }
            let f = record.fields
            let (region, item, unit, tierText, usdText, date, source, notes) = (f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])
            guard region == "global" || AWSRegion.isKnown(region) else { throw fail("unknown region '\(region)'") }
            guard !item.isEmpty, !item.contains(" ") else { throw fail("item must be a non-empty key without spaces") }
            guard !unit.isEmpty else { throw fail("unit is empty") }
            guard let usd = Money.parse(usdText), usd >= 0 else { throw fail("usd '\(usdText)' is not a non-negative plain decimal") }
            var tierFrom: Decimal?
            if !tierText.isEmpty {
                guard let tier = Money.parse(tierText), tier >= 0 else { throw fail("tier_from '\(tierText)' is not a non-negative number") }
                tierFrom = tier
            }
            guard isISODate(date) else { throw fail("effective_date '\(date)' is not YYYY-MM-DD") }
            guard source.unicodeScalars.contains(where: { !CharacterSet.whitespaces.contains($0) }) else { throw fail("the rate has no source") }
            let identity = "\(region)|\(item)|\(tierText)"
            guard seen.insert(identity).inserted else { throw fail("duplicate rate for \(item) in \(region)\(tierText.isEmpty ? "" : " from \(tierText)")") }
            rates.append(Rate(key: RateKey(service: service, region: region, item: item), unit: unit, tierFrom: tierFrom,
                              usd: usd, effectiveDate: date, source: source, notes: notes))
        }
        return RateSheet(service: service, rates: rates)
    }

    private static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
