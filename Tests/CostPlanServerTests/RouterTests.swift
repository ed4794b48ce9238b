import CostPlan
import CostPlanServer
import CostPlanStore
import CostPlanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route through Hummingbird's in-memory test client, with a temporary plans folder
/// holding one real example and one broken plan.
@Suite(.serialized)
struct RouterTests {
    static let root = TestRepository.root
    static var catalog: InMemoryPriceCatalog { TestRepository.catalog }

    let plans: URL

    init() throws {
        plans = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-plans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("examples/muejam-library.yaml"),
                                         to: plans.appendingPathComponent("muejam-library.yaml"))
        try "version: 1\nname: broken\nregion: us-east-1\nenvironments:\n  production:\n    components:\n      web: {type: ec2, instance_type: t3.large, count: {min: 5, max: 2}}\n"
            .write(to: plans.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        // A plan whose `name` differs from its file name is shown with that problem.
        try "version: 1\nname: other\nregion: us-east-1\nenvironments:\n  p:\n    components:\n      c: {type: ecr, storage_gb: 1}\n"
            .write(to: plans.appendingPathComponent("renamed.yaml"), atomically: true, encoding: .utf8)
        // File stems become URL segments: names that are not plain identifiers are not served.
        for odd in ["..yaml", "bad name<x>.yaml"] {
            try FileManager.default.copyItem(at: plans.appendingPathComponent("muejam-library.yaml"), to: plans.appendingPathComponent(odd))
        }
    }

    func withClient(_ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let library = PlanLibrary(sources: [plans.path], catalog: Self.catalog)
        let router = buildRouter(library: library,
                                 publicDirectory: Self.root.appendingPathComponent("Public").path)
        try await Application(router: router).test(.router, test)
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }
    static let yaml: HTTPFields = [.contentType: "application/yaml"]

