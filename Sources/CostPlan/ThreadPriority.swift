#if canImport(Glibc)
import Glibc
#endif

/// The scheduling priority costplan's work runs at: the process's (`nice -n 10 costplan …`).
///
/// On Linux the nice value belongs to each thread, and a new thread takes its creator's. A
/// command runs in a Swift task, which starts on a Dispatch thread with the user-initiated QoS
/// (not under `serve` where the event loops became Swift's executor; they cannot in the installed
/// `--static-swift-stdlib` build, whose runtime hook `dlsym` does not see). Dispatch makes that
/// thread nice -2 when it may (as root), whatever the process's value: `nice -n 10 costplan
/// pricing import` parsed at -2, and the event loops, worker pool and NIO's blocking pool that
/// `serve` created from it ran at -2 too, above every other process on the machine (in the wrk
/// benchmark they pre-empted the load generator).
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
