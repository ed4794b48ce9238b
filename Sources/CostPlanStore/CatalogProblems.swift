import Foundation
import GRDB

/// What can go wrong with the catalog file itself — a corrupt file, a folder that cannot be
/// created, a full disk — said plainly: what happened and what to do, instead of a raw SQLite
/// or Foundation error.
extension CatalogLoader {
    /// Creates the catalog's folder; a path component that is a file (e.g. a file named like the cache folder)
    /// or a folder that cannot be created is a clear error.
    func prepareFolder() throws {
        let folder = (databasePath as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue { return }
        // The nearest existing ancestor that is not a folder is the usual culprit.
        var ancestor = folder
        while !ancestor.isEmpty, ancestor != "/" {
            if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
                if !isDirectory.boolValue {
                    throw Error(description: "\(databasePath): error: cannot create the catalog: \(ancestor) is a file, not a folder. "
                        + "Move or delete that file, set $XDG_CACHE_HOME to another folder, or keep the catalog elsewhere with --catalog FILE or COSTPLAN_CATALOG.")
                }
                break
            }
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            // Foundation's error names no cause: ask `mkdir` for the first missing folder's errno.
            var missing = folder
            while case let parent = (missing as NSString).deletingLastPathComponent, !parent.isEmpty, parent != missing,
                  !FileManager.default.fileExists(atPath: parent) { missing = parent }
            let reason = mkdir(missing, 0o755) == 0 ? nil : String(cString: strerror(errno))
            throw Error(description: "\(databasePath): error: cannot create the folder \(folder) for the catalog"
                + (reason.map { " (\($0))" } ?? "") + ". Check that its parent is writable and the disk is not full, "
                + "or set $XDG_CACHE_HOME to a writable folder, or keep the catalog elsewhere with --catalog FILE or COSTPLAN_CATALOG.")
        }
    }

    /// Where a rebuilt catalog's rates come from, for messages: `pricing/` or the built-in sheets.
    private var sheetsName: String {
        pricingDirectory.map { "\($0.lastPathComponent)/" } ?? "the rate sheets built into costplan"
    }

    /// True for SQLite's "database disk image is malformed" (11) and "file is not a database" (26).
    static func isCorruption(_ error: Swift.Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    /// Deals with a corrupt catalog file: when it holds no imported offers (it is then only a
    /// copy of the sheets) it is deleted, to be rebuilt from the sheets, and `notice` says so;
    /// otherwise throws an error naming the imports that must be re-run after deleting it.
    func discardCorruptCatalog(_ error: DatabaseError) throws {
        let sqlite = error.message ?? "\(error.resultCode)"
        let imports = Self.importedOfferNames(in: databasePath)
        guard let imports, imports.isEmpty else {
            let list = imports.map { names in "It holds imported AWS offers; after deleting it, import them again: " + names.joined(separator: "; ") + "." }
                ?? "Its list of imported AWS offers cannot be read: after deleting it, run `costplan pricing import` again for every offer file imported before."
            throw Error(description: "\(databasePath): error: the catalog file is corrupt (SQLite: \(sqlite)). "
                + "Delete it (it is rebuilt from \(sheetsName) on the next run). " + list)
        }
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        notice?("\(databasePath): warning: the catalog file was corrupt (SQLite: \(sqlite)); it held no imported offers, "
            + "so it was rebuilt from \(sheetsName)")
    }

    /// `AmazonEC2 us-east-1 (from index.csv)` for each imported offer region in the file at
    /// `path`, read directly; [] when it has no import table; nil when it cannot be read.
    static func importedOfferNames(in path: String) -> [String]? {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        defer { try? queue.close() }
        do {
            return try queue.read { db in
                guard try db.tableExists("importedOffer") else { return [] }
                return try Row.fetchAll(db, sql: "SELECT offerCode, region, fileName FROM importedOffer ORDER BY offerCode, region")
                    .map { row in "\(row[0] as String) \(row[1] as String) (from \(row[2] as String))" }
            }
        } catch {
            return nil
        }
    }

    /// `error` said plainly when it is a SQLite error about the catalog file (full disk, cannot
    /// open, read-only, I/O, busy, corrupt); other errors are returned as they are.
    func explained(_ error: Swift.Error) -> Swift.Error {
        guard let error = error as? DatabaseError else { return error }
        let path = databasePath
        let sqlite = "SQLite: \(error.message ?? "\(error.resultCode)")"
        let elsewhere = "or keep the catalog elsewhere with --catalog FILE or COSTPLAN_CATALOG"
        let text: String
        switch error.resultCode {
        case .SQLITE_FULL:
            text = "cannot write the catalog: the disk is full (\(sqlite)). Free some space and run again; the previous catalog is unchanged."
        case .SQLITE_IOERR:
            text = "cannot read or write the catalog: an I/O error (\(sqlite)). Check that the disk is not full or failing, "
                + "and run again; the previous catalog is unchanged."
        case .SQLITE_CANTOPEN:
            text = "cannot open or create the catalog file (\(sqlite)). Check that its folder exists and is writable, \(elsewhere)."
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            text = "cannot write the catalog: the file or its folder is read-only (\(sqlite)). Make both writable, \(elsewhere)."
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            text = "the catalog is busy: another costplan process has held it for over 10 s (\(sqlite)). Run again when it is done."
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            text = "the catalog file is corrupt (\(sqlite)). Delete it; it is rebuilt from \(sheetsName) "
                + "on the next run (re-run `costplan pricing import` for offers imported before)."
        default:
            text = "cannot use the catalog (\(sqlite)). Delete the file to have it rebuilt from \(sheetsName), \(elsewhere)."
        }
        return Error(description: "\(path): error: " + text)
    }
}
