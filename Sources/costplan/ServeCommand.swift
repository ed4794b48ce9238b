import ArgumentParser
import CostPlan
import CostPlanServer
import Foundation
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web reports: every plan's tiers side by side, scaling bands, charts, line items and rates.",
        discussion: """
            Pages are rendered once per plan and re-rendered on the first request after a plan file \
            changes. JSON API: GET /api/plans, GET /api/plans/NAME, POST /api/estimate; GET /healthz.
            """
    )

    @Option(help: "Address to listen on (use 0.0.0.0 to accept connections from other machines).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(name: .customLong("plans"), help: ArgumentHelp(
        "A plan file or a folder of plans to show (repeat for several).", valueName: "path"))
    var plans: [String] = ["examples"]

    @Option(name: .customLong("public-dir"), help: ArgumentHelp("Folder of static assets served under /assets/.", valueName: "dir"))
    var publicDirectory = "Public"

    @Option(name: .customLong("log-level"), help: ArgumentHelp(
        "Log level: info logs one line per request; warning logs problems only.", valueName: "level"))
    var logLevel: Logger.Level = .info

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        for path in plans where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("--plans \(path): no such file or folder")
        }
    }

    func run() async throws {
        let loaded = try catalog.load()
        var logger = Logger(label: "costplan", factory: StandardErrorLogHandler.init)
        logger.logLevel = logLevel
        let scan = PlanFiles.scan(plans)
        for warning in scan.warnings { Output.error(warning) }
        let count = scan.files.count
        let (host, port) = (host, port)
        let app = buildApplication(ServerSettings(host: host, port: port, plans: plans, publicDirectory: publicDirectory),
                                   catalog: loaded, logger: logger) {
            Output.error("costplan: serving \(count) plans on http://\(host):\(port)/ (Ctrl-C stops)")
        }
        do {
            try await app.runService()
        } catch {
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
                Output.error("costplan: error: port \(port) on \(host) is already in use; stop the other server or pick another with --port")
            } else {
                Output.error("costplan: error: cannot serve on \(host):\(port): \(text)")
            }
            throw ExitCode(1)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
