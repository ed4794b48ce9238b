import Foundation

/// A mirror of the AWS Price List bulk API layout on a `LoopbackHTTPServer`, built from the
/// offer samples in Tests/Fixtures/aws-offers/synthetic (docs: aws-price-list-format.md §1):
///
/// - `/offers/v1.0/aws/index.json`: the service index (the six offers costplan imports, and
///   `comprehend`, which it does not);
/// - `/offers/v1.0/aws/<offer>/current/region_index.json`: each offer's region index;
/// - `/offers/v1.0/aws/<offer>/<version>/<region>/index.{json,csv}`: the offer files.
///
/// Every offer has us-east-1 (the synthetic sample, version 20250101000000). AmazonEC2 also has
/// eu-central-1 (version 20251101000000): the same sample moved to `EU (Frankfurt)` with
/// `EUC1-` usage types and its own prices (`frankfurtPrices`).
public struct PriceListMirror: Sendable {
    public static let synthetic = TestRepository.root.appendingPathComponent("Tests/Fixtures/aws-offers/synthetic")
    public static let offers = ["AWSELB", "AmazonEC2", "AmazonECS", "AmazonElastiCache", "AmazonRDS", "AmazonS3"]
    public static let frankfurtVersion = "20251101000000"
    /// us-east-1 sample price → the eu-central-1 price: t3.micro Linux $0.0104 → $0.012 an hour,
    /// NAT gateway $0.045 → $0.052 an hour and a GB, Windows t3.micro $0.0196 → $0.0214.
    public static let frankfurtPrices = ["0.0104000000": "0.0120000000", "0.0450000000": "0.0520000000", "0.0196000000": "0.0214000000"]

    public let server: LoopbackHTTPServer
    /// The endpoint to pass as `--endpoint`.
    public var endpoint: String { server.baseURL }

    /// The path of an offer file (`.csv`) of `offer` in `region`, under the version the file
    /// itself names (as AWS's region index does).
    public static func filePath(_ offer: String, region: String, format: String = "csv") -> String {
        let version = offer == "AmazonEC2" && region == "eu-central-1" ? frankfurtVersion : sampleVersion(offer)
        return "/offers/v1.0/aws/\(offer)/\(version)/\(region)/index.\(format)"
    }

    /// The `Version` metadata line of the offer's us-east-1 CSV sample.
    static func sampleVersion(_ offer: String) -> String {
        let text = (try? String(contentsOf: synthetic.appendingPathComponent("\(offer)_us-east-1.SYNTHETIC.csv"), encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("\"Version\",") } ?? ""
        return line.split(separator: ",").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) } ?? "20250101000000"
    }

    public static func regionIndexPath(_ offer: String) -> String { "/offers/v1.0/aws/\(offer)/current/region_index.json" }

    /// Starts a server and serves the whole layout.
    public static func start() async throws -> PriceListMirror {
        let mirror = PriceListMirror(server: try await LoopbackHTTPServer.start())
        try mirror.serveLayout()
        return mirror
    }

    /// (Re)serves every file of the layout.
    public func serveLayout() throws {
        var entries: [String] = []
        for offer in Self.offers + ["comprehend"] {
            entries.append("""
                "\(offer)" : { "offerCode" : "\(offer)", "versionIndexUrl" : "/offers/v1.0/aws/\(offer)/index.json",
                  "currentVersionUrl" : "/offers/v1.0/aws/\(offer)/current/index.json",
                  "currentRegionIndexUrl" : "\(Self.regionIndexPath(offer))" }
                """)
        }
        server.serve("/offers/v1.0/aws/index.json", .ok("""
            { "formatVersion" : "v1.0", "disclaimer" : "This pricing list is for informational purposes only.",
              "publicationDate" : "2025-11-01T00:00:00Z", "offers" : { \(entries.joined(separator: ",\n")) } }
            """, contentType: "application/json"))
        for offer in Self.offers {
            let regions = offer == "AmazonEC2" ? ["us-east-1", "eu-central-1"] : ["us-east-1"]
            let listed = regions.map {
                "\"\($0)\" : { \"regionCode\" : \"\($0)\", \"currentVersionUrl\" : \"\(Self.filePath(offer, region: $0, format: "json"))\" }"
            }
            server.serve(Self.regionIndexPath(offer), .ok("""
                { "formatVersion" : "v1.0", "disclaimer" : "This pricing list is for informational purposes only.",
                  "publicationDate" : "2025-11-01T00:00:00Z", "regions" : { \(listed.joined(separator: ", ")) } }
                """, contentType: "application/json"))
            for format in ["csv", "json"] {
                let sample = Self.synthetic.appendingPathComponent("\(offer)_us-east-1.SYNTHETIC.\(format)").path
                guard FileManager.default.fileExists(atPath: sample) else { continue }
                server.serve(Self.filePath(offer, region: "us-east-1", format: format), try .file(sample))
            }
        }
        server.serve(Self.filePath("AmazonEC2", region: "eu-central-1"), .ok(try Self.frankfurtEC2CSV(), contentType: "text/csv"))
    }

    /// The EC2 sample as an eu-central-1 offer file.
    public static func frankfurtEC2CSV() throws -> String {
        var text = try String(contentsOf: synthetic.appendingPathComponent("AmazonEC2_us-east-1.SYNTHETIC.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"US East (N. Virginia)\"", with: "\"EU (Frankfurt)\"")
            .replacingOccurrences(of: "\"BoxUsage:", with: "\"EUC1-BoxUsage:")
            .replacingOccurrences(of: "\"UnusedBox:", with: "\"EUC1-UnusedBox:")
            .replacingOccurrences(of: "\"NatGateway-", with: "\"EUC1-NatGateway-")
            .replacingOccurrences(of: "\"Version\",\"20250101000000\"", with: "\"Version\",\"\(frankfurtVersion)\"")
            .replacingOccurrences(of: "\"Publication Date\",\"2025-01-01T00:00:00Z\"", with: "\"Publication Date\",\"2025-11-01T00:00:00Z\"")
        for (from, to) in frankfurtPrices { text = text.replacingOccurrences(of: "\"\(from)\"", with: "\"\(to)\"") }
        return text
    }
}
