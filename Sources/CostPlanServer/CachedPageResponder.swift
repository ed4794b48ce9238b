import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fast path of `costplan serve`: answers a GET or HEAD for a page in the `PageCache`
/// straight from the event loop, with the headers the router would send, and passes every other
/// request on to the router unchanged. It sits in each connection's pipeline between
/// `ConnectionGuard` (which turns hostile requests away and owns the connection's timers) and
/// Hummingbird.
///
/// Order on a connection is kept: a request is answered here only while no earlier request is
/// still with the router. Requests that ask to close or upgrade the connection, carry a body, or
/// arrive while the socket is not writable go to the router. Pages are cached only after the
/// router has served them once, so the router's rules (routes, plan reloads, 404s) stay the only
/// rules; this is a cache in front of it.
final class CachedPageResponder: HTTPPartsHandler {
    private let cache: PageCache
    private let logger: Logger
    /// Requests passed to the router whose response has not ended yet.
    private var withRouter = 0
    /// True from the head to the end of a request answered here (its body and end are dropped).
    private var answering = false
    private var date = HTTPDate()

    init(cache: PageCache, logger: Logger) {
        self.cache = cache
        self.logger = logger
    }

    /// The headers of every page response, as `SecurityHeadersMiddleware` and the pages send them.
    static let pageHeaders: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .cacheControl: "no-cache",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        .contentSecurityPolicy: SecurityHeaders.contentSecurityPolicy,
        .server: "costplan",
    ]

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch part {
        case let .head(request):
            if withRouter == 0, let body = cachedPage(for: request, channel: context.channel) {
                answering = true
                respond(context: context, request: request, body: body)
            } else {
                withRouter += 1
                context.fireChannelRead(data)
            }
        case .body, .end:
            if answering {
                if case .end = part { answering = false }
            } else {
                context.fireChannelRead(data)
            }
        }
    }

    private func cachedPage(for request: HTTPRequest, channel: Channel) -> ByteBuffer? {
        guard request.method == .get || request.method == .head, let target = request.path,
              request.headerFields[.contentLength] == nil, request.headerFields[.transferEncoding] == nil,
              !Self.closesOrUpgrades(request.headerFields[.connection]), channel.isWritable
        else { return nil }
        return cache.page(for: target)
    }

    /// True for a `Connection` header asking to close or upgrade (`keep-alive` is fine).
    static func closesOrUpgrades(_ connection: String?) -> Bool {
        guard let value = connection?.lowercased() else { return false }
        return value.contains("close") || value.contains("upgrade")
    }

    private func respond(context: ChannelHandlerContext, request: HTTPRequest, body: ByteBuffer) {
        logger.info("Request", metadata: [
            "hb.request.path": .string(request.path ?? ""),
            "hb.request.method": .string(request.method.rawValue),
            "costplan.page": "cached",
        ])
        var headers = Self.pageHeaders
        headers[.contentLength] = String(body.readableBytes)
        headers[.date] = date.now()
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .ok, headerFields: headers))), promise: nil)
        if request.method == .get {
            context.write(wrapOutboundOut(.body(body)), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    // MARK: Outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { withRouter = max(0, withRouter - 1) }
        context.write(data, promise: promise)
    }
}

/// The `Date` header value (RFC 9110 IMF-fixdate), formatted at most once a second.
struct HTTPDate {
    private var second = -1
    private var text = ""

    mutating func now() -> String {
        var now = time(nil)
        guard Int(now) != second else { return text }
        var parts = tm()
        gmtime_r(&now, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        text = "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
        second = Int(now)
        return text
    }
}