    @Test func indexListsEveryPlanIncludingBrokenOnes() async throws {
        try await withClient { client in
            for path in ["/", "/index.html"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let body = Self.text(response)
                    #expect(body.contains("muejam-library") && body.contains("broken"))
                    #expect(body.contains("1,880.84"))   // production desired total
                }
            }
        }
    }

    @Test func planAndEnvironmentPages() async throws {
        try await withClient { client in
            try await client.execute(uri: "/plans/muejam-library.html", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).contains("1,031.50"))   // production db
                #expect(Self.text(response).contains("<title id=\"demand-0-title\">production: monthly cost by peak requests per second</title>"))
            }
            try await client.execute(uri: "/plans/muejam-library/production.html", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).contains("db.r6g.xlarge"))
            }
            try await client.execute(uri: "/plans/broken.html", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).contains("min (5) is greater than max (2)"))
            }
            for missing in ["/plans/nope.html", "/plans/muejam-library/nope.html", "/plans/muejam-library", "/nope", "/plans/broken/production.html"] {
                try await client.execute(uri: missing, method: .get) { response in
                    #expect(response.status == .notFound, "\(missing)")
                }
            }
        }
    }

    @Test func headIsAllowedOtherMethodsAreNot() async throws {
        try await withClient { client in
            try await client.execute(uri: "/", method: .head) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/index.html", method: .post) { response in #expect(response.status != .ok) }
            try await client.execute(uri: "/plans/muejam-library.html", method: .delete) { response in #expect(response.status != .ok) }
        }
    }

    @Test func ratesPageFiltersWithAPlainQuery() async throws {
        try await withClient { client in
            try await client.execute(uri: "/rates.html?q=db.r6g.xlarge", method: .get) { response in
                #expect(response.status == .ok)
                let body = Self.text(response)
                #expect(body.contains("db.r6g.xlarge") && !body.contains("cache.t3.micro"))
            }
        }
    }

    /// Without a `Public/` folder (a copied binary) the built-in stylesheet answers for
    /// `/assets/costplan.css`; other assets are still not found.
    @Test func theBuiltInStylesheetIsServedWithoutAPublicFolder() async throws {
        let library = PlanLibrary(sources: [plans.path], catalog: Self.catalog)
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-public-\(UUID().uuidString)").path
        let router = buildRouter(library: library, publicDirectory: missing, stylesheet: "body { color: #123; }\n")
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/assets/costplan.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(Self.text(response) == "body { color: #123; }\n")
            }
            try await client.execute(uri: "/assets/costplan.css", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLength] == "22")
            }
            try await client.execute(uri: "/assets/other.css", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func assetsAreServedAndNothingOutsideIs() async throws {
        try await withClient { client in
            try await client.execute(uri: "/assets/costplan.css", method: .get) { response in
                #expect(response.status == .ok)
            }
            for attack in ["/assets/../Package.swift", "/assets/%2e%2e/Package.swift", "/assets/%2E%2E/%2E%2E/etc/passwd",
                           "/assets//etc/passwd", "/assets/..%2fPackage.swift", "/plans/..%2f..%2fPackage.swift",
                           "/plans/%2e%2e%2fPackage.html", "/../Package.swift", "/plans/%2Fetc%2Fpasswd.html",
                           "/assets/%00costplan.css"] {
                try await client.execute(uri: attack, method: .get) { response in
                    #expect(response.status != .ok, "\(attack)")
                    let body = Self.text(response)
                    #expect(!body.contains("swift-tools-version") && !body.contains("root:x:0"), "\(attack)")
                }
            }
        }
    }

    @Test func apiListsPlansAndServesTheEstimateContract() async throws {
        try await withClient { client in
            try await client.execute(uri: "/api/plans", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let plans = json?["plans"] as? [[String: Any]]
                #expect(plans?.map { $0["name"] as? String } == ["broken", "muejam-library", "renamed"])
                #expect(plans?.map { $0["valid"] as? Bool } == [false, true, false])
                #expect((plans?.last?["errors"] as? [String])?.first?.contains("the plan is named 'other' but its file is named 'renamed'") == true)
            }
            try await client.execute(uri: "/api/plans/muejam-library", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["version"] as? Int == 1)
                #expect(json?["plan"] as? String == "muejam-library")
            }
            try await client.execute(uri: "/api/plans/broken", method: .get) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/plans/nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func postEstimatePricesAPlanAndReportsErrorsAsJSON() async throws {
        try await withClient { client in
            let good = "{\"version\": 1, \"name\": \"api\", \"region\": \"us-east-1\", \"environments\": {\"prod\": {\"components\": {\"nat\": {\"type\": \"nat_gateway\", \"count\": 2, \"data_processed_gb\": 100}}}}}"
            try await client.execute(uri: "/api/estimate", method: .post, headers: Self.yaml, body: ByteBuffer(string: good)) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let env = (json?["environments"] as? [[String: Any]])?.first
                // 2 × 730 h × $0.045 + 100 GB × $0.045 = 65.70 + 4.50 = 70.2
                #expect((env?["monthly"] as? [String: String])?["desired"] == "70.2")
            }
            let bad = "version: 1\nname: api\nregion: us-east-1\nenvironments:\n  prod:\n    components:\n      nat: {type: nat_gateway, count: -1, colour: red}\n"
            try await client.execute(uri: "/api/estimate", method: .post, headers: Self.yaml, body: ByteBuffer(string: bad)) { response in
                #expect(response.status == .badRequest)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let diagnostics = json?["diagnostics"] as? [[String: Any]]
                #expect(diagnostics?.count == 2)
                #expect(diagnostics?.first?["line"] as? Int == 7)
                #expect((json?["errors"] as? [String])?.first?.hasPrefix("request:7: error: environments.prod.components.nat.") == true)
            }
            let huge = ByteBuffer(repeating: UInt8(ascii: "#"), count: (1 << 20) + 1)
            try await client.execute(uri: "/api/estimate", method: .post, headers: Self.yaml, body: huge) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    /// Only bodies declared as JSON or YAML are taken: a cross-site form or a plain-text body
    /// (what a browser may send to another site without asking) is 415.
    @Test func postTakesOnlyJSONAndYAMLBodies() async throws {
        let plan = ByteBuffer(string: ConnectionGuardTests.natPlan)
        try await withClient { client in
            for type in ["application/json", "application/yaml", "text/yaml; charset=utf-8", "application/x-yaml", "Application/YAML"] {
                try await client.execute(uri: "/api/estimate", method: .post, headers: [.contentType: type], body: plan) { response in
                    #expect(response.status == .ok, "\(type)")
                }
            }
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/yamlx"] {
                try await client.execute(uri: "/api/estimate", method: .post, headers: [.contentType: type], body: plan) { response in
                    #expect(response.status == .unsupportedMediaType, "\(type)")
                    #expect(Self.text(response).contains("send the body as application/json, application/x-yaml, application/yaml, text/yaml"))
                }
            }
            try await client.execute(uri: "/api/estimate", method: .post, body: plan) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(Self.text(response).contains("the request has no Content-Type"))
            }
            try await client.execute(uri: "/api/diff", method: .post, headers: [.contentType: "text/plain"],
                                     body: try DiffRouteTests.body(DiffRouteTests.base, DiffRouteTests.base)) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test func healthz() async throws {
        try await withClient { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response) == "ok\n")
            }
        }
    }

    /// A plan changed on disk is re-rendered on the next request, without a restart.
    @Test func aChangedPlanIsReRenderedOnTheNextRequest() async throws {
        let file = plans.appendingPathComponent("muejam-library.yaml")
        try await withClient { client in
            try await client.execute(uri: "/plans/muejam-library.html", method: .get) { response in
                #expect(Self.text(response).contains("1,031.50"))
            }
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "instance_class: db.r6g.xlarge", with: "instance_class: db.r6g.2xlarge")
                .write(to: file, atomically: true, encoding: .utf8)
            // Past the settle time (a file modified in the last 100 ms is not adopted yet).
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-1)], ofItemAtPath: file.path)
            try await client.execute(uri: "/plans/muejam-library.html", method: .get) { response in
                let body = Self.text(response)
                #expect(!body.contains("1,031.50"))
                // db.r6g.2xlarge Multi-AZ 1.798 × 730 = 1,312.54 + replicas 328.50 + storage 46.00 = 1,687.04
                #expect(body.contains("1,687.04"))
            }
        }
    }
}

