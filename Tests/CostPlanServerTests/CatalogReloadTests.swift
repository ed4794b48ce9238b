import CostPlan
import CostPlanServer
import CostPlanStore
import CostPlanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A running server adopts a changed catalog (issue 17 item 4): after a sheet edit the pages
/// and the API price with the new snapshot within seconds, and every page names the snapshot.
@Suite(.serialized)
struct CatalogReloadTests {
    let server: LiveServer
    let pricing: URL
    let loader: CatalogLoader

    static let header = "region,item,unit,tier_from,usd,effective_date,source,notes\n"
    static func sheet(hourly: String) -> String {
        header + "us-east-1,nat-gateway/data-processed,GB,,0.045,2026-08-31,AWS Price List AmazonEC2 (test copy),\n"
            + "us-east-1,nat-gateway/hours,hour,,\(hourly),2026-08-31,AWS Price List AmazonEC2 (test copy),\n"
    }

    init() throws {
        server = try LiveServer()
        try FileManager.default.removeItem(at: server.plans.appendingPathComponent("muejam-library.yaml"))
        try ConnectionGuardTests.natPlan.replacingOccurrences(of: "name: api", with: "name: nat")
            .write(to: server.plans.appendingPathComponent("nat.yaml"), atomically: true, encoding: .utf8)
        try "version: 1\nname: broken\n".write(to: server.plans.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        pricing = server.plans.appendingPathComponent("pricing")
        try FileManager.default.createDirectory(at: pricing, withIntermediateDirectories: true)
        try Self.sheet(hourly: "0.045").write(to: pricing.appendingPathComponent("AmazonEC2.csv"), atomically: true, encoding: .utf8)
        loader = CatalogLoader(pricingDirectory: pricing, databasePath: server.plans.appendingPathComponent("catalog.sqlite").path)
    }

    @Test func aSheetEditIsPricedWithoutARestartAndEveryPageNamesTheSnapshot() async throws {
        let loader = loader
        let catalogs = CatalogProvider(initial: try loader.load(), watchedFiles: {
            [loader.databasePath, pricing.path, pricing.appendingPathComponent("AmazonEC2.csv").path]
        }, reload: { try loader.load() })
        let before = catalogs.current.snapshot.id
        try await server.run(server.settings { $0.catalogCheckInterval = .milliseconds(100) }, catalogs: catalogs) { client, _ in
            let page = try await client.execute(uri: "/plans/nat.html", method: .get)
            // 2 × 730 h × $0.045 + 100 GB × $0.045 = 65.70 + 4.50 = 70.20
            #expect(String(buffer: page.body).contains("70.20"))
            _ = try await client.execute(uri: "/plans/nat.html", method: .get)   // and cached
            for uri in ["/", "/plans/nat.html", "/plans/broken.html", "/rates.html", "/nope"] {
                #expect(String(buffer: try await client.execute(uri: uri, method: .get).body).contains(before), "\(uri)")
            }

            try Self.sheet(hourly: "0.05").write(to: pricing.appendingPathComponent("AmazonEC2.csv"), atomically: true, encoding: .utf8)
            var after = before
            for _ in 0..<100 where after == before {   // checked every 100 ms; at most 10 s
                try await Task.sleep(for: .milliseconds(100))
                after = catalogs.current.snapshot.id
            }
            #expect(after != before)
            let repriced = String(buffer: try await client.execute(uri: "/plans/nat.html", method: .get).body)
            // 2 × 730 h × $0.05 + 100 GB × $0.045 = 73.00 + 4.50 = 77.50
            #expect(repriced.contains("77.50") && !repriced.contains("70.20"))
            #expect(repriced.contains(after))
            for uri in ["/", "/plans/broken.html", "/rates.html", "/nope"] {
                let body = String(buffer: try await client.execute(uri: uri, method: .get).body)
                #expect(body.contains(after) && !body.contains(before), "\(uri)")
            }
            let json = String(buffer: try await client.execute(uri: "/api/plans/nat", method: .get).body)
            #expect(json.contains(after) && json.contains("\"desired\": \"77.5\""))
        }
        #expect(server.log.lines.contains { $0.contains("Catalog reloaded") })
    }

    @Test func aBrokenSheetKeepsThePreviousSnapshot() throws {
        let loader = loader
        let catalogs = CatalogProvider(initial: try loader.load(), watchedFiles: {
            [pricing.appendingPathComponent("AmazonEC2.csv").path]
        }, reload: { try loader.load() })
        let before = catalogs.current.snapshot
        try (Self.header + "us-east-1,nat-gateway/hours,hour,,not-a-price,2026-08-31,x,\n")
            .write(to: pricing.appendingPathComponent("AmazonEC2.csv"), atomically: true, encoding: .utf8)
        #expect(catalogs.checkForChanges() == nil)
        #expect(catalogs.current.snapshot == before)
        try Self.sheet(hourly: "0.05").write(to: pricing.appendingPathComponent("AmazonEC2.csv"), atomically: true, encoding: .utf8)
        #expect(catalogs.checkForChanges() != nil)
        #expect(catalogs.current.snapshot != before)
    }
}
