import CostPlan
@testable import CostPlanStore
import Foundation
import Testing

/// Malformed offer files are rejected with the CSV line or the JSON path of the problem.
struct OfferImportErrorTests {
    static func read(_ text: String, name: String) throws -> OfferImportError {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try OfferFixtures.write(text, to: directory, name: name)
        return try #require(throws: OfferImportError.self) { try OfferImport.read(path: path) }
    }

    static let goodRow = OfferFixtures.instanceRow("SKU1", "t3.micro", "0.0104")

    @Test func csvRowWithTooFewFieldsNamesItsLine() throws {
        var text = OfferFixtures.ec2CSV(rows: [Self.goodRow, Self.goodRow])
        text += "\"SKU3\",\"cut here\"\n"
        let error = try Self.read(text, name: "ec2.csv")
        // 5 metadata lines, the header (6), two rows (7, 8), the cut row on line 9.
        #expect(error.location == "line 9")
        #expect(error.message == "expected 22 fields as in the header, found 2 (the file is truncated or malformed)")
    }

    @Test func csvLinesCountNewlinesInsideQuotedFields() throws {
        // Line numbers are counted apart from the parser: a description spanning three lines
        // (rows 7–9) moves the cut row from line 8 to line 10.
        var row = Self.goodRow
        row["PriceDescription"] = "first line\nsecond line\nthird line"
        var text = OfferFixtures.ec2CSV(rows: [row])
        text += "\"SKU3\",\"cut here\"\n"
        let error = try Self.read(text, name: "ec2.csv")
        #expect(error.location == "line 10")
    }

    @Test func csvLinesAreCountedAcrossBufferRefills() throws {
        // 30,000 rows of ~200 bytes are ~6 MB: the 1 MiB read buffer is refilled several times
        // before the cut row, which follows 5 metadata lines, the header and 30,000 rows.
        var text = OfferFixtures.ec2CSV(rows: Array(repeating: Self.goodRow, count: 30_000))
        text += "\"SKU3\",\"cut here\"\n"
        #expect(text.utf8.count > 4 << 20)
        let error = try Self.read(text, name: "ec2.csv")
        #expect(error.location == "line 30007")
    }

    @Test func csvTextAfterAClosingQuoteNamesItsLine() throws {
        var text = OfferFixtures.ec2CSV(rows: [Self.goodRow])
        text += "\"SKU2\"x,\"a\"\n"
        let error = try Self.read(text, name: "ec2.csv")
        #expect(error.location == "line 8")
        #expect(error.message.hasPrefix("text after a closing quote"))
    }

    @Test func csvUnclosedQuoteAtTheEndIsATruncation() throws {
        var text = OfferFixtures.ec2CSV(rows: [Self.goodRow])
        text += "\"SKU2\",\"JRTCK"
        let error = try Self.read(text, name: "ec2.csv")
        #expect(error.location == "line 8")
        #expect(error.message == "a quoted field is never closed (the file is truncated)")
    }

    @Test func csvWithoutARequiredColumnNamesTheHeaderLine() throws {
        let text = OfferFixtures.ec2CSV(rows: [Self.goodRow]).replacingOccurrences(of: "\"PricePerUnit\"", with: "\"Price\"")
        let error = try Self.read(text, name: "ec2.csv")
        #expect(error.location == "line 6")
        #expect(error.message == "the header row has no column \"PricePerUnit\"")
    }

    @Test func csvWithoutMetadataLinesIsNotAnOfferFile() throws {
        let error = try Self.read("region,item,unit\nus-east-1,x,hour\n", name: "sheet.csv")
        #expect(error.location == "line 1")
        #expect(error.message.hasPrefix("expected a metadata line"))
    }

    @Test(arguments: [
        // (document, path, message start)
        ("{\"offerCode\":\"AmazonEC2\",\"version\":\"1\",\"publicationDate\":\"x\",\"products\":{\"S1\":{\"sku\":\"S1\",\"attributes\":{\"usagetype\":\"a\" \"b\":1}}}}",
         "$.products.S1.attributes.usagetype (line 1)", "expected ',' or '}' after a value"),
        ("{\"offerCode\":\"AmazonEC2\",\"version\":\"1\",\"publicationDate\":\"x\",\"products\":{},\"terms\":{\"OnDemand\":{\"S1\":[1,2,]}}}",
         "$.terms.OnDemand.S1[2] (line 1)", "a trailing comma before ']'"),
        ("{\"offerCode\":\"AmazonEC2\",\n\"version\":\"1\",\n\"products\":{\"S1\":{\"productFamily\":\"Compute Inst",
         "$.products.S1.productFamily (line 3)", "a string is never closed"),
        ("{\"offerCode\":\"AmazonEC2\",\"version\":\"1\",\"products\":{\"S1\":{\"attributes\":{\"x\":tru}}}}",
         "$.products.S1.attributes.x (line 1)", "expected the literal true"),
        ("{\"offerCode\":\"AmazonEC2\",\"products\":{}} {",
         "$ (line 1)", "unexpected '{' after the end of the document"),
    ])
    func malformedJSONNamesItsPath(document: String, path: String, message: String) throws {
        let error = try Self.read(document, name: "ec2.json")
        #expect(error.location == path)
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test func jsonMissingItsTermsIsRejected() throws {
        let error = try Self.read("{\"offerCode\":\"AmazonEC2\",\"version\":\"1\",\"publicationDate\":\"x\",\"products\":{}}",
                                  name: "ec2.json")
        #expect(error.message == "the offer has no terms object")
    }

    @Test func aFileThatIsNeitherCSVNorJSONIsRefused() throws {
        let error = try Self.read("x", name: "offer.txt")
        #expect(error.message.hasPrefix("not an offer file"))
    }
}
