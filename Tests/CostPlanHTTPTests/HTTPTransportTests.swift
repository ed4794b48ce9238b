import CostPlanHTTP
import CostPlanTestSupport
import Foundation
import Testing

/// `HTTPTransport` against a real HTTP server on 127.0.0.1.
@Suite struct HTTPTransportTests {
    /// Fast retries so the failure cases take milliseconds.
    static var configuration: HTTPTransport.Configuration {
        var configuration = HTTPTransport.Configuration()
        configuration.retryDelay = 0.01
        configuration.proxy = nil
        return configuration
    }

    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("costplan-http-\(UUID().uuidString)").path
    }

    @Test func sendReturnsStatusHeadersAndBodyAndSendsUserAgentAndHeaders() async throws {
        let server = try await LoopbackHTTPServer.start()
        server.serve("/api/thing", .ok("{\"id\":7}", contentType: "application/json"))
        let reply = try await HTTPTransport.with(Self.configuration) { transport in
            try await transport.send(HTTPRequest(method: "POST", url: server.baseURL + "/api/thing?x=1",
                                                 headers: [HTTPHeader("Authorization", "Bearer s3cret")], body: Data("hello".utf8)))
        }
        try await server.shutdown()
        #expect(reply.status == 200)
        #expect(reply.header("content-type") == "application/json")
        #expect(String(decoding: reply.body, as: UTF8.self) == "{\"id\":7}")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.headers["user-agent"]?.hasPrefix("costplan/") == true)
        #expect(request.headers["authorization"] == "Bearer s3cret")
        #expect(String(decoding: request.body, as: UTF8.self) == "hello")
    }

    @Test func sendReturnsA404AsAReplyAndDoesNotRetryAPostThatFails() async throws {
        let server = try await LoopbackHTTPServer.start()
        server.serve("/post", .status(502, "Bad Gateway"), .ok("late"))
        let (missing, failed) = try await HTTPTransport.with(Self.configuration) { transport in
            (try await transport.send(HTTPRequest(url: server.baseURL + "/nothing")),
             try await transport.send(HTTPRequest(method: "POST", url: server.baseURL + "/post")))
        }
        try await server.shutdown()
        #expect(missing.status == 404)
        #expect(failed.status == 502)  // POST could act twice: not retried
        #expect(server.requestCount("/post") == 1)
    }

    @Test func sendRetriesAGetOn5xx() async throws {
        let server = try await LoopbackHTTPServer.start()
        server.serve("/flaky", .status(503, "Service Unavailable"), .ok("fine"))
        let reply = try await HTTPTransport.with(Self.configuration) { try await $0.send(HTTPRequest(url: server.baseURL + "/flaky")) }
        try await server.shutdown()
        #expect(reply.status == 200)
        #expect(server.requestCount("/flaky") == 2)
    }

    @Test func sendRefusesABodyOverTheLimit() async throws {
        let server = try await LoopbackHTTPServer.start()
        server.serve("/big", .ok(String(repeating: "x", count: 2_000)))
        var configuration = Self.configuration
        configuration.maxReplyBytes = 1_000
        await #expect(throws: HTTPTransportError.self) {
            try await HTTPTransport.with(configuration) { try await $0.send(HTTPRequest(url: server.baseURL + "/big")) }
        }
        try await server.shutdown()
    }

    @Test func downloadStreamsTheBodyToAFileAndReportsProgress() async throws {
        let server = try await LoopbackHTTPServer.start()
        let body = String(repeating: "0123456789", count: 50_000)  // 500,000 bytes
        server.serve("/offer.csv", .ok(body))
        let file = Self.temporaryFile()
        defer { unlink(file) }
        let last = LastProgress()
        let result = try await HTTPTransport.with(Self.configuration) { transport in
            try await transport.download(server.baseURL + "/offer.csv", to: file) { last.set($0) }
        }
        try await server.shutdown()
        #expect(result.bytes == 500_000)
        #expect(result.contentLength == 500_000)
        #expect(result.attempts == 1)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == body)
        #expect(last.value?.bytesReceived == 500_000)
        #expect(last.value?.expectedBytes == 500_000)
    }

    @Test func downloadRetriesA500ThenSucceeds() async throws {
        let server = try await LoopbackHTTPServer.start()
        server.serve("/offer.csv", .status(500, "Internal Server Error"), .ok("a,b\n"))
        let file = Self.temporaryFile()
        defer { unlink(file) }
        let result = try await HTTPTransport.with(Self.configuration) { try await $0.download(server.baseURL + "/offer.csv", to: file) }
        try await server.shutdown()
        #expect(result.attempts == 2)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "a,b\n")
    }

    @Test func downloadOfABodyCutShortFailsAfterTheRetriesAndRemovesTheFile() async throws {
        let server = try await LoopbackHTTPServer.start()
        server.serve("/offer.csv", LoopbackHTTPServer.Response(body: Array(repeating: 65, count: 10_000), cutAfter: 4_000))
        let file = Self.temporaryFile()
        let error = await #expect(throws: HTTPTransportError.self) {
            try await HTTPTransport.with(Self.configuration) { try await $0.download(server.baseURL + "/offer.csv", to: file) }
        }
        try await server.shutdown()
        #expect(error?.kind == .truncated(received: 4_000, expected: 10_000))
        #expect(error?.attempts == 3)
        #expect(server.requestCount("/offer.csv") == 3)
        #expect(error?.description == "GET \(server.baseURL)/offer.csv: error: the transfer broke off after 4000 of 10000 bytes "
            + "(Content-Length) (after 3 attempts); try again, or check the network or proxy.")
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func downloadOfA404FailsAtOnceNamingTheURL() async throws {
        let server = try await LoopbackHTTPServer.start()
        let file = Self.temporaryFile()
        let error = await #expect(throws: HTTPTransportError.self) {
            try await HTTPTransport.with(Self.configuration) { try await $0.download(server.baseURL + "/missing.csv", to: file) }
        }
        try await server.shutdown()
        #expect(server.requestCount("/missing.csv") == 1)
        #expect(error?.description == "GET \(server.baseURL)/missing.csv: error: HTTP 404 Not Found; "
            + "there is no such file at this address; check the URL or endpoint.")
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func anUnreachableServerIsAConnectionErrorThatNamesTheURLButNoHeaderOrPassword() async throws {
        let server = try await LoopbackHTTPServer.start()
        let url = "http://user:hunter2@127.0.0.1:\(server.port)/index.json"
        try await server.shutdown()  // nothing listens on the port any more
        let error = await #expect(throws: HTTPTransportError.self) {
            try await HTTPTransport.with(Self.configuration) { transport in
                try await transport.send(HTTPRequest(url: url, headers: [HTTPHeader("Authorization", "token s3cret")]))
            }
        }
        let description = try #require(error?.description)
        #expect(description.hasPrefix("GET http://127.0.0.1:\(server.port)/index.json: error: cannot reach the server (after 3 attempts)"))
        #expect(!description.contains("s3cret"))
        #expect(!description.contains("hunter2"))
    }

    @Test func anInvalidURLIsRefusedWithoutARequest() async throws {
        let error = await #expect(throws: HTTPTransportError.self) {
            try await HTTPTransport.with(Self.configuration) { try await $0.send(HTTPRequest(url: "ftp://example.com/x")) }
        }
        #expect(error?.kind == .invalidURL)
    }

    @Test func theProxyComesFromTheEnvironmentAndIsBypassedForLoopbackAndNoProxyHosts() throws {
        let proxy = try #require(HTTPProxy.fromEnvironment(["https_proxy": "http://proxy.corp:3128", "NO_PROXY": "internal.corp, .example.org"]))
        #expect(proxy == HTTPProxy(host: "proxy.corp", port: 3128, bypass: ["internal.corp", ".example.org"]))
        #expect(proxy.applies(toHost: "pricing.us-east-1.amazonaws.com"))
        #expect(!proxy.applies(toHost: "127.0.0.1"))
        #expect(!proxy.applies(toHost: "git.internal.corp"))
        #expect(!proxy.applies(toHost: "www.example.org"))
        #expect(HTTPProxy.fromEnvironment([:]) == nil)
    }
}

/// The latest progress report (written from the download task, read after it).
final class LastProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: DownloadProgress?
    var value: DownloadProgress? { lock.withLock { latest } }
    func set(_ progress: DownloadProgress) { lock.withLock { latest = progress } }
}
