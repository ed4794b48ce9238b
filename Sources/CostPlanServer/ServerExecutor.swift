import NIOCore
import NIOPosix

/// How `costplan serve` schedules its work.
public enum ServerExecutor {
    /// Makes the server's event loop threads also run Swift concurrency's tasks, so a request
    /// is handled on the thread that read it instead of hopping to the global pool and back
    /// (one of the largest per-request costs of a Hummingbird server on a small machine).
    /// Call once, from the main thread, before any task starts; returns false when the hook
    /// could not be installed (the server then works as usual).
    @discardableResult
    public static func adoptEventLoopsForConcurrency() -> Bool {
        return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
