import Foundation
import GRDBSQLite

/// The catalog file opened read-only with SQLite's C API, for what one run reads: whether the
/// catalog is current, its snapshot's identity and the rates under a few dozen keys. Opening a
/// GRDB connection (a dispatch queue, its SQL functions, collations, authorizer and migrator) was
/// most of a cold estimate's catalog open; schema, migrations and writes stay with GRDB
/// (`PricingDatabase`), and both run the same reads (`SQLiteReads`).
///
/// Safe to share between threads: one thread at a time uses the connection, and a `read` holds
/// it (and one read transaction) for its whole body, nested reads on that thread included.
final class CatalogFile: @unchecked Sendable {
    private let connection: OpaquePointer
    private let lock = NSRecursiveLock()
    private let statements = StatementCache()
    /// How many `read`s are running on the thread holding the lock.
    private var depth = 0

    /// Opens the file at `path` read-only; a writer's lock is waited for up to 10 s, as GRDB's
    /// connections do. A file that is not a catalog fails at the first read, not here.
    init(path: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) }
            sqlite3_close_v2(handle)
            let reason = message ?? "SQLite code \(code)"
            throw CatalogLoader.Error(description: "\(path): error: cannot open the catalog (\(reason))")
        }
        sqlite3_busy_timeout(handle, 10_000)
        connection = handle
    }

    deinit {
        statements.finalizeAll()
        sqlite3_close_v2(connection)
    }

    /// Runs `body` in one read transaction: everything it reads comes from one snapshot of the
    /// file. A `read` inside `body` on the same thread joins it; other threads wait.
    func read<T>(_ body: (SQLiteReads) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let reads = SQLiteReads(connection: connection, cache: statements)
        if depth == 0 { try reads.execute("BEGIN") }
        depth += 1
        defer {
            depth -= 1
            // Ending a read transaction only releases the shared lock.
            if depth == 0 { try? reads.execute("COMMIT") }
        }
        return try body(reads)
    }
}
