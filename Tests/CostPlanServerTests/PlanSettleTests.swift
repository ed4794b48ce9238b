import CostPlan
import CostPlanServer
import CostPlanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A plan file modified moments ago may be half-written (issue 17 item 6): the server keeps
/// showing the previous version until the file has been left alone for the settle time.
@Suite(.serialized)
struct PlanSettleTests {
    let plans: URL
    let file: URL

    init() throws {
        plans = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-settle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        file = plans.appendingPathComponent("muejam-library.yaml")
        try FileManager.default.copyItem(at: TestRepository.root.appendingPathComponent("examples/muejam-library.yaml"), to: file)
        try age(file)
    }

    /// Sets the file's modification time a minute back: long settled.
    func age(_ url: URL) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: url.path)
    }

    @Test func aFreshlyModifiedPlanIsNotAdoptedUntilItSettles() async throws {
        // A long settle time, so the "not yet" step cannot race the clock on a slow machine.
        let library = PlanLibrary(sources: [plans.path], catalogs: CatalogProvider(TestRepository.catalog), workers: WorkerPool(),
                                  settleTime: .seconds(30))
        let router = buildRouter(library: library, publicDirectory: TestRepository.root.appendingPathComponent("Public").path)
        try await Application(router: router).test(.router) { client in
            #expect(String(buffer: try await client.execute(uri: "/plans/muejam-library.html", method: .get).body).contains("1,031.50"))
            // Written in place, as an editor without atomic saves does: the page stays as it was.
            let text = try String(contentsOf: file, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "instance_class: db.r6g.xlarge", with: "instance_class: db.r6g.2xlarge").utf8)
                .write(to: file)
            let early = String(buffer: try await client.execute(uri: "/plans/muejam-library.html", method: .get).body)
            #expect(early.contains("1,031.50") && !early.contains("1,687.04"))
            try age(file)
            // db.r6g.2xlarge Multi-AZ 1.798 × 730 = 1,312.54 + replicas 328.50 + storage 46.00 = 1,687.04
            let settled = String(buffer: try await client.execute(uri: "/plans/muejam-library.html", method: .get).body)
            #expect(settled.contains("1,687.04") && !settled.contains("1,031.50"))
        }
    }

    @Test func aNewPlanIsShownOnceItSettles() async throws {
        let library = PlanLibrary(sources: [plans.path], catalogs: CatalogProvider(TestRepository.catalog), workers: WorkerPool(),
                                  settleTime: .milliseconds(300))
        let copy = plans.appendingPathComponent("copy.yaml")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "name: muejam-library", with: "name: copy")
            .write(to: copy, atomically: true, encoding: .utf8)
        // Just written: loading waits out the settle time instead of showing nothing.
        let names = try await library.all().map(\.name)
        #expect(names == ["copy", "muejam-library"])
    }
}
