@testable import CostPlanStore
import CostPlanReports
import Testing

/// A rendered CSV read back with the store's RFC 4180 reader: the header and the rows as
/// column name → cell, with the raw records kept for shape checks.
struct CSVRows: RandomAccessCollection {
    var header: [String]
    var records: [[String]]

    init(_ text: String) throws {
        let all = try CSVReader.records(text).map(\.fields)
        header = all.first ?? []
        records = Array(all.dropFirst())
    }

    var startIndex: Int { records.startIndex }
    var endIndex: Int { records.endIndex }
    subscript(position: Int) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(header, records[position]))
    }
}
