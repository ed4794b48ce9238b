import Foundation
import NIOCore
import NIOPosix

/// A real HTTP/1.1 server on 127.0.0.1 (a free port) for tests: answers each path with canned
/// responses, records every request, and misbehaves on purpose when told to (fail first, cut a
/// body short of its `Content-Length`). One response per connection (`Connection: close`).
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// A canned response.
    public struct Response: Sendable {
        public var status: Int
        public var reason: String
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// Send only this many body bytes and close, while `Content-Length` announces the whole body.
        public var cutAfter: Int?

        public init(status: Int = 200, reason: String = "OK", headers: [(String, String)] = [], body: [UInt8] = [], cutAfter: Int? = nil) {
            self.status = status
            self.reason = reason
            self.headers = headers
            self.body = body
            self.cutAfter = cutAfter
        }

        /// 200 with `body`.
        public static func ok(_ body: String, contentType: String = "application/octet-stream") -> Response {
            Response(headers: [("Content-Type", contentType)], body: Array(body.utf8))
        }

        /// 200 with the bytes of the file at `path`.
        public static func file(_ path: String) throws -> Response {
            Response(headers: [("Content-Type", "application/octet-stream")], body: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }

        /// A bodyless status reply, e.g. `.status(404, "Not Found")`.
        public static func status(_ code: Int, _ reason: String) -> Response {
            Response(status: code, reason: reason, headers: [("Content-Type", "text/plain")], body: Array("\(code) \(reason)\n".utf8))
        }
    }

    /// A request as the server received it.
    public struct Request: Sendable {
        public var method: String
        /// The path without the query.
        public var path: String
        public var headers: [String: String]
        public var body: [UInt8]
    }

    private let lock = NSLock()
    private var responses: [String: [Response]] = [:]
    private var received: [Request] = []
    private let channel: Channel
    /// The port the server listens on.
    public let port: Int
    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(channel: Channel, port: Int) {
        self.channel = channel
        self.port = port
    }

    /// Starts a server on a free port of 127.0.0.1.
    public static func start() async throws -> LoopbackHTTPServer {
        let box = ServerBox()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Handler(box: box)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = LoopbackHTTPServer(channel: channel, port: channel.localAddress?.port ?? 0)
        box.server = server
        return server
    }

    /// Answers `path` with `responses` in turn; the last one repeats. Paths not set get 404.
    public func serve(_ path: String, _ responses: Response...) {
        lock.withLock { self.responses[path] = responses }
    }

    /// Every request received so far, in order.
    public var requests: [Request] { lock.withLock { received } }

    /// How many requests asked for `path`.
    public func requestCount(_ path: String) -> Int { requests.filter { $0.path == path }.count }

    /// Stops listening.
    public func shutdown() async throws { try await channel.close() }

    fileprivate func respond(to request: Request) -> Response {
        lock.withLock {
            received.append(request)
            guard var queue = responses[request.path], !queue.isEmpty else { return .status(404, "Not Found") }
            let response = queue[0]
            if queue.count > 1 { queue.removeFirst(); responses[request.path] = queue }
            return response
        }
    }

    private final class ServerBox: @unchecked Sendable {
        var server: LoopbackHTTPServer?
    }

    /// Reads one request (head, then `Content-Length` bytes of body), writes the response, closes.
    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let box: ServerBox
        var pending: [UInt8] = []
        var answered = false

        init(box: ServerBox) { self.box = box }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            pending += buffer.readBytes(length: buffer.readableBytes) ?? []
            guard !answered, let request = parse() else { return }
            answered = true
            let response = box.server!.respond(to: request)
            var head = "HTTP/1.1 \(response.status) \(response.reason)\r\nContent-Length: \(response.body.count)\r\nConnection: close\r\n"
            for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
            head += "\r\n"
            var out = context.channel.allocator.buffer(capacity: head.utf8.count + response.body.count)
            out.writeString(head)
            if request.method != "HEAD" { out.writeBytes(response.body.prefix(response.cutAfter ?? response.body.count)) }
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(out)).whenComplete { _ in bound.value.close(promise: nil) }
        }

        /// The request once its head and body are complete.
        func parse() -> Request? {
            let separator: [UInt8] = [13, 10, 13, 10]
            guard let end = pending.indices.dropLast(3).first(where: { Array(pending[$0..<$0 + 4]) == separator }) else { return nil }
            let lines = String(decoding: pending[..<end], as: UTF8.self).components(separatedBy: "\r\n")
            let parts = lines[0].split(separator: " ")
            guard parts.count >= 2 else { return nil }
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let length = Int(headers["content-length"] ?? "0") ?? 0
            guard pending.count >= end + 4 + length else { return nil }
            let target = String(parts[1])
            return Request(method: String(parts[0]), path: String(target.split(separator: "?", maxSplits: 1).first ?? ""),
                           headers: headers, body: Array(pending[(end + 4)..<(end + 4 + length)]))
        }
    }
}
