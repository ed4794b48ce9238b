import CostPlan
import CostPlanReports
import Foundation
import Hummingbird
import Logging
import NIOCore

/// How `costplan serve` runs.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// Plan files and folders shown by the site.
    public var plans: [String]
    /// The folder of static assets (`Public/`), served under `/assets/`.
    public var publicDirectory: String
    /// A connection with no request or response under way for this long is closed.
    public var idleTimeout: Duration
    /// A connection in the middle of a request body that sends nothing for this long is closed.
    public var bodyReadTimeout: Duration
    /// Names answered for in `Host` besides the loopback names and the bound address (`*`: any).
    public var allowedHosts: [String]
    /// Connections open at once (see `ConnectionLimiter`).
    public var maxConnections: Int
    /// Components (all environments together) in a plan the server prices, posted or served.
    public var maxComponents: Int
    /// Worker threads for parsing, pricing and rendering (nil: one per core).
    public var workerThreads: Int?
    /// Jobs admitted to the worker pool at once before requests get 503 (nil: four per thread).
    public var maxWorkerJobs: Int?
    /// A plan file modified less than this long ago is not adopted yet.
    public var planSettleTime: Duration
    /// How often the catalog's files are checked for changes.
    public var catalogCheckInterval: Duration
    /// The stylesheet served as `/assets/costplan.css` when `publicDirectory` has none (the one
    /// built into the executable, so a copied binary serves styled pages).
    public var stylesheet: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, plans: [String] = ["examples"], publicDirectory: String = "Public",
                idleTimeout: Duration = .seconds(30), bodyReadTimeout: Duration = .seconds(10), allowedHosts: [String] = [],
                maxConnections: Int = ConnectionLimiter.defaultMaxConnections, maxComponents: Int = ServerSettings.defaultMaxComponents,
                workerThreads: Int? = nil, maxWorkerJobs: Int? = nil, planSettleTime: Duration = .milliseconds(100),
                catalogCheckInterval: Duration = .seconds(1)) {
        self.host = host
        self.port = port
        self.plans = plans
        self.publicDirectory = publicDirectory
        self.idleTimeout = idleTimeout
        self.bodyReadTimeout = bodyReadTimeout
        self.allowedHosts = allowedHosts
        self.maxConnections = maxConnections
        self.maxComponents = maxComponents
        self.workerThreads = workerThreads
        self.maxWorkerJobs = maxWorkerJobs
        self.planSettleTime = planSettleTime
        self.catalogCheckInterval = catalogCheckInterval
    }

    /// The default component limit: generous for real systems (the largest example Terraform
    /// plan maps to 1,750), small enough that one plan costs about a second of CPU.
    public static let defaultMaxComponents = 5_000
}

/// The web reports application: pages, the JSON API and assets, for the plans in `settings`
/// priced with `catalog`. The server never opens the SQLite store itself.
/// `onRunning` is called once the port is bound. Pages served once are then answered from
/// `pageCache` by `CachedPageResponder` on the event loop.
public func buildApplication(_ settings: ServerSettings, catalog: some PriceCatalog, logger: Logger,
                             pageCache cache: PageCache = PageCache(),
                             onRunning: @escaping @Sendable () async -> Void = {}) -> some ApplicationProtocol {
    buildApplication(settings, catalogs: CatalogProvider(catalog), logger: logger, pageCache: cache, onRunning: onRunning)
}

/// The web reports application pricing with `catalogs.current`; while it runs, the catalog's
/// files are checked every `settings.catalogCheckInterval` and a new snapshot is adopted (every
/// page is re-rendered with it). CPU work runs on `workers` (default: a pool made from
/// `settings.workerThreads` and `settings.maxWorkerJobs`). The threads created here (event loops,
/// workers) run at the process's priority, not the calling thread's (see `ThreadPriority`).
public func buildApplication(_ settings: ServerSettings, catalogs: CatalogProvider, logger: Logger,
                             pageCache cache: PageCache = PageCache(), workers: WorkerPool? = nil,
                             onRunning: @escaping @Sendable () async -> Void = {}) -> some ApplicationProtocol {
    ThreadPriority.adoptProcessPriority()   // the threads created below run at the process's priority
    let workers = workers ?? WorkerPool(threads: settings.workerThreads, maxJobs: settings.maxWorkerJobs)
    let library = PlanLibrary(sources: settings.plans, catalogs: catalogs, workers: workers,
                              maxComponents: settings.maxComponents, settleTime: settings.planSettleTime)
    let router = buildRouter(library: library, publicDirectory: settings.publicDirectory, stylesheet: settings.stylesheet,
                             pageCache: cache, logger: logger)
    catalogs.onChange { snapshot in cache.catalogChanged(to: snapshot.id) }
    let rules = ConnectionRules(
        allowedHosts: AllowedHosts(boundTo: settings.host, extra: settings.allowedHosts),
        bodyReadTimeout: TimeAmount(settings.bodyReadTimeout), idleTimeout: TimeAmount(settings.idleTimeout),
        limiter: ConnectionLimiter(maxConnections: settings.maxConnections))
    let interval = TimeAmount(settings.catalogCheckInterval)
    return Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [
            ConnectionGuard(rules: rules, logger: logger),
            // Cached pages are answered on the event loop.
            CachedPageResponder(cache: cache, logger: logger),
        ])),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "costplan"),
        onServerRunning: { channel in
            watchCatalog(catalogs, every: interval, on: channel, workers: workers, logger: logger)
            await onRunning()
        },
        logger: logger
    )
}

