import CostPlan
import CostPlanServer
import CostPlanTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The cached-page fast path over a real socket: the same bytes as the router, plan edits seen
/// at once, request order kept on a connection, HEAD and `Connection: close` honoured.
@Suite(.serialized)
struct CachedPageTests {
    let plans: URL
    let planFile: URL
    let log = CapturedLog()
    let cache = PageCache()

    init() throws {
        plans = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-cached-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        planFile = plans.appendingPathComponent("muejam-library.yaml")
        try FileManager.default.copyItem(at: TestRepository.root.appendingPathComponent("examples/muejam-library.yaml"), to: planFile)
    }

    /// Runs `test` against a live server on a free port, with the port.
    func withServer(idleTimeout: Duration = .seconds(30), _ test: @Sendable (any TestClientProtocol, Int) async throws -> Void) async throws {
        let log = log
        var logger = Logger(label: "test") { _ in log }
        logger.logLevel = .info
        let app = buildApplication(
            ServerSettings(host: "127.0.0.1", port: 0, plans: [plans.path],
                           publicDirectory: TestRepository.root.appendingPathComponent("Public").path, idleTimeout: idleTimeout,
                           planSettleTime: .zero),
            catalog: TestRepository.catalog, logger: logger, pageCache: cache)
        try await app.test(.live) { client in try await test(client, try #require(client.port)) }
    }

    @Test func theSecondRequestIsAnsweredFromTheCacheWithTheSameBytesAndHeaders() async throws {
        try await withServer { client, _ in
            let first = try await client.execute(uri: "/plans/muejam-library.html", method: .get)
            #expect(cache.page(for: "/plans/muejam-library.html") != nil)
            let second = try await client.execute(uri: "/plans/muejam-library.html", method: .get)
            #expect(first.status == .ok && second.status == .ok)
            #expect(first.body == second.body)
            #expect(String(buffer: second.body).contains("1,880.84"))
            for name: HTTPField.Name in [.contentType, .cacheControl, .xContentTypeOptions, .contentSecurityPolicy, .server, .contentLength] {
                #expect(second.headers[name] == first.headers[name], "\(name)")
            }
            #expect(second.headers[.date] != nil)
            // One line per request either way; the second says it came from the cache.
            #expect(log.lines.filter { $0.contains("/plans/muejam-library.html") }.count == 2)
            #expect(log.lines.filter { $0.contains("costplan.page=cached") }.count == 1)
        }
    }

    @Test func anEditedPlanIsReRenderedNotServedStale() async throws {
        try await withServer { client, _ in
            _ = try await client.execute(uri: "/plans/muejam-library.html", method: .get)
            _ = try await client.execute(uri: "/plans/muejam-library.html", method: .get)
            let text = try String(contentsOf: planFile, encoding: .utf8)
            try text.replacingOccurrences(of: "instance_class: db.r6g.xlarge", with: "instance_class: db.r6g.2xlarge")
                .write(to: planFile, atomically: true, encoding: .utf8)
            // The production database as in RouterTests: 1,031.50 before, 1,687.04 after the edit.
            let edited = try await client.execute(uri: "/plans/muejam-library.html", method: .get)
            #expect(String(buffer: edited.body).contains("1,687.04") && !String(buffer: edited.body).contains("1,031.50"))
            let again = try await client.execute(uri: "/plans/muejam-library.html", method: .get)
            #expect(again.body == edited.body)
            #expect(log.lines.filter { $0.contains("costplan.page=cached") }.count == 2)   // the 2nd and the 4th
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { client, port in
            _ = try await client.execute(uri: "/plans/muejam-library.html", method: .get)   // now cached
            // A router request, then a cached page and a HEAD, then one that closes: sent at once.
            let replies = try RawHTTP.exchange(port: port, [
                "GET /api/plans HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /plans/muejam-library.html HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "HEAD /plans/muejam-library.html HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            ].joined())
            #expect(replies.count == 4)
            guard replies.count == 4 else { return }
            #expect(replies[0].header("content-type") == "application/json; charset=utf-8")
            #expect(replies[1].header("content-type") == "text/html; charset=utf-8")
            #expect(replies[1].body.contains("1,880.84"))
            #expect(replies[2].body.isEmpty && replies[2].header("content-length") == replies[1].header("content-length"))
            #expect(replies[3].body == "ok\n")
        }
    }

    @Test func aCachedPageRequestAskingToCloseGetsItsAnswerAndTheCloseAndTheRestStill404() async throws {
        try await withServer { client, port in
            _ = try await client.execute(uri: "/plans/muejam-library.html", method: .get)
            let closing = try RawHTTP.exchange(port: port, "GET /plans/muejam-library.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(closing.count == 1 && closing.first?.status == 200)   // exchange returns only once the server closed
            let missing = try await client.execute(uri: "/plans/muejam-library.html?x=1", method: .get)
            #expect(missing.status == .ok)   // not a cache key: the router answers
            let notFound = try await client.execute(uri: "/plans/nothing.html", method: .get)
            #expect(notFound.status == .notFound)
        }
    }
}

extension CachedPageTests {
    /// The responder owns the idle timeout: a busy connection of cached pages stays open past it,
    /// an idle one is closed after it.
    @Test func idleConnectionsCloseBusyOnesDoNot() async throws {
        try await withServer(idleTimeout: .milliseconds(600)) { client, port in
            _ = try await client.execute(uri: "/plans/muejam-library.html", method: .get)   // now cached
            let connection = try RawConnection(port: port)
            for _ in 0..<6 {   // 6 × 250 ms = 1.5 s of cached pages, 2.5 × the timeout
                try connection.send("GET /plans/muejam-library.html HTTP/1.1\r\nHost: localhost\r\n\r\n")
                #expect(try connection.readResponse().contains("1,880.84"))
                try await Task.sleep(for: .milliseconds(250))
            }
            try await Task.sleep(for: .milliseconds(1_200))
            #expect(connection.isClosedByServer())
        }
    }
}

/// One kept-alive TCP connection, read a response at a time.
final class RawConnection {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 60, tv_usec: 0)   // generous: a first render in a debug build under a loaded test run can take seconds
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        try #require(Glibc.send(fd, bytes, bytes.count, 0) == bytes.count)
    }

    /// Reads one whole response (head and `Content-Length` bytes of body) as text.
    func readResponse() throws -> String {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = received.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if received.count >= end.upperBound + length { return String(decoding: received, as: UTF8.self) }
            }
            let n = recv(fd, &chunk, chunk.count, 0)
            try #require(n > 0, "the server closed the connection or did not answer")
            received += chunk[0..<n]
        }
    }

