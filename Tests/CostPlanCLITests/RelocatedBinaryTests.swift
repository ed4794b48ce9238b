import CostPlanTestSupport
import Foundation
import Testing

/// The built `costplan` copied alone into an empty folder and run from another folder with an
/// empty HOME and nothing else in its environment: the rates are inside the binary, the catalog
/// cache goes to $HOME/.cache/costplan/, and the working folder is left as it was.
@Suite(.serialized)
struct RelocatedBinaryTests {
    /// A scratch layout: `bin/costplan` (the copy), `home/` (empty), `work/` (the plans).
    struct Sandbox {
        let root: URL
        var binary: URL { root.appendingPathComponent("bin/costplan") }
        var home: URL { root.appendingPathComponent("home") }
        var work: URL { root.appendingPathComponent("work") }
        var environment: [String: String] { ["HOME": home.path, "PATH": "/usr/bin:/bin"] }

        init() throws {
            guard let built = CostplanProcess.executable else { throw CostplanProcess.NotBuilt() }
            root = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-relocated-\(UUID().uuidString)")
            for folder in ["bin", "home", "work"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try FileManager.default.copyItem(at: built, to: binary)
            let plan = try String(contentsOfFile: TestRepository.example("muejam-library.yaml"), encoding: .utf8)
            try plan.write(to: work.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
            // The head plan: a fourth NAT gateway.
            let head = plan.replacingOccurrences(of: "type: nat_gateway\n        description: NAT gateways, one per AZ (us-east-1a/b/c)\n        count: 3",
                                                 with: "type: nat_gateway\n        description: NAT gateways, one per AZ (us-east-1a/b/c)\n        count: 4")
            precondition(head != plan, "the example changed; update the head plan's edit")
            try head.write(to: work.appendingPathComponent("head.yaml"), atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> CostplanProcess.Result {
            try CostplanProcess.run(binary, arguments, in: work, environment: environment)
        }

        func workListing() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func estimatesAndDiffsWithTheBuiltInRates() throws {
        let box = try Sandbox()
        defer { box.remove() }

        let estimate = try box.run(["estimate", "base.yaml"])
        #expect(estimate.status == 0, "\(estimate.stderr)")
        // The README's figures for this example (production, staging, dev), to the cent.
        let total = estimate.stdout.split(separator: "\n").first { $0.hasPrefix("TOTAL") }?.split(separator: " ").map(String.init)
        #expect(total == ["TOTAL", "1,880.84", "504.47", "220.89"])
        #expect(estimate.stdout.contains("pricing/ (") && !estimate.stderr.contains("error"))

        // The same estimate as the repository build with the pricing/ folder: same JSON, same snapshot.
        let copied = try box.run(["estimate", "base.yaml", "--format", "json"])
        let reference = try CLI.run(["estimate", box.work.appendingPathComponent("base.yaml").path, "--format", "json"])
        #expect(copied.status == 0 && reference.status == 0)
        #expect(copied.stdout.replacingOccurrences(of: box.work.appendingPathComponent("base.yaml").path, with: "base.yaml")
                == reference.stdout.replacingOccurrences(of: box.work.appendingPathComponent("base.yaml").path, with: "base.yaml"))

        let diff = try box.run(["diff", "base.yaml", "head.yaml", "--format", "markdown"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.hasPrefix("<!-- costplan-diff -->\n"))
        #expect(diff.stdout.contains("nat"))

        // Nothing written into the working folder; the cache is under $HOME/.cache/costplan/.
        #expect(try box.workListing() == ["base.yaml", "head.yaml"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.home.appendingPathComponent(".cache/costplan").path) == ["catalog.sqlite"])
    }

    /// `report` from a copied binary (no `Public/` folder anywhere near) writes the site with the
    /// stylesheet built into the binary, byte for byte the repository's `Public/costplan.css`.
    @Test func reportsWithTheBuiltInStylesheet() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let report = try box.run(["report", "base.yaml", "--out", "site"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("to site/index.html"), "\(report.stdout)")
        let written = try Data(contentsOf: box.work.appendingPathComponent("site/assets/costplan.css"))
        let repository = try Data(contentsOf: TestRepository.root.appendingPathComponent("Public/costplan.css"))
        #expect(written == repository)
        let index = try String(contentsOf: box.work.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(index.contains("href=\"assets/costplan.css\""))
    }

    /// `XDG_CACHE_HOME` moves the cache; `pricing info` says where the sheets and the catalog are.
    @Test func theCacheFollowsXDGAndPricingInfoSaysWhere() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let cache = box.root.appendingPathComponent("xdg")
        var environment = box.environment
        environment["XDG_CACHE_HOME"] = cache.path
        let info = try CostplanProcess.run(box.binary, ["pricing", "info"], in: box.work, environment: environment)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("Rate sheets: the 19 rate sheets built into costplan") || info.stdout.contains("rate sheets built into costplan"))
        #expect(info.stdout.contains("Catalog file: \(cache.path)/costplan/catalog.sqlite"))
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("costplan/catalog.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: box.home.appendingPathComponent(".cache").path))
        #expect(try box.workListing() == ["base.yaml", "head.yaml"])
    }

    /// Processes started together on an empty cache all succeed and leave one catalog file.
    @Test func concurrentFirstRunsShareOneCache() async throws {
        let box = try Sandbox()
        defer { box.remove() }
        let results = try await withThrowingTaskGroup(of: CostplanProcess.Result.self) { group in
            for _ in 0..<6 { group.addTask { try box.run(["estimate", "base.yaml", "--format", "json"]) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.map(\.status) == Array(repeating: 0, count: 6), "\(results.map(\.stderr))")
        #expect(Set(results.map(\.stdout)).count == 1)
        let cacheFiles = try FileManager.default.contentsOfDirectory(atPath: box.home.appendingPathComponent(".cache/costplan").path)
        #expect(cacheFiles.filter { $0.hasSuffix(".sqlite") } == ["catalog.sqlite"])
        #expect(try box.workListing() == ["base.yaml", "head.yaml"])
    }
}
