import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// costplan's one way to talk HTTP: owns an AsyncHTTPClient (connect and read timeouts, a
/// `User-Agent`, the proxy from the environment) and offers two operations:
///
/// - `send(_:)` — a request whose reply body is collected in memory (up to a byte limit), for
///   small API calls and index files;
/// - `download(_:to:progress:)` — a GET streamed straight to a file (never held in memory),
///   checked against its `Content-Length`.
///
/// Both retry a bounded number of times, with doubling delays, on connection failures, resets,
/// truncated bodies and 5xx/429 replies (requests with a non-idempotent method, such as `POST`,
/// are not retried unless `HTTPRequest.retryable` says so). Failures throw `HTTPTransportError`,
/// which names the URL but never a header value.
///
/// Call `shutdown()` when done (or use `HTTPTransport.with(_:_:)`), as AsyncHTTPClient requires.
public final class HTTPTransport: Sendable {
    /// Timeouts, limits and identity of a transport.
    public struct Configuration: Sendable {
        /// Sent as `User-Agent` with every request.
        public var userAgent = "costplan/1 (+https://github.com/costplan/costplan)"
        /// Seconds to establish a connection.
        public var connectTimeout: Double = 10
        /// Seconds without receiving a byte before the exchange is abandoned.
        public var readTimeout: Double = 60
        /// Seconds a whole `send` may take (a download has no overall limit, only `readTimeout`).
        public var sendTimeout: Double = 120
        /// Attempts per request, the first included.
        public var maxAttempts = 3
        /// Seconds to wait before the first retry; each further retry waits twice as long.
        public var retryDelay: Double = 0.5
        /// The largest reply body `send` collects.
        public var maxReplyBytes = 32 << 20
        /// Seconds between two progress reports of a download.
        public var progressInterval: Double = 0.2
        /// The proxy for requests to hosts outside `HTTPProxy.bypass` (default: from the environment).
        public var proxy: HTTPProxy? = HTTPProxy.fromEnvironment()

        public init() {}
    }

