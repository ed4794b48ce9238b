import ArgumentParser
import CostPlanConsole
import CostPlanServer
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

    @Option(help: ArgumentHelp("A plan file or a folder of plans to show (repeat for several).",
                               discussion: "Default: ./examples if it exists, else the working folder.", valueName: "path"))
    var plans: [String] = ServeRun.defaultPlans()

    @Option(name: .customLong("public-dir"), help: ArgumentHelp(
        "Folder of static assets served under /assets/; without it, the stylesheet built into costplan.", valueName: "dir"))
    var publicDirectory = "Public"

    @Option(name: .customLong("allowed-host"), help: ArgumentHelp(
        "Also answer requests for this Host name (repeat for several; * for any).",
        discussion: "By default only localhost, 127.0.0.1, ::1 and the --host address are answered (421 otherwise), "
            + "so a web page cannot read the reports through a DNS name that points at this machine.",
        valueName: "name"))
    var allowedHosts: [String] = []

    @Option(help: ArgumentHelp(
        "Connections open at once; at the limit the longest-silent connection is closed for a new one.",
        discussion: "Default: half of the open-file limit after 64 (ulimit -n 512: 224), at most 4096.", valueName: "n"))
    var maxConnections: Int?

    @Option(help: ArgumentHelp(
        "The most components (all environments together) in a plan the server prices, posted or shown; larger ones get 413 or an error page.",
        valueName: "n"))
    var maxComponents = ServerSettings.defaultMaxComponents

    @Option(help: ArgumentHelp("Log level: info logs one line per request; warning logs problems only.", valueName: "level"))
    var logLevel: Logger.Level = .info

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        if let problem = ServeRun.problem(port: port, maxConnections: maxConnections, maxComponents: maxComponents, plans: plans) {
            throw ValidationError(problem)
        }
    }

    func run() async throws {
        let settings = ServerSettings(
            host: host, port: port, plans: plans, publicDirectory: publicDirectory, allowedHosts: allowedHosts,
            maxConnections: maxConnections ?? ConnectionLimiter.defaultMaxConnections, maxComponents: maxComponents)
        try await ServeRun.run(settings, catalog: try catalog.access.load(), loader: try catalog.access.loader(), logLevel: logLevel)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
