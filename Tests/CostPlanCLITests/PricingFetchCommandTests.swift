import CostPlanTestSupport
import Foundation
import Testing

/// `costplan pricing fetch`, `--fetch-missing` and `pricing export` end to end: the built
/// executable against a mirror of the AWS Price List layout on 127.0.0.1 (`PriceListMirror`).
/// Every failure case checks that the catalog file is byte-identical afterwards.
@Suite(.serialized)
struct PricingFetchCommandTests {
    /// One environment in eu-central-1 that needs AmazonEC2 rates only.
    /// Priced at the mirror's eu-central-1 rates (730 hours a month):
    ///   web: 2 × t3.micro × $0.012/h × 730 h             = $17.52
    ///   nat: 1 × $0.052/h × 730 h + 100 GB × $0.052/GB   = $37.96 + $5.20 = $43.16
    ///   total                                             = $60.68
    static let frankfurtPlan = """
        version: 1
        name: frankfurt
        region: eu-central-1
        environments:
          production:
            components:
              web:
                type: ec2
                instance_type: t3.micro
                count: 2
              nat:
                type: nat_gateway
                count: 1
                data_processed_gb: 100
        """

    /// A catalog file, a cache folder and the environment that points costplan at the mirror.
    /// The catalog starts empty: its pricing folder holds one sheet with no rates.
    struct Workspace {
        let catalog = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-fetch-\(UUID().uuidString).sqlite").path
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-fetch-cache-\(UUID().uuidString)").path
        let pricing = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-fetch-pricing-\(UUID().uuidString)").path
        let endpoint: String

        init(endpoint: String) {
            self.endpoint = endpoint
            try? FileManager.default.createDirectory(atPath: pricing, withIntermediateDirectories: true)
            try? "region,item,unit,tier_from,usd,effective_date,source,notes\n"
                .write(toFile: pricing + "/AmazonSNS.csv", atomically: true, encoding: .utf8)
        }

        var environment: [String: String] {
            ["XDG_CACHE_HOME": cache, "COSTPLAN_PRICE_LIST_ENDPOINT": endpoint, "COSTPLAN_PRICING_DIR": pricing]
        }

        func run(_ arguments: [String]) throws -> CostplanProcess.Result {
            try CLI.run(arguments, catalogPath: catalog, environment: environment)
        }

        /// The catalog file's bytes (created first by `pricing info` when missing).
        func catalogBytes() throws -> Data {
            if !FileManager.default.fileExists(atPath: catalog) { _ = try run(["pricing", "info"]) }
            return try Data(contentsOf: URL(fileURLWithPath: catalog))
        }

