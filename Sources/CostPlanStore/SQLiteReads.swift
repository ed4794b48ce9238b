import Foundation
import GRDB
import GRDBSQLite

/// Queries run with SQLite's C API on one connection: either a GRDB `Database`'s
/// (`Database.sqliteConnection`, inside one of its reads) or `CatalogFile`'s own read-only one,
/// which keeps its statements prepared (`cache`). The catalog's reads on every run's path are
/// written once against this (`PricingDatabase`'s identity, summary and rate reads), so a cold
/// run needs neither GRDB's connection set-up nor its row machinery.
struct SQLiteReads {
    let connection: OpaquePointer
    /// Prepared statements kept for the connection's life; nil: each query prepares and finalizes its own.
    let cache: StatementCache?

    /// The reads of a GRDB connection (within its read or write closure).
    init(_ db: Database) {
        // A GRDB `Database` passed to a closure is open: its connection is set until `close()`.
        self.init(connection: db.sqliteConnection.unsafelyUnwrapped, cache: nil)
    }

    init(connection: OpaquePointer, cache: StatementCache?) {
        self.connection = connection
        self.cache = cache
    }

    /// Runs `sql` with `arguments` bound as text, calling `row` for each row. With a cache the
    /// statement is shared: `row` must not run the same SQL again.
    func rows(_ sql: String, _ arguments: [String] = [], _ row: (SQLiteRow) throws -> Void) throws {
        let statement = try cache?.statement(sql, on: connection) ?? Self.prepare(sql, on: connection)
        defer {
            if cache == nil {
                sqlite3_finalize(statement)
            } else {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
        }
        for (index, argument) in arguments.enumerated() {
            let code = sqlite3_bind_text(statement, Int32(index + 1), argument, -1, Self.transient)
            guard code == SQLITE_OK else { throw error(code, sql) }
        }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code, sql) }
            try row(SQLiteRow(statement: statement))
        }
    }

    /// Runs a statement that returns no rows (`BEGIN`, `COMMIT`).
    func execute(_ sql: String) throws {
        let code = sqlite3_exec(connection, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, sql) }
    }

    static func prepare(_ sql: String, on connection: OpaquePointer) throws -> OpaquePointer {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql, on: connection) }
        return statement
    }

    /// The connection's error as GRDB reports it (so corruption is told apart the same way).
    private func error(_ code: Int32, _ sql: String) -> DatabaseError { Self.error(code, sql, on: connection) }

    private static func error(_ code: Int32, _ sql: String, on connection: OpaquePointer) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }

    /// SQLite copies a bound text before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}

/// The current row of a statement, read by column index.
struct SQLiteRow {
    let statement: OpaquePointer

    /// The column as text; "" for NULL.
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column as text; nil for NULL.
    func optionalText(_ column: Int32) -> String? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : text(column)
    }

    /// The column as an integer; nil for NULL.
    func optionalInt(_ column: Int32) -> Int? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, column))
    }
}

/// Prepared statements by SQL text, finalized with the cache (before the connection closes).
/// Used under its connection's lock.
final class StatementCache {
    private var statements: [String: OpaquePointer] = [:]

    func statement(_ sql: String, on connection: OpaquePointer) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        let statement = try SQLiteReads.prepare(sql, on: connection)
        statements[sql] = statement
        return statement
    }

    func finalizeAll() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements = [:]
    }
}
