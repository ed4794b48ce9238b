#if canImport(Glibc)
import Glibc
#endif

/// The scheduling priority the server's threads start with.
///
/// On Linux the nice value belongs to each thread, and a new thread takes its creator's. `serve`
/// builds the server in a Swift task. Where the event loops could not become Swift's executor
/// (the installed `--static-swift-stdlib` build: `dlsym` cannot see the runtime's hook there),
/// that task runs on a Dispatch thread with the user-initiated QoS, which Dispatch makes nice -2
/// when it may (as root). The event loops, worker pool and NIO's blocking pool created from it
/// took the -2: under `nice -n 10 costplan serve` they still ran at -2, above every other process
/// on the machine, and in the wrk benchmark they pre-empted the load generator. Every command's
/// task starts on such a thread too (`nice -n 10 costplan pricing import` parsed at -2).
public enum ThreadPriority {
    /// Gives the calling thread the process's nice value (its main thread's), so the threads it
    /// creates next have it too. Nothing changes where the value cannot be read or set (raising a
    /// thread's priority needs privileges), and nothing at all outside Linux, whose threads share
    /// the process's priority.
    public static func adoptProcessPriority() {
        #if os(Linux)
        guard let process = nice(of: id_t(getpid())), let thread = nice(of: 0), thread != process else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, process)
        #endif
    }

    /// The nice value of the thread `id` (0: the calling thread; the process id: its main thread).
    public static func nice(of id: id_t) -> Int32? {
        #if os(Linux)
        errno = 0
        let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id)
        return value == -1 && errno != 0 ? nil : value
        #else
        return nil
        #endif
    }
}