        /// Files left in the download cache (none after any fetch, successful or not).
        func cacheFiles() -> [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: cache + "/costplan")) ?? []
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: catalog)
            try? FileManager.default.removeItem(atPath: cache)
            try? FileManager.default.removeItem(atPath: pricing)
        }
    }

    static let frankfurtFile = PriceListMirror.filePath("AmazonEC2", region: "eu-central-1")

    /// The `production` environment's desired monthly total from `estimate --format json`.
    static func desiredTotal(_ json: String) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let environments = try #require(object["environments"] as? [[String: Any]])
        let totals = try #require(environments.first?["monthly"] as? [String: Any])
        return try #require(totals["desired"].map { "\($0)" })
    }

    @Test func fetchByServiceAndRegionThenEstimatePricesToTheCentAndASecondFetchDownloadsNothing() async throws {
        let mirror = try await PriceListMirror.start()
        defer { Task { try? await mirror.server.shutdown() } }
        let workspace = Workspace(endpoint: "http://127.0.0.1:1")  // --endpoint must win over the environment
        defer { workspace.remove() }

        let fetched = try workspace.run(["pricing", "fetch", "--endpoint", mirror.endpoint, "--service", "AmazonEC2", "--region", "eu-central-1"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stdout.contains("AmazonEC2 eu-central-1: downloaded "))
        #expect(fetched.stdout.contains("offer version 20251101000000, from \(mirror.endpoint)\(Self.frankfurtFile)\n"))
        #expect(fetched.stdout.contains("AmazonEC2 eu-central-1: 3 rates, offer version 20251101000000, added\n"))
        #expect(mirror.server.requests.map(\.path) == [
            "/offers/v1.0/aws/index.json", PriceListMirror.regionIndexPath("AmazonEC2"), Self.frankfurtFile])
        #expect(mirror.server.requests.allSatisfy { $0.headers["user-agent"]?.hasPrefix("costplan/") == true })
        #expect(workspace.cacheFiles().isEmpty, "the download is deleted once imported")

        let plan = try CLI.plan(Self.frankfurtPlan)
        let estimate = try workspace.run(["estimate", plan, "--format", "json"])
        #expect(estimate.status == 0, "\(estimate.stderr)")
        #expect(try Self.desiredTotal(estimate.stdout) == "60.68")

        let before = try workspace.catalogBytes()
        let again = try workspace.run(["pricing", "fetch", "--endpoint", mirror.endpoint, "--service", "AmazonEC2", "--region", "eu-central-1"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("AmazonEC2 eu-central-1: up to date (offer version 20251101000000 is in the catalog); nothing downloaded\n"))
        #expect(mirror.server.requestCount(Self.frankfurtFile) == 1)
        #expect(try workspace.catalogBytes() == before)
    }

    @Test func fetchForAPlanBringsExactlyTheOffersAndRegionsItNeeds() async throws {
        let mirror = try await PriceListMirror.start()
        defer { Task { try? await mirror.server.shutdown() } }
        let workspace = Workspace(endpoint: mirror.endpoint)
        defer { workspace.remove() }
        let plan = try CLI.plan(Self.frankfurtPlan)

        let missing = try workspace.run(["estimate", plan, "--strict"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no rate for AmazonEC2 'instance/t3.micro' in eu-central-1"))
        #expect(mirror.server.requests.isEmpty, "no network without --fetch-missing")

        let fetched = try workspace.run(["pricing", "fetch", "--for", plan])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stdout.contains("AmazonEC2 eu-central-1: 3 rates, offer version 20251101000000, added\n"))
        // Only AmazonEC2 in eu-central-1: no other offer's region index, no other region's file.
        #expect(mirror.server.requests.map(\.path) == [
            "/offers/v1.0/aws/index.json", PriceListMirror.regionIndexPath("AmazonEC2"), Self.frankfurtFile])

        let estimate = try workspace.run(["estimate", plan, "--format", "json"])
        #expect(estimate.status == 0, "\(estimate.stderr)")
        #expect(try Self.desiredTotal(estimate.stdout) == "60.68")
    }

    @Test func estimateWithFetchMissingFetchesTheMissingOfferFirstThenPrices() async throws {
        let mirror = try await PriceListMirror.start()
        defer { Task { try? await mirror.server.shutdown() } }
        let workspace = Workspace(endpoint: "http://127.0.0.1:1")
        defer { workspace.remove() }
        let plan = try CLI.plan(Self.frankfurtPlan)

        let estimate = try workspace.run(["estimate", plan, "--format", "json", "--fetch-missing", "--endpoint", mirror.endpoint])
        #expect(estimate.status == 0, "\(estimate.stderr)")
        #expect(try Self.desiredTotal(estimate.stdout) == "60.68")
        #expect(estimate.stderr.contains("AmazonEC2 eu-central-1: 3 rates, offer version 20251101000000, added\n"),
                "fetch messages go to standard error, the estimate alone to standard output")
        #expect(mirror.server.requestCount(Self.frankfurtFile) == 1)

        // Nothing is missing any more: no request at all.
        let count = mirror.server.requests.count
        let again = try workspace.run(["diff", plan, plan, "--fetch-missing", "--endpoint", mirror.endpoint])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(mirror.server.requests.count == count)
    }

    /// Runs a fetch that must fail, and checks: exit 2, the message, the catalog byte-identical,
    /// no download left in the cache.
    func expectFailure(_ mirror: PriceListMirror, endpoint: String? = nil, message: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let workspace = Workspace(endpoint: endpoint ?? mirror.endpoint)
        defer { workspace.remove() }
        let before = try workspace.catalogBytes()
        let result = try workspace.run(["pricing", "fetch", "--service", "AmazonEC2", "--region", "eu-central-1"])
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("Nothing was imported; the catalog is unchanged."), sourceLocation: sourceLocation)
        #expect(try workspace.catalogBytes() == before, sourceLocation: sourceLocation)
        #expect(workspace.cacheFiles().isEmpty, sourceLocation: sourceLocation)
    }

    @Test func anUnreachableEndpointExitsTwoNamingTheURL() async throws {
        let mirror = try await PriceListMirror.start()
        let closed = mirror.endpoint
        try await mirror.server.shutdown()
        try expectFailure(mirror, endpoint: closed, message: "GET \(closed)/offers/v1.0/aws/index.json: error: cannot reach the server (after 3 attempts)")
    }

    @Test func a404ExitsTwoNamingTheURL() async throws {
        let mirror = try await PriceListMirror.start()
        defer { Task { try? await mirror.server.shutdown() } }
        mirror.server.serve(PriceListMirror.regionIndexPath("AmazonEC2"), .status(404, "Not Found"))
        try expectFailure(mirror, message: "GET \(mirror.endpoint)\(PriceListMirror.regionIndexPath("AmazonEC2")): error: HTTP 404 Not Found; "
            + "there is no such file at this address; check the URL or endpoint.")
    }

    @Test func a500IsRetriedAndTheFetchSucceeds() async throws {
        let mirror = try await PriceListMirror.start()
        defer { Task { try? await mirror.server.shutdown() } }
        mirror.server.serve(Self.frankfurtFile, .status(500, "Internal Server Error"), .ok(try PriceListMirror.frankfurtEC2CSV()))
        let workspace = Workspace(endpoint: mirror.endpoint)
        defer { workspace.remove() }
        let fetched = try workspace.run(["pricing", "fetch", "--service", "AmazonEC2", "--region", "eu-central-1"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stdout.contains("AmazonEC2 eu-central-1: 3 rates, offer version 20251101000000, added\n"))
        #expect(mirror.server.requestCount(Self.frankfurtFile) == 2)
    }

    @Test func aServerThatKeepsFailingExitsTwoAfterTheRetries() async throws {
        let mirror = try await PriceListMirror.start()
        defer { Task { try? await mirror.server.shutdown() } }
        mirror.server.serve(Self.frankfurtFile, .status(503, "Service Unavailable"))
        try expectFailure(mirror, message: "GET \(mirror.endpoint)\(Self.frankfurtFile): error: HTTP 503 Service Unavailable (after 3 attempts); "
            + "the server failed; try again later.")
        #expect(mirror.server.requestCount(Self.frankfurtFile) == 3)
    }

    @Test func aBodyCutShortOfItsContentLengthExitsTwo() async throws {
        let mirror = try await PriceListMirror.start()
        defer { Task { try? await mirror.server.shutdown() } }
        let body = Array(try PriceListMirror.frankfurtEC2CSV().utf8)
        mirror.server.serve(Self.frankfurtFile, LoopbackHTTPServer.Response(body: body, cutAfter: body.count / 2))
        try expectFailure(mirror, message: "GET \(mirror.endpoint)\(Self.frankfurtFile): error: the transfer broke off after "
            + "\(body.count / 2) of \(body.count) bytes (Content-Length) (after 3 attempts)")
    }

    @Test func aFileThatIsNotAnOfferExitsTwo() async throws {
        let mirror = try await PriceListMirror.start()
        defer { Task { try? await mirror.server.shutdown() } }
        mirror.server.serve(Self.frankfurtFile, .ok("<html><body>Access denied</body></html>\n", contentType: "text/html"))
        try expectFailure(mirror, message: "\(mirror.endpoint)\(Self.frankfurtFile): error: not a usable AWS Price List offer file: ")
    }

    @Test func aServiceIndexThatIsNotOneExitsTwo() async throws {
        let mirror = try await PriceListMirror.start()
        defer { Task { try? await mirror.server.shutdown() } }
        mirror.server.serve("/offers/v1.0/aws/index.json", .ok("{\"hello\": 1}"))
        try expectFailure(mirror, message: "\(mirror.endpoint)/offers/v1.0/aws/index.json: error: not an AWS Price List service index")
    }

    @Test func exportWritesSheetsThatLoadBackToTheSameRates() async throws {
        let mirror = try await PriceListMirror.start()
        defer { Task { try? await mirror.server.shutdown() } }
        let workspace = Workspace(endpoint: mirror.endpoint)
        defer { workspace.remove() }
        let fetched = try workspace.run(["pricing", "fetch", "--region", "us-east-1", "--region", "eu-central-1"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stdout.contains("AmazonS3 us-east-1: 5 rates, offer version 20250201000000, added\n"))
        #expect(fetched.stdout.contains("AWSELB eu-central-1: AWS publishes no AWSELB offer for this region; skipped\n"))

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let exported = try workspace.run(["pricing", "export", "--out", out])
        #expect(exported.status == 0, "\(exported.stderr)")
        let sheet = try String(contentsOfFile: out + "/AmazonEC2.csv", encoding: .utf8)
        #expect(sheet.contains("\neu-central-1,instance/t3.micro,hour,,0.012,2025-01-01,\"AWS Price List AmazonEC2 eu-central-1 offer version "
            + "20251101000000 (published 2025-11-01T00:00:00Z), SKU SYNTHEC2T3MICRO1 rate code SYNTHEC2T3MICRO1.JRTCKXETXF.6YS6EN2CT7, "
            + "imported from \(mirror.endpoint)\(PriceListMirror.filePath("AmazonEC2", region: "eu-central-1"))\","
            + "$0.0104 per On Demand Linux t3.micro Instance Hour\n"), "a fetched rate names the URL it was downloaded from")

        let original = try workspace.run(["pricing", "rates"])
        let reloaded = try CLI.run(["pricing", "rates"], catalogPath: workspace.catalog + ".export.sqlite",
                                   environment: ["COSTPLAN_PRICING_DIR": out])
        #expect(original.stdout.hasSuffix("\n20 rates\n"), "the fetched rates only: the catalog's sheets are empty")
        defer { try? FileManager.default.removeItem(atPath: workspace.catalog + ".export.sqlite") }
        #expect(reloaded.status == 0, "\(reloaded.stderr)")
        #expect(reloaded.stdout == original.stdout)
    }
}
