import CostPlan
import CostPlanServer
import Foundation
import Logging
import Testing

#if os(Linux)
/// The server's threads run at the process's priority, whatever the priority of the thread that
/// builds the server (`nice -n 10 costplan serve` used to leave them at Dispatch's -2).
@Suite(.serialized)
struct ThreadPriorityTests {
    /// Runs `body` on a new thread whose nice value is the process's plus 3 (always allowed).
    func onLoweredThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread {
                let process = ThreadPriority.nice(of: id_t(getpid())) ?? 0
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, process + 3)
                continuation.resume(returning: body())
            }.start()
        }
    }

    /// Thread ids and names of this process, from /proc.
    static func threads() -> [(id: id_t, name: String)] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return ids.compactMap { id in
            guard let tid = id_t(id), let name = try? String(contentsOfFile: "/proc/self/task/\(id)/comm", encoding: .utf8)
            else { return nil }
            return (tid, name.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test(.enabled(if: geteuid() == 0, "lowering a nice value back needs root (CI runs as root)"))
    func theCallingThreadTakesTheProcessPriority() async throws {
        let process = try #require(ThreadPriority.nice(of: id_t(getpid())))
        let (before, after) = await onLoweredThread { () -> (Int32?, Int32?) in
            let before = ThreadPriority.nice(of: 0)
            ThreadPriority.adoptProcessPriority()
            return (before, ThreadPriority.nice(of: 0))
        }
        #expect(before == process + 3)
        #expect(after == process)
    }

    @Test(.enabled(if: geteuid() == 0, "lowering a nice value back needs root (CI runs as root)"))
    func workerThreadsOfAServerBuiltOnALoweredThreadRunAtTheProcessPriority() async throws {
        let process = try #require(ThreadPriority.nice(of: id_t(getpid())))
        let existing = Set(Self.threads().map(\.id))
        let catalog = InMemoryPriceCatalog(rates: [])
        let app = await onLoweredThread {
            buildApplication(ServerSettings(plans: []), catalog: catalog, logger: Logger(label: "test"))
        }
        withExtendedLifetime(app) {   // its worker pool stops with it
            let workers = Self.threads().filter { !existing.contains($0.id) && $0.name.hasPrefix("TP-#") }
            #expect(!workers.isEmpty)
            for worker in workers { #expect(ThreadPriority.nice(of: worker.id) == process, "\(worker.name)") }
        }
    }
}
#endif
