import CostPlan
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

    public init(host: String = "127.0.0.1", port: Int = 8080, plans: [String] = ["examples"], publicDirectory: String = "Public",
                idleTimeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port
        self.plans = plans
        self.publicDirectory = publicDirectory
        self.idleTimeout = idleTimeout
    }
}

/// The web reports application: pages, the JSON API and assets, for the plans in `settings`
/// priced with `catalog`. The server never opens the SQLite store itself.
/// `onRunning` is called once the port is bound. Pages served once are then answered from
/// `pageCache` by `CachedPageResponder` on the event loop.
public func buildApplication(_ settings: ServerSettings, catalog: some PriceCatalog, logger: Logger,
                             pageCache cache: PageCache = PageCache(),
                             onRunning: @escaping @Sendable () async -> Void = {}) -> some ApplicationProtocol {
    let library = PlanLibrary(sources: settings.plans, catalog: catalog)
    let router = buildRouter(library: library, catalog: catalog, publicDirectory: settings.publicDirectory,
                             pageCache: cache, logger: logger)
    // Cached pages are answered on the event loop; the responder also owns the idle timeout.
    let (responderLogger, idleTimeout) = (logger, TimeAmount(settings.idleTimeout))
    return Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [
            CachedPageResponder(cache: cache, logger: responderLogger, idleTimeout: idleTimeout),
        ])),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "costplan"),
        onServerRunning: { _ in await onRunning() },
        logger: logger
    )
}

/// The routes: pages (GET/HEAD), `/api/…`, `/healthz` and `/assets/…` from `publicDirectory`.
/// Pages served are also stored in `pageCache` for `CachedPageResponder`.
public func buildRouter(library: PlanLibrary, catalog: some PriceCatalog, publicDirectory: String,
                        pageCache: PageCache = PageCache(),
                        logger: Logger = Logger(label: "costplan")) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: FileMiddleware(publicDirectory, urlBasePath: "/assets", searchForIndexHtml: false, logger: logger))
    PagesController(library: library, catalog: catalog, cache: pageCache).addRoutes(to: router)
    APIController(library: library, catalog: catalog).addRoutes(to: router)
    router.get("/healthz") { _, _ in Response.text("ok\n") }
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
