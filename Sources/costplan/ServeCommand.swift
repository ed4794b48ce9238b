import ArgumentParser
import CostPlan
import CostPlanConsole
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
            changes (write plan files atomically: a file modified in the last 100 ms is not adopted yet). \
            The catalog is checked every second and a new snapshot (after `pricing import` or a sheet \
            edit) is used at once. JSON API: GET /api/plans, GET /api/plans/NAME, POST /api/estimate, \
            POST /api/diff; GET /healthz. Requests must name an allowed host (loopback names and the \
            --host address; see --allowed-host).
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

    @Option(name: .customLong("allowed-host"), help: ArgumentHelp(
        "Also answer requests for this Host name (repeat for several; * for any).",
        discussion: "By default only localhost, 127.0.0.1, ::1 and the --host address are answered (421 otherwise), "
            + "so a web page cannot read the reports through a DNS name that points at this machine.",
        valueName: "name"))
    var allowedHosts: [String] = []

    @Option(name: .customLong("max-connections"), help: ArgumentHelp(
        "Connections open at once; at the limit the longest-silent connection is closed for a new one.",
        discussion: "Default: half of the open-file limit after 64 (ulimit -n 512: 224), at most 4096.", valueName: "n"))
    var maxConnections: Int?

    @Option(name: .customLong("max-components"), help: ArgumentHelp(
        "The most components (all environments together) in a plan the server prices, posted or shown; larger ones get 413 or an error page.",
        valueName: "n"))
    var maxComponents = ServerSettings.defaultMaxComponents

    @Option(name: .customLong("log-level"), help: ArgumentHelp(
        "Log level: info logs one line per request; warning logs problems only.", valueName: "level"))
    var logLevel: Logger.Level = .info

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be at least 1") }
        guard maxComponents >= 1 else { throw ValidationError("--max-components must be at least 1") }
        for path in plans where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("--plans \(path): no such file or folder")
        }
    }

    func run() async throws {
        let loaded = try catalog.load()
        let loader = try catalog.loader()
        // The server never opens the store: it is handed the files to watch and how to reload.
        let catalogs = CatalogProvider(initial: loaded, watchedFiles: { loader.watchedFiles() }, reload: { try loader.load() })
        var logger = Logger(label: "costplan", factory: StandardErrorLogHandler.init)
        logger.logLevel = logLevel
        let scan = PlanFiles.scan(plans)
        for warning in scan.warnings { Output.error(warning) }
        let count = scan.files.count
        let (host, port) = (host, port)
        var settings = ServerSettings(host: host, port: port, plans: plans, publicDirectory: publicDirectory,
                                      allowedHosts: allowedHosts, maxComponents: maxComponents)
        if let maxConnections { settings.maxConnections = maxConnections }
        let app = buildApplication(settings, catalogs: catalogs, logger: logger) {
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