    /// Everything the server sends until it closes the connection (or 10 s pass without a byte).
    func readUntilClosed() -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return received }
            received += chunk[0..<n]
        }
    }

    /// True when the server has closed the connection (a read returns end of file).
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, 0) == 0
    }
}

/// Collects formatted log lines (message and metadata) in memory.
final class CapturedLog: LogHandler, @unchecked Sendable {
    private let stored = NIOLockedValueBox<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    var lines: [String] { stored.withLockedValue { $0 } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let text = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        stored.withLockedValue { $0.append("\(event.message) \(text)") }
    }
}

/// A plain TCP client for what an HTTP client library hides: pipelining and connection close.
enum RawHTTP {
    struct Reply {
        var status: Int
        var headers: [(String, String)]
        var body: String
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name }?.1 }
    }

    /// Sends `requests` in one write and reads until the server closes (at most 10 s); returns
    /// the responses in the order received.
    static func exchange(port: Int, _ requests: String) throws -> [Reply] {
        let connection = try RawConnection(port: port)
        try connection.send(requests)
        return parse(connection.readUntilClosed(), headRequests: requests.components(separatedBy: "\r\n\r\n").map { $0.hasPrefix("HEAD ") })
    }

    private static func parse(_ data: [UInt8], headRequests: [Bool]) -> [Reply] {
        var replies: [Reply] = []
        var rest = data[...]
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        while let end = rest.firstRange(of: separator) {
            let lines = String(decoding: rest[rest.startIndex..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            let status = Int(lines[0].split(separator: " ")[1]) ?? 0
            let headers = lines.dropFirst().compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            var reply = Reply(status: status, headers: headers, body: "")
            let isHead = replies.count < headRequests.count && headRequests[replies.count]
            let length = isHead ? 0 : Int(reply.header("content-length") ?? "0") ?? 0
            let bodyEnd = min(end.upperBound + length, rest.endIndex)
            reply.body = String(decoding: rest[end.upperBound..<bodyEnd], as: UTF8.self)
            replies.append(reply)
            rest = rest[bodyEnd...]
        }
        return replies
    }
}
