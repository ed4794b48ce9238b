import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Where the server's CPU work runs — parsing and pricing plans, rendering pages and JSON — so
/// the event loops (which under `serve` are also Swift's global executor) only move bytes and
/// `/healthz` and cached pages stay fast while estimates run.
///
/// A fixed set of threads (one per core by default) takes jobs in order; at most `maxJobs` are
/// admitted at once (running or waiting), and a job beyond that is refused at once with
/// `WorkerPool.Busy` (the routes answer 503 with `Retry-After`), so a burst of heavy requests
/// queues a bounded amount of work and memory instead of everything. The worker threads keep
/// the normal scheduling priority: a lower one (nice 10 was tried) starved them whenever other
/// processes kept the machine busy, so pages and reloads timed out.
public final class WorkerPool: Sendable {
    /// The pool is full: the caller should answer 503 and ask the client to retry.
    public struct Busy: Error, CustomStringConvertible {
        public let jobs: Int
        public var description: String { "the server is busy with \(jobs) jobs; retry in a moment" }
    }

    private let threads: NIOThreadPool
    private let admitted = NIOLockedValueBox(0)
    /// Jobs admitted at once, running or waiting.
    public let maxJobs: Int
    public let threadCount: Int

    /// `threads` worker threads (default: one per core); `maxJobs` admitted at once (default:
    /// four per thread).
    public init(threads: Int? = nil, maxJobs: Int? = nil) {
        let count = max(1, threads ?? System.coreCount)
        self.threadCount = count
        self.maxJobs = max(1, maxJobs ?? count * 4)
        self.threads = NIOThreadPool(numberOfThreads: count)
        self.threads.start()
    }

    deinit {
        threads.shutdownGracefully { _ in }
    }

    /// Runs `job` on a worker thread and returns its result; throws `Busy` at once when
    /// `maxJobs` jobs are already admitted.
    public func run<T: Sendable>(_ job: @escaping @Sendable () throws -> T) async throws -> T {
        let maxJobs = maxJobs
        let jobs = admitted.withLockedValue { count -> Int? in
            guard count < maxJobs else { return nil }
            count += 1
            return count
        }
        guard jobs != nil else { throw Busy(jobs: maxJobs) }
        defer { admitted.withLockedValue { $0 -= 1 } }
        return try await threads.runIfActive(job)
    }

    /// Jobs admitted now (running or waiting).
    public var jobCount: Int { admitted.withLockedValue { $0 } }
}