    public let configuration: Configuration
    private let direct: HTTPClient
    private let proxied: HTTPClient?

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let timeout = HTTPClient.Configuration.Timeout(
            connect: .seconds(configuration.connectTimeout), read: .seconds(configuration.readTimeout))
        var client = HTTPClient.Configuration(timeout: timeout)
        // A refused connection fails the attempt at once; `withRetries` decides about retrying.
        client.connectionPool.retryConnectionEstablishment = false
        direct = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: client)
        proxied = configuration.proxy.map { proxy in
            var viaProxy = client
            viaProxy.proxy = .server(host: proxy.host, port: proxy.port)
            return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: viaProxy)
        }
    }

    /// Runs `body` with a new transport and shuts it down afterwards, whatever happens.
    public static func with<T: Sendable>(
        _ configuration: Configuration = Configuration(), _ body: (HTTPTransport) async throws -> T
    ) async throws -> T {
        let transport = HTTPTransport(configuration: configuration)
        do {
            let result = try await body(transport)
            try await transport.shutdown()
            return result
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }

    /// Closes every connection. The transport cannot be used afterwards.
    public func shutdown() async throws {
        try await direct.shutdown()
        try await proxied?.shutdown()
    }

    /// Sends `request` and returns the reply, whatever its status, with the body collected up to
    /// `Configuration.maxReplyBytes`. A retryable request that still gets a 5xx/429 reply after
    /// the last attempt returns that reply. Throws `HTTPTransportError` when no reply arrives.
    public func send(_ request: HTTPRequest) async throws -> HTTPReply {
        let outgoing = try makeRequest(method: request.method, url: request.url, headers: request.headers, body: request.body)
        return try await withRetries(method: request.method, url: request.url, retryable: request.retryable) { attempt in
            let response: HTTPClientResponse
            let body: ByteBuffer
            do {
                response = try await client(for: request.url).execute(outgoing, deadline: .now() + .seconds(configuration.sendTimeout))
                body = try await response.body.collect(upTo: configuration.maxReplyBytes)
            } catch is NIOTooManyBytesError {
                throw HTTPTransportError(method: request.method, url: request.url,
                                         kind: .bodyTooLarge(limit: configuration.maxReplyBytes), attempts: attempt)
            } catch {
                throw Self.connectionError(error, method: request.method, url: request.url, attempt: attempt)
            }
            let reply = HTTPReply(status: Int(response.status.code), reasonPhrase: response.status.reasonPhrase,
                                  headers: response.headers.map { HTTPHeader($0.name, $0.value) }, body: Data(body.readableBytesView))
            if request.retryable, reply.status >= 500 || reply.status == 429, attempt < configuration.maxAttempts {
                throw HTTPTransportError(method: request.method, url: request.url,
                                         kind: .status(reply.status, reply.reasonPhrase), attempts: attempt)
            }
            return reply
        }
    }

    /// Downloads `url` (GET) into the file at `path`, streaming: the body goes to disk as it
    /// arrives and is never held in memory. The file is created (mode 0600) or truncated; the
    /// reply must be 2xx and, when it announces a `Content-Length`, exactly that long. On
    /// failure the file is removed and `HTTPTransportError` is thrown (after the retries).
    /// `progress` is called at most every `Configuration.progressInterval` seconds and once
    /// when the body is complete.
    public func download(
        _ url: String, to path: String, headers: [HTTPHeader] = [],
        progress: (@Sendable (DownloadProgress) -> Void)? = nil
    ) async throws -> DownloadResult {
        let outgoing = try makeRequest(method: "GET", url: url, headers: headers, body: nil)
        do {
            return try await withRetries(method: "GET", url: url, retryable: true) { attempt in
                try await downloadOnce(outgoing, url: url, to: path, attempt: attempt, progress: progress)
            }
        } catch {
            unlink(path)
            throw error
        }
    }

    private func downloadOnce(
        _ request: HTTPClientRequest, url: String, to path: String, attempt: Int,
        progress: (@Sendable (DownloadProgress) -> Void)?
    ) async throws -> DownloadResult {
        let started = Date()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw HTTPTransportError(method: "GET", url: url, kind: .file(path: path, reason: String(cString: strerror(errno))), attempts: attempt)
        }
        defer { close(descriptor) }
        var received: Int64 = 0
        var expected: Int64?
        do {
            // No overall deadline: a large file may take long; the read timeout catches a stall.
            let response = try await client(for: url).execute(request, deadline: .distantFuture)
            guard (200..<300).contains(response.status.code) else {
                throw HTTPTransportError(method: "GET", url: url, kind: .status(Int(response.status.code), response.status.reasonPhrase),
                                         attempts: attempt)
            }
            expected = response.headers.first(name: "Content-Length").flatMap { Int64($0) }
            var lastReport = Date.distantPast
            for try await buffer in response.body {
                try Self.append(buffer, to: descriptor, path: path, url: url, attempt: attempt)
                received += Int64(buffer.readableBytes)
                if let progress, Date().timeIntervalSince(lastReport) >= configuration.progressInterval {
                    lastReport = Date()
                    progress(DownloadProgress(url: url, bytesReceived: received, expectedBytes: expected,
                                              seconds: Date().timeIntervalSince(started)))
                }
            }
            if let expected, received != expected {
                throw HTTPTransportError(method: "GET", url: url, kind: .truncated(received: received, expected: expected), attempts: attempt)
            }
            progress?(DownloadProgress(url: url, bytesReceived: received, expectedBytes: expected, seconds: Date().timeIntervalSince(started)))
            return DownloadResult(url: url, file: path, bytes: received, contentLength: expected,
                                  headers: response.headers.map { HTTPHeader($0.name, $0.value) },
                                  seconds: Date().timeIntervalSince(started), attempts: attempt)
        } catch let error as HTTPTransportError {
            throw error
        } catch {
            if let expected, received < expected, !(error is CancellationError) {
                throw HTTPTransportError(method: "GET", url: url, kind: .truncated(received: received, expected: expected), attempts: attempt)
            }
            throw Self.connectionError(error, method: "GET", url: url, attempt: attempt)
        }
    }

    private static func append(_ buffer: ByteBuffer, to descriptor: Int32, path: String, url: String, attempt: Int) throws {
        try buffer.withUnsafeReadableBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw HTTPTransportError(method: "GET", url: url, kind: .file(path: path, reason: String(cString: strerror(errno))),
                                             attempts: attempt)
                }
                offset += written
            }
        }
    }

    /// Runs `attempt` until it succeeds, fails for good, or `maxAttempts` is reached, waiting
    /// `retryDelay`, then twice that, … between attempts.
    private func withRetries<T>(method: String, url: String, retryable: Bool, _ attempt: (Int) async throws -> T) async throws -> T {
        var number = 1
        while true {
            do {
                return try await attempt(number)
            } catch let error as HTTPTransportError {
                guard retryable, error.isTransient, number < configuration.maxAttempts else { throw error }
                try await Task.sleep(for: .seconds(configuration.retryDelay * Double(1 << (number - 1))))
                number += 1
            }
        }
    }

    private func makeRequest(method: String, url: String, headers: [HTTPHeader], body: Data?) throws -> HTTPClientRequest {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
              parsed.host != nil else {
            throw HTTPTransportError(method: method, url: url, kind: .invalidURL, attempts: 0)
        }
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method.uppercased())
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        for header in headers {
            if header.name.caseInsensitiveCompare("User-Agent") == .orderedSame { request.headers.remove(name: "User-Agent") }
            request.headers.add(name: header.name, value: header.value)
        }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        return request
    }

    private func client(for url: String) -> HTTPClient {
        guard let proxied, let proxy = configuration.proxy, let host = URL(string: url)?.host, proxy.applies(toHost: host) else { return direct }
        return proxied
    }

    /// An error below HTTP (DNS, refused, reset, timeout) as an `HTTPTransportError`.
    private static func connectionError(_ error: Error, method: String, url: String, attempt: Int) -> Error {
        if error is CancellationError || error is HTTPTransportError { return error }
        return HTTPTransportError(method: method, url: url, kind: .connection(String(describing: error)), attempts: attempt)
    }
}

extension TimeAmount {
    fileprivate static func seconds(_ value: Double) -> TimeAmount { .nanoseconds(Int64(value * 1e9)) }
}
