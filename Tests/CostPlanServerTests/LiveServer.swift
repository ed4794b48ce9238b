import CostPlan
import CostPlanServer
import CostPlanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// A live `costplan serve` application on a free loopback port over a temporary plans folder
/// holding the muejam-library example, for tests that need real sockets.
struct LiveServer {
    let plans: URL
    let log = CapturedLog()

    init() throws {
        plans = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestRepository.root.appendingPathComponent("examples/muejam-library.yaml"),
                                         to: plans.appendingPathComponent("muejam-library.yaml"))
    }

    /// Settings for this folder; `change` adjusts them.
    func settings(_ change: (inout ServerSettings) -> Void = { _ in }) -> ServerSettings {
        var settings = ServerSettings(host: "127.0.0.1", port: 0, plans: [plans.path],
                                      publicDirectory: TestRepository.root.appendingPathComponent("Public").path)
        change(&settings)
        return settings
    }

    /// Runs `test` against the server with the port.
    func run(_ settings: ServerSettings, catalogs: CatalogProvider = CatalogProvider(TestRepository.catalog),
             workers: WorkerPool? = nil, _ test: @Sendable (any TestClientProtocol, Int) async throws -> Void) async throws {
        let log = log
        var logger = Logger(label: "test") { _ in log }
        logger.logLevel = .info
        let app = buildApplication(settings, catalogs: catalogs, logger: logger, workers: workers)
        try await app.test(.live) { client in try await test(client, try #require(client.port)) }
    }
}
