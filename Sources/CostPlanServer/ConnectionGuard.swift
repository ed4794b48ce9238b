import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// The rules every connection of `costplan serve` is held to (see `ConnectionGuard`).
struct ConnectionRules: Sendable {
    var allowedHosts: AllowedHosts
    /// A connection in the middle of a request body that sends nothing for this long is closed.
    var bodyReadTimeout: TimeAmount
    /// A connection with no request or response under way for this long is closed.
    var idleTimeout: TimeAmount
    var limiter: ConnectionLimiter
}

/// The first handler after the HTTP codec on every connection: it turns away what a hostile or
/// broken client sends before the cached pages or the router see it, and owns the connection's
/// timers (it sees every request and every response, including those `CachedPageResponder`
/// answers).
///
/// - A request whose `Host` is not an allowed name gets 421 (400 without a `Host`); one
///   announcing a body over the API's limit (`APIController.maxBody`) gets 413 at once, without
///   its body being read. Either answer comes after the answers to earlier requests on the
///   connection, then it closes.
/// - `Expect: 100-continue` is answered with `100 Continue` when no earlier request is pending.
/// - A request body that stalls for `bodyReadTimeout` closes the connection; so does a
///   connection idle for `idleTimeout` (a head that never completes counts as idle).
/// - The connection takes a slot in the shared `ConnectionLimiter` while open.
final class ConnectionGuard: HTTPPartsHandler {
    private let rules: ConnectionRules
    private let logger: Logger
    private var slot: ConnectionLimiter.Slot?
    private var admitted = false
    /// Requests passed on whose response has not ended yet.
    private var inFlight = 0
    /// True from a passed-on request's head to its end.
    private var readingBody = false
    private var lastRead = NIODeadline.now()
    private var lastActivity = NIODeadline.now()
    private var timer: Scheduled<Void>?
    /// A refusal waiting for the answers to earlier requests; after it the connection closes.
    private var refusal: (HTTPResponse, ByteBuffer)?
    /// After a refusal nothing more is read from the connection.
    private var refusing = false
    private var date = HTTPDate()
    /// The last `Host` found allowed on this connection (most send the same one every time).
    private var allowedHost: String?

    init(rules: ConnectionRules, logger: Logger) {
        self.rules = rules
        self.logger = logger
    }

    /// The server is working on an answer for this connection (a request has fully arrived and
    /// its response has not ended): the limiter must not close it.
    private var isBusy: Bool { inFlight > (readingBody ? 1 : 0) }

    // MARK: Connection

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context: context)
        context.fireChannelActive()
    }

    private func admit(context: ChannelHandlerContext) {
        guard !admitted else { return }
        admitted = true
        guard let slot = rules.limiter.admit(context.channel) else {
            logger.warning("Connection refused: every connection is busy", metadata: [
                "costplan.connections": .stringConvertible(rules.limiter.maxConnections),
            ])
            context.close(promise: nil)
            return
        }
        self.slot = slot
        scheduleCheck(context: context, in: min(rules.idleTimeout, rules.bodyReadTimeout))
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        if let slot { rules.limiter.release(slot) }
        slot = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let slot { rules.limiter.release(slot) }
        slot = nil
        context.fireChannelInactive()
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refusing else { return }
        let now = NIODeadline.now()
        lastRead = now
        lastActivity = now
        switch unwrapInboundIn(data) {
        case let .head(request):
            if let refusal = reasonToRefuse(request) {
                refuse(context: context, refusal)
                return
            }
            if inFlight == 0, request.headerFields[.expect]?.lowercased() == "100-continue" {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
            }
            inFlight += 1
            readingBody = true
        case .body:
            break
        case .end:
            readingBody = false
        }
        slot?.update(lastRead: now, busy: isBusy)
        context.fireChannelRead(data)
    }

    /// The status and message for a request that is not served, or nil.
    private func reasonToRefuse(_ request: HTTPRequest) -> (HTTPResponse.Status, String)? {
        guard let host = request.authority else {
            return (.badRequest, "costplan: the request has no Host header; send one (e.g. Host: localhost)\n")
        }
        guard host == allowedHost || rules.allowedHosts.allows(host) else {
            return (.misdirectedRequest, "costplan: this server does not answer for the host '\(host)' (it answers for \(rules.allowedHosts)); "
                + "to serve it under that name, start it with --allowed-host \(AllowedHosts.hostPart(host))\n")
        }
        allowedHost = host
        if let announced = request.headerFields[.contentLength], let length = Int(announced), length > APIController.maxBody {
            return (.contentTooLarge, "costplan: the request body is \(length) bytes; "
                + "the server takes at most \(APIController.maxBody) bytes "
                + "(price larger plans with the costplan CLI)\n")
        }
        return nil
    }

    private func refuse(context: ChannelHandlerContext, _ refusal: (status: HTTPResponse.Status, message: String)) {
        logger.info("Request refused", metadata: [
            "hb.response.status": .stringConvertible(refusal.status.code),
        ])
        refusing = true
        readingBody = false
        let body = ByteBuffer(string: refusal.message)
        var headers: HTTPFields = [
            .contentType: "text/plain; charset=utf-8",
            .contentLength: String(body.readableBytes),
            .connection: "close",
            .xContentTypeOptions: "nosniff",
            .server: "costplan",
        ]
        headers[.date] = date.now()
        self.refusal = (HTTPResponse(status: refusal.status, headerFields: headers), body)
        if inFlight == 0 { sendRefusal(context: context) }
    }

    private func sendRefusal(context: ChannelHandlerContext) {
        guard let (head, body) = refusal else { return }
        refusal = nil
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    // MARK: Outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        lastActivity = .now()
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        inFlight = max(0, inFlight - 1)
        // The connection stays busy (never chosen to make room) until the response's last
        // bytes are written to the socket, not only queued: closing it sooner cuts the answer.
        let written = promise ?? context.eventLoop.makePromise(of: Void.self)
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        written.futureResult.whenComplete { _ in
            let handler = handler.value
            handler.slot?.update(lastRead: .now(), busy: handler.isBusy)
        }
        context.write(data, promise: written)
        if inFlight == 0, refusal != nil {
            context.flush()
            sendRefusal(context: context)
        }
    }

    // MARK: Timers

    private func scheduleCheck(context: ChannelHandlerContext, in delay: TimeAmount) {
        timer = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: delay) { [self] in
            let now = NIODeadline.now()
            if readingBody, now - lastRead >= rules.bodyReadTimeout {
                logger.info("Connection closed: the request body stalled", metadata: [
                    "costplan.timeout": .stringConvertible(rules.bodyReadTimeout),
                ])
                context.close(promise: nil)
            } else if inFlight == 0, !refusing, now - lastActivity >= rules.idleTimeout {
                context.close(promise: nil)
            } else {
                let next = readingBody ? rules.bodyReadTimeout - (now - lastRead) : rules.idleTimeout - (now - lastActivity)
                scheduleCheck(context: context, in: max(next, .milliseconds(100)))
            }
        }
    }
}
