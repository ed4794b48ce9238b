import CostPlan
import CostPlanRateSheets
import CostPlanServer
import CostPlanStore
import Foundation
import Hummingbird
import Logging

/// `costplan serve`: logs to standard error, announces the plans it serves, runs the server until
/// stopped; a port in use (or any failure to serve) exits 1 with what to do.
public enum ServeRun {
    /// The plans `serve` shows without `--plans`: the repository's `examples/` when the working
    /// folder has one (`swift run costplan serve`), else the working folder itself, so an
    /// installed costplan started in a project shows that project's plans.
    public static func defaultPlans() -> [String] {
        var isDirectory: ObjCBool = false
        let hasExamples = FileManager.default.fileExists(atPath: "examples", isDirectory: &isDirectory) && isDirectory.boolValue
        return hasExamples ? ["examples"] : ["."]
    }

    /// What is wrong with the server options, if anything (`plans` must exist).
    public static func problem(port: Int, maxConnections: Int?, maxComponents: Int, plans: [String]) -> String? {
        guard (1...65535).contains(port) else { return "--port must be between 1 and 65535" }
        if let maxConnections, maxConnections < 1 { return "--max-connections must be at least 1" }
        guard maxComponents >= 1 else { return "--max-components must be at least 1" }
        if let path = plans.first(where: { !FileManager.default.fileExists(atPath: $0) }) { return "--plans \(path): no such file or folder" }
        return nil
    }

    /// Serves with `settings` and the stylesheet built into costplan, pricing with `catalog` and
    /// reloading it through `loader` when its files change.
    public static func run(_ settings: ServerSettings, catalog: InMemoryPriceCatalog, loader: CatalogLoader,
                           logLevel: Logger.Level) async throws {
        var settings = settings
        settings.stylesheet = EmbeddedAssets.stylesheet
        // The server never opens the store: it is handed the files to watch and how to reload.
        let catalogs = CatalogProvider(initial: catalog, watchedFiles: { loader.watchedFiles() }, reload: { try loader.load() })
        var logger = Logger(label: "costplan", factory: StandardErrorLogHandler.init)
        logger.logLevel = logLevel
        let scan = PlanFiles.scan(settings.plans)
        for warning in scan.warnings { Output.error(warning) }
        let count = scan.files.count
        let (host, port) = (settings.host, settings.port)
        let app = buildApplication(settings, catalogs: catalogs, logger: logger) {
            Output.error("costplan: serving \(count) plans on http://\(host):\(port)/ (Ctrl-C stops)")
        }
        do {
            try await app.runService()
        } catch {
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
                throw CommandFailure("costplan: error: port \(port) on \(host) is already in use; stop the other server or pick another with --port",
                                     status: 1)
            }
            throw CommandFailure("costplan: error: cannot serve on \(host):\(port): \(text)", status: 1)
        }
    }
}