/// Checks the catalog's files every `interval` on the worker pool (a round is skipped when the
/// pool is full) until the server channel closes.
private func watchCatalog(_ catalogs: CatalogProvider, every interval: TimeAmount, on channel: any Channel,
                          workers: WorkerPool, logger: Logger) {
    let eventLoop = channel.eventLoop
    let task = eventLoop.scheduleRepeatedAsyncTask(initialDelay: interval, delay: interval) { _ in
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask {
            do { _ = try await workers.run { catalogs.checkForChanges(logger: logger) } } catch {
                logger.debug("Catalog check skipped", metadata: ["costplan.error": .string("\(error)")])
            }
        }
        return promise.futureResult
    }
    channel.closeFuture.whenComplete { _ in task.cancel() }
}

/// The routes: pages (GET/HEAD), `/api/…`, `/healthz` and `/assets/…` from `publicDirectory`
/// (`stylesheet` answers for `/assets/costplan.css` when that folder has none). Pages served are
/// also stored in `pageCache` for `CachedPageResponder`. The library's worker pool does the CPU work.
public func buildRouter(library: PlanLibrary, publicDirectory: String, stylesheet: String? = nil,
                        pageCache: PageCache = PageCache(),
                        logger: Logger = Logger(label: "costplan")) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: NotFoundPageMiddleware(library: library))
    if FileManager.default.fileExists(atPath: publicDirectory) {   // else it would log "Serving files from" a missing folder
        router.add(middleware: FileMiddleware(publicDirectory, urlBasePath: "/assets", searchForIndexHtml: false, logger: logger))
    }
    PagesController(library: library, workers: library.workers, cache: pageCache).addRoutes(to: router)
    APIController(library: library, catalogs: library.catalogs, workers: library.workers, maxComponents: library.maxComponents)
        .addRoutes(to: router)
    router.get("/healthz") { _, _ in Response.text("ok\n") }
    // Routes come before the file middleware's files, so the built-in stylesheet is routed only
    // when the folder has none (decided at start, as the folder is).
    if let stylesheet, !FileManager.default.fileExists(atPath: URL(fileURLWithPath: publicDirectory).appendingPathComponent("costplan.css").path) {
        for method in [HTTPRequest.Method.get, .head] {
            router.on("/assets/costplan.css", method: method) { _, _ in
                let body = ByteBuffer(string: stylesheet)
                return Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .contentLength: "\(body.readableBytes)"],
                                body: method == .head ? ResponseBody() : ResponseBody(byteBuffer: body))
            }
        }
    }
    return router
}

/// Headers on every response: no MIME sniffing, no framing, resources from this site only.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.contentSecurityPolicy] = SecurityHeaders.contentSecurityPolicy
        return response
    }
}

/// An address no route or asset answers gets the site's "not found" page (naming the pricing
/// snapshot, as every page does) instead of an empty 404.
struct NotFoundPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let library: PlanLibrary

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && (request.method == .get || request.method == .head) {
            return .html(HTMLPages.notFound(links: SiteLinks(root: "/"), snapshot: library.snapshot), status: .notFound)
        }
    }
}

enum SecurityHeaders {
    /// Resources from this site only; no scripts at all (the pages need none).
    static let contentSecurityPolicy = "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'"
}

extension Response {
    static func html(_ buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                 body: .init(byteBuffer: buffer))
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        html(ByteBuffer(string: text), status: status)
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
