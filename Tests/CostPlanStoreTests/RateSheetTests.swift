import CostPlan
@testable import CostPlanStore
import Foundation
import Testing

/// Parsing one sheet: RFC 4180 details and every way a sheet can be malformed.
struct RateSheetTests {
    static let header = "region,item,unit,tier_from,usd,effective_date,source,notes\n"

    @Test func parsesQuotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = Self.header + "us-east-1,storage,GB-month,,0.10,2026-01-02,\"AWS page, \"\"ECR\"\"\nsecond line\",\r\n"
        let sheet = try RateSheet.parse(text, service: "AmazonECR", file: "AmazonECR.csv")
        #expect(sheet.rates.count == 1)
        #expect(sheet.rates[0].usd == Decimal(string: "0.10"))
        #expect(sheet.rates[0].source == "AWS page, \"ECR\"\nsecond line")
        #expect(sheet.rates[0].key == RateKey(service: "AmazonECR", region: "us-east-1", item: "storage"))
    }

    @Test func keepsFullPrecisionAndTiers() throws {
        let text = Self.header + "us-east-1,standard/storage,GB-month,0,0.023,2026-01-01,src a,\nus-east-1,standard/storage,GB-month,51200,0.022,2026-01-01,src b,\n"
        let sheet = try RateSheet.parse(text, service: "AmazonS3", file: "AmazonS3.csv")
        #expect(sheet.rates.map(\.tierFrom) == [0, 51200])
        let precise = try RateSheet.parse(Self.header + "us-east-1,x,hour,,0.000111,2026-01-01,source here,\n", service: "S", file: "S.csv")
        #expect(precise.rates[0].usd == Decimal(string: "0.000111"))
    }

    /// Each malformed sheet names the file and the line of the bad record.
    @Test(arguments: [
        ("region,item,unit,usd\n", 1, "header"),
        (header + "us-east-1,a,hour,,abc,2026-01-01,src,\n", 2, "usd 'abc'"),
        (header + "us-east-1,a,hour,,1e3,2026-01-01,src,\n", 2, "usd '1e3'"),
        (header + "us-east-1,a,hour,,-1,2026-01-01,src,\n", 2, "usd '-1'"),
        (header + "us-east-1,a,hour,,0.1,2026-01-01,,\n", 2, "no source"),
        (header + "us-east-1,a,hour,,0.1,01/02/2026,src,\n", 2, "effective_date"),
        (header + "mars-north-1,a,hour,,0.1,2026-01-01,src,\n", 2, "unknown region"),
        (header + "us-east-1,a,hour,,0.1,2026-01-01,src\n", 2, "expected 8 fields"),
        (header + "us-east-1,a,hour,,0.1,2026-01-01,src,\nus-east-1,a,hour,,0.2,2026-01-01,src,\n", 3, "duplicate"),
        (header + "us-east-1,a,hour,,0.1,2026-01-01,\"open,\n", 2, "never closed"),
        (header + "us-east-1,a b,hour,,0.1,2026-01-01,src,\n", 2, "without spaces"),
    ])
    func rejectsMalformedSheets(text: String, line: Int, fragment: String) {
        do {
            _ = try RateSheet.parse(text, service: "AmazonEC2", file: "pricing/AmazonEC2.csv")
            Issue.record("accepted a malformed sheet")
        } catch let error as RateSheet.Error {
            #expect(error.file == "pricing/AmazonEC2.csv")
            #expect(error.line == line)
            #expect(error.description.contains(fragment), "\(error)")
            #expect(error.description.hasPrefix("pricing/AmazonEC2.csv:\(line): error:"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