/// `POST /api/diff`: JSON by default, the PR comment when Markdown is asked for.
@Suite(.serialized)
struct DiffRouteTests {
    static func body(_ base: String, _ head: String) throws -> ByteBuffer {
        ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["base": base, "head": head]))
    }

    static let json: HTTPFields = [.contentType: "application/json"]
    static let base = "version: 1\nname: d\nregion: us-east-1\nenvironments:\n  production:\n    components:\n      web: {type: ec2, instance_type: t3.large, count: 2}\n"

    func withClient(_ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let library = PlanLibrary(sources: [], catalog: RouterTests.catalog)
        let router = buildRouter(library: library,
                                 publicDirectory: RouterTests.root.appendingPathComponent("Public").path)
        try await Application(router: router).test(.router, test)
    }

    @Test func diffAsJSONAndMarkdown() async throws {
        let head = Self.base.replacingOccurrences(of: "count: 2", with: "count: 4")
        try await withClient { client in
            try await client.execute(uri: "/api/diff", method: .post, headers: Self.json, body: try Self.body(Self.base, head)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                // 2 more t3.large × 730 h × $0.0832 = +121.472
                #expect(String(buffer: response.body).contains("121.472"))
            }
            try await client.execute(uri: "/api/diff", method: .post, headers: [.accept: "text/markdown", .contentType: "application/json"],
                                     body: try Self.body(Self.base, head)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("<!-- costplan-diff -->"))
                #expect(String(buffer: response.body).contains("$121.47"))
            }
        }
    }

    /// A plan with an item the catalog has no rate for is still estimated and diffed (200):
    /// the JSON says `complete: false` and lists the item with its fix.
    @Test func aMissingRateIsNotPricedNotAnError() async throws {
        let head = Self.base.replacingOccurrences(of: "count: 2}\n", with: "count: 2}\n      batch: {type: ec2, instance_type: m9.large}\n")
        try await withClient { client in
            try await client.execute(uri: "/api/estimate", method: .post, headers: RouterTests.yaml, body: ByteBuffer(string: head)) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["complete"] as? Bool == false)
                let env = (json?["environments"] as? [[String: Any]])?.first
                // web alone: 2 × 730 h × $0.0832 = 121.472
                #expect((env?["monthly"] as? [String: String])?["desired"] == "121.472")
                let unpriced = env?["unpriced"] as? [[String: Any]]
                #expect(unpriced?.first?["fix"] as? String == "costplan pricing fetch --service AmazonEC2 --region us-east-1")
            }
            try await client.execute(uri: "/api/diff", method: .post, headers: [.accept: "text/markdown", .contentType: "application/json"],
                                     body: try Self.body(Self.base, head)) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("could not be priced fully") && !text.contains("No cost change"))
            }
        }
    }

    @Test func aBadSideOrBodyIs400() async throws {
        try await withClient { client in
            try await client.execute(uri: "/api/diff", method: .post, headers: Self.json, body: try Self.body(Self.base, "version: 2")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("the head plan is invalid"))
            }
            try await client.execute(uri: "/api/diff", method: .post, headers: Self.json, body: ByteBuffer(string: "not json")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}

/// Finance CSV downloads from the pages' month picker and the documented URL.
@Suite(.serialized)
struct CostsDownloadTests {
    func withClient(_ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let library = PlanLibrary(sources: [TestRepository.example("muejam-library.yaml")], catalog: RouterTests.catalog)
        let router = buildRouter(library: library,
                                 publicDirectory: RouterTests.root.appendingPathComponent("Public").path)
        try await Application(router: router).test(.router, test)
    }

    @Test func downloadsAMonthAsAnAttachment() async throws {
        try await withClient { client in
            for uri in ["/plans/muejam-library/costs-2027-02.csv", "/plans/muejam-library/costs.csv?month=2027-02"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                    #expect(response.headers[.contentDisposition] == "attachment; filename=\"muejam-library-costs-2027-02.csv\"")
                    let body = String(buffer: response.body)
                    #expect(body.hasPrefix("month,plan,environment,region,component,component_type,service,line_item,"))
                    #expect(body.contains("\r\n2027-02,muejam-library,production,"))
                    // February 2027 has 28 days: 672 hours basis on time-billed rows
                    #expect(body.contains(",672,"))
                }
            }
            try await client.execute(uri: "/plans/muejam-library/costs.csv?month=2027-02&env=dev", method: .get) { response in
                let rows = String(buffer: response.body).split(separator: "\r\n").dropFirst()
                #expect(!rows.isEmpty && rows.allSatisfy { $0.hasPrefix("2027-02,muejam-library,dev,") })
            }
            for bad in ["/plans/muejam-library/costs-2027-13.csv", "/plans/muejam-library/costs.csv?month=soon",
                        "/plans/muejam-library/costs.csv?month=2027-02&env=nope"] {
                try await client.execute(uri: bad, method: .get) { response in #expect(response.status == .badRequest, "\(bad)") }
            }
        }
    }
}
