import CostPlan
import CostPlanServer
import CostPlanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a hostile or broken client meets before the router (issue 17 items 2 and 10): stalled
/// bodies are cut off, announced oversized bodies refused unread, `Expect: 100-continue`
/// answered, connections capped, unknown `Host` names refused — over real sockets.
@Suite(.serialized)
struct ConnectionGuardTests {
    let server: LiveServer

    init() throws { server = try LiveServer() }

    static let planHead = "POST /api/estimate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
    static let natPlan = "version: 1\nname: api\nregion: us-east-1\nenvironments:\n  prod:\n    components:\n      nat: {type: nat_gateway, count: 2, data_processed_gb: 100}\n"

    @Test func aConnectionWhoseBodyStallsIsClosed() async throws {
        try await server.run(server.settings { $0.bodyReadTimeout = .milliseconds(300) }) { _, port in
            let connection = try RawConnection(port: port)
            try connection.send(Self.planHead + "Content-Length: 1000\r\n\r\nversion: 1\n")   // 11 of 1,000 bytes, then nothing
            try await Task.sleep(for: .milliseconds(1_500))
            #expect(connection.isClosedByServer())
        }
        #expect(server.log.lines.contains { $0.contains("the request body stalled") })
    }

    @Test func anAnnouncedBodyOverTheLimitIs413BeforeItIsSent() async throws {
        try await server.run(server.settings()) { _, port in
            let connection = try RawConnection(port: port)
            try connection.send(Self.planHead + "Content-Length: \((1 << 20) + 1)\r\n\r\n")   // no body at all
            let reply = try connection.readResponse()
            #expect(reply.hasPrefix("HTTP/1.1 413"))
            #expect(reply.lowercased().contains("connection: close"))
            #expect(reply.contains("the server takes at most 1048576 bytes"))
            #expect(connection.isClosedByServer())
        }
    }

    @Test func expectContinueIsAnsweredThenTheBodyPriced() async throws {
        try await server.run(server.settings()) { _, port in
            let connection = try RawConnection(port: port)
            try connection.send(Self.planHead + "Content-Length: \(Self.natPlan.utf8.count)\r\nExpect: 100-continue\r\n\r\n")
            #expect(try connection.readResponse().hasPrefix("HTTP/1.1 100 Continue\r\n"))
            try connection.send(Self.natPlan)
            let reply = try connection.readResponse()
            #expect(reply.hasPrefix("HTTP/1.1 200"))
            // 2 × 730 h × $0.045 + 100 GB × $0.045 = 65.70 + 4.50 = 70.2
            #expect(reply.contains("\"desired\": \"70.2\""))
        }
    }

    @Test func aMalformedChunkedBodyIs400Not413() async throws {
        try await server.run(server.settings()) { _, port in
            let replies = try RawHTTP.exchange(port: port, Self.planHead
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nversion: 1\r\n0\r\n\r\n")
            #expect(replies.first?.status == 400)
            #expect(!replies.contains { $0.status == 413 })
        }
    }

    @Test func atTheConnectionCapTheLongestSilentConnectionMakesRoom() async throws {
        // Three slots: the test client's connection, `first` (silent) and `second`.
        try await server.run(server.settings { $0.maxConnections = 3 }) { client, port in
            let first = try RawConnection(port: port)
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)   // the client's slot is not the silent one
            let second = try RawConnection(port: port)
            try second.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try second.readResponse().hasSuffix("ok\n"))
            let third = try RawConnection(port: port)   // over the cap: the silent first one goes
            try third.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try third.readResponse().hasSuffix("ok\n"))
            #expect(first.isClosedByServer())
            try second.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try second.readResponse().hasSuffix("ok\n"))
        }
    }

    @Test func aRequestForAnotherHostIs421WithTheFix() async throws {
        try await server.run(server.settings { $0.allowedHosts = ["reports.internal"] }) { client, port in
            _ = try await client.execute(uri: "/plans/muejam-library.html", method: .get)   // cached now: the fast path checks too
            for (host, status) in [("evil.example", 421), ("evil.example:\(port)", 421), ("127.0.0.1.evil.example", 421),
                                   ("localhost:\(port)", 200), ("127.0.0.1", 200), ("[::1]:\(port)", 200),
                                   ("REPORTS.internal", 200)] {
                for path in ["/plans/muejam-library.html", "/api/plans"] {
                    let replies = try RawHTTP.exchange(port: port, "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                    #expect(replies.first?.status == status, "\(host) \(path)")
                    if status == 421 {
                        #expect(replies.first?.body.contains("start it with --allowed-host ") == true)
                        #expect(replies.first?.body.contains("muejam") == false)
                    }
                }
            }
            let noHost = try RawHTTP.exchange(port: port, "GET /api/plans HTTP/1.0\r\n\r\n")
            #expect(noHost.first?.status == 400)
        }
    }

    @Test func allowedHostNames() {
        let hosts = AllowedHosts(boundTo: "0.0.0.0", extra: ["Costs.Example.com"])
        for allowed in ["localhost", "LOCALHOST:8080", "app.localhost", "127.0.0.1:80", "127.1.2.3", "[::1]:8080", "costs.example.com.",
                        "costs.example.com:443"] {
            #expect(hosts.allows(allowed), "\(allowed)")
        }
        for refused in ["0.0.0.0", "example.com", "127.0.0.1.nip.io", "localhost.evil.com", "[::2]", "", "128.0.0.1"] {
            #expect(!hosts.allows(refused), "\(refused)")
        }
        #expect(!hosts.allows(nil))
        #expect(AllowedHosts(boundTo: "10.0.0.5").allows("10.0.0.5:8080"))
        #expect(AllowedHosts(boundTo: "127.0.0.1", extra: ["*"]).allows("anything.example"))
    }
}
