#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's modification time and size: a change to either means the file changed.
struct FileStamp: Equatable, Sendable {
    var seconds: Int
    var nanoseconds: Int
    var size: Int

    /// The stamp of the file at `path` with one `stat` call (this runs on every page request, so
    /// not Foundation's attribute dictionary); nil when the file is gone or unreadable.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        self.init(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int(info.st_size))
    }

    init(seconds: Int, nanoseconds: Int, size: Int) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.size = size
    }
}

extension FileStamp {
    /// How much longer to wait before a file with this stamp has gone `settleTime` unmodified;
    /// nil when it already has (or its modification time is in the future, so waiting is no use).
    func settling(for settleTime: Duration, now: timespec = FileStamp.now()) -> Duration? {
        let age = Duration.seconds(now.tv_sec - seconds) + .nanoseconds(now.tv_nsec - nanoseconds)
        guard age >= .zero, age < settleTime else { return nil }
        return settleTime - age
    }

    /// The wall-clock time, as file modification times are kept.
    static func now() -> timespec {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return time
    }
}
