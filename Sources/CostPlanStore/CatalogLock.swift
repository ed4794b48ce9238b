import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `CATALOG.lock`, beside the catalog file, held by an import from
/// reading the catalog to renaming its new copy into place, so two imports at once run one
/// after the other and neither loses the other's rates. The lock is keyed on the catalog's path
/// (wherever it lives) and released by the kernel if the process dies; the lock file stays.
struct CatalogLock {
    private let descriptor: Int32

    /// `CATALOG.lock`.
    static func path(for databasePath: String) -> String { databasePath + ".lock" }

    /// Takes the lock, blocking while another process holds it; `waiting` is called once, before
    /// blocking, so the caller can say so.
    init(databasePath: String, waiting: (() -> Void)? = nil) throws {
        let path = Self.path(for: databasePath)
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CatalogLoader.Error(description: "\(path): error: cannot create the catalog's lock file "
                + "(\(String(cString: strerror(errno)))); check that the folder is writable and the disk is not full")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting?()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw CatalogLoader.Error(description: "\(path): error: cannot lock the catalog (\(reason))")
                }
            }
        }
        self.descriptor = descriptor
    }

    /// Releases the lock.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The temporary copy an import by process `pid` writes: `CATALOG.import-PID.tmp`.
    static func temporaryPath(for databasePath: String, pid: Int32 = ProcessInfo.processInfo.processIdentifier) -> String {
        databasePath + ".import-\(pid).tmp"
    }

    /// Removes the temporary copies (and their SQLite journals) left by imports whose process is
    /// gone (killed mid-import). Call while holding the lock. Returns the paths removed.
    @discardableResult
    static func removeStaleTemporaryFiles(for databasePath: String) -> [String] {
        let folder = (databasePath as NSString).deletingLastPathComponent
        let prefix = (databasePath as NSString).lastPathComponent + ".import-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) {
            // NAME.import-PID.tmp, or its -journal, -wal or -shm.
            let rest = name.dropFirst(prefix.count)
            guard let dot = rest.firstIndex(of: "."), let pid = Int32(rest[..<dot]), rest[dot...].hasPrefix(".tmp"),
                  !isRunning(pid) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }

    /// True when process `pid` exists (`kill(pid, 0)` succeeds or is refused for permission).
    private static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
