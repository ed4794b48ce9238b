import CostPlan
import CostPlanServer
import CostPlanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import Testing

/// CPU work runs on a bounded worker pool (issue 17 item 3): a full pool answers 503 with
/// `Retry-After` while `/healthz` and cached pages are still answered; plans over the component
/// limit are refused with the reason.
@Suite(.serialized)
struct WorkerPoolTests {
    let server: LiveServer

    init() throws { server = try LiveServer() }

    /// A job that holds a worker until `release` is called.
    final class Gate: Sendable {
        private let condition = NIOLockedValueBox(false)
        func wait() { while !condition.withLockedValue({ $0 }) { usleep(1_000) } }
        func release() { condition.withLockedValue { $0 = true } }
        var isOpen: Bool { condition.withLockedValue { $0 } }
    }

    @Test func aFullPoolRefusesAtOnceAndTakesJobsAgainWhenFree() async throws {
        let pool = WorkerPool(threads: 1, maxJobs: 2)
        let gate = Gate()
        async let first: Int = pool.run { gate.wait(); return 1 }
        async let second: Int = pool.run { gate.wait(); return 2 }
        while pool.jobCount < 2 { try await Task.sleep(for: .milliseconds(5)) }
        await #expect(throws: WorkerPool.Busy.self) { try await pool.run { 3 } }
        gate.release()
        #expect(try await first + second == 3)
        #expect(try await pool.run { 4 } == 4)
        #expect(pool.jobCount == 0)
    }

    @Test func whileThePoolIsFullEstimatesGet503AndHealthzAndCachedPagesAnswer() async throws {
        let pool = WorkerPool(threads: 1, maxJobs: 1)
        let gate = Gate()
        try await server.run(server.settings(), workers: pool) { client, _ in
            _ = try await client.execute(uri: "/plans/muejam-library.html", method: .get)   // rendered on the pool, now cached
            // Fill the pool's one slot with a job of our own: the server may hold it for a moment
            // (the page job just answered, a plan re-priced in the background), so retry until ours runs.
            let started = Gate()
            struct NeverAdmitted: Error {}
            let busy = Task {
                for _ in 0..<4_000 {   // at most ~20 s
                    do { return try await pool.run { started.release(); gate.wait() } } catch is WorkerPool.Busy {
                        try await Task.sleep(for: .milliseconds(5))
                    }
                }
                throw NeverAdmitted()
            }
            for _ in 0..<4_000 where !started.isOpen { try await Task.sleep(for: .milliseconds(5)) }
            try #require(started.isOpen, "our job never got the pool's one slot")
            let refused = try await client.execute(uri: "/api/estimate", method: .post, headers: [.contentType: "application/yaml"],
                                                   body: ByteBuffer(string: ConnectionGuardTests.natPlan))
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "1")
            #expect(String(buffer: refused.body).contains("the server is busy"))
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let page = try await client.execute(uri: "/plans/muejam-library.html", method: .get)
            #expect(page.status == .ok && String(buffer: page.body).contains("1,880.84"))
            gate.release()
            try await busy.value
            let priced = try await client.execute(uri: "/api/estimate", method: .post, headers: [.contentType: "application/yaml"],
                                                  body: ByteBuffer(string: ConnectionGuardTests.natPlan))
            #expect(priced.status == .ok)
        }
    }

    @Test func plansOverTheComponentLimitAreRefusedWithTheReason() async throws {
        // muejam-library has more than 5 components; a 6-component plan is over a limit of 5.
        let six = "version: 1\nname: six\nregion: us-east-1\nenvironments:\n  prod:\n    components:\n"
            + (1...6).map { "      nat\($0): {type: nat_gateway, count: 1}\n" }.joined()
        try await server.run(server.settings { $0.maxComponents = 5 }) { client, _ in
            let posted = try await client.execute(uri: "/api/estimate", method: .post, headers: [.contentType: "application/yaml"],
                                                  body: ByteBuffer(string: six))
            #expect(posted.status == .contentTooLarge)
            let text = String(buffer: posted.body)
            #expect(text.contains("request: error: the plan has 6 components (all environments together); the server prices at most 5 per plan"))
            #expect(text.contains("--max-components"))
            let page = try await client.execute(uri: "/plans/muejam-library.html", method: .get)
            #expect(String(buffer: page.body).contains("the server prices at most 5 per plan"))
            let list = try await client.execute(uri: "/api/plans", method: .get)
            #expect(String(buffer: list.body).contains("\"valid\": false"))
        }
    }
}
