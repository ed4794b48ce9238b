import CostPlan
@testable import CostPlanStore
import Foundation
import GRDB
import Testing

/// What goes wrong with the catalog file itself is said plainly: a corrupt catalog without
/// imports is rebuilt from the sheets, one with imports names them; a `.costplan` that is a file,
/// a folder that cannot be created and a full disk each get a message saying what to do.
@Suite(.serialized)
struct CatalogFileProblemsTests {
    /// Overwrites the root page of the `rate` table (the sheets' rates) with garbage, so reading
    /// it fails with SQLite error 11 while the small tables stay readable.
    static func corruptSheetRates(_ path: String) throws {
        let (pageSize, rootPage) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size")!,
             try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'rate'")!)
        }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((rootPage - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: pageSize))
        try handle.close()
    }

    final class Notices: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ text: String) { lock.withLock { list.append(text) } }
        var all: [String] { lock.withLock { list } }
    }

    @Test func aCorruptCatalogWithoutImportsIsRebuiltFromTheSheets() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var loader = try OfferFixtures.loader(in: directory)
        let notices = Notices()
        loader.notice = { notices.add($0) }
        let before = try loader.load()
        try Self.corruptSheetRates(loader.databasePath)
        #expect(throws: (any Error).self, "the file really is corrupt") { try PricingDatabase.open(path: loader.databasePath).snapshot() }

        let after = try loader.load()
        #expect(after.snapshot == before.snapshot)
        #expect(after.rates(for: RateKey(service: "AmazonEC2", region: "us-east-1", item: "nat-gateway/hours")).count == 1)
        #expect(notices.all == ["\(loader.databasePath): warning: the catalog file was corrupt (SQLite: database disk image is malformed); "
            + "it held no imported offers, so it was rebuilt from pricing/"])
    }

    @Test func aCorruptCatalogWithImportsNamesTheImportsToRerun() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        try loader.importOffers([try OfferImport.read(path: try OfferImportCatalogTests.ec2Offer(in: directory))])
        try Self.corruptSheetRates(loader.databasePath)
        #expect {
            try loader.load()
        } throws: { error in
            "\(error)" == "\(loader.databasePath): error: the catalog file is corrupt (SQLite: database disk image is malformed). "
                + "Delete it (it is rebuilt from pricing/ on the next run). It holds imported AWS offers; after deleting it, "
                + "import them again: AmazonEC2 us-east-1 (from AmazonEC2-us-east-1.csv)."
        }
        #expect(FileManager.default.fileExists(atPath: loader.databasePath), "a catalog with imports is never deleted")
    }

    /// A file that is not a database at all: its imports cannot be listed, so it is kept.
    @Test func aCatalogThatIsNotADatabaseIsExplained() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        try FileManager.default.createDirectory(atPath: (loader.databasePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: loader.databasePath))
        #expect {
            try loader.load()
        } throws: { error in
            "\(error)".hasPrefix("\(loader.databasePath): error: the catalog file is corrupt (SQLite: file is not a database). Delete it")
                && "\(error)".hasSuffix("Its list of imported AWS offers cannot be read: after deleting it, run `costplan pricing import` again for every offer file imported before.")
        }
    }

    @Test func aFileWhereTheCatalogFolderShouldBeIsExplained() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "not a folder".write(to: directory.appendingPathComponent(".costplan"), atomically: true, encoding: .utf8)
        let loader = CatalogLoader(pricingDirectory: RepositoryFiles.pricing,
                                   databasePath: directory.appendingPathComponent(".costplan/catalog.sqlite").path)
        #expect {
            try loader.load()
        } throws: { error in
            "\(error)" == "\(loader.databasePath): error: cannot create the catalog: \(directory.path)/.costplan is a file, not a folder. "
                + "Move or delete that file, set $XDG_CACHE_HOME to another folder, or keep the catalog elsewhere with --catalog FILE or COSTPLAN_CATALOG."
        }
    }

    @Test func aFolderThatCannotBeCreatedIsExplained() throws {
        let loader = CatalogLoader(pricingDirectory: RepositoryFiles.pricing, databasePath: "/proc/costplan-test/catalog.sqlite")
        #expect {
            try loader.load()
        } throws: { error in
            "\(error)".hasPrefix("/proc/costplan-test/catalog.sqlite: error: cannot create the folder /proc/costplan-test for the catalog (")
                && "\(error)".hasSuffix("). Check that its parent is writable and the disk is not full, or set $XDG_CACHE_HOME to a writable folder, or keep the catalog elsewhere with --catalog FILE or COSTPLAN_CATALOG.")
        }
    }

    /// A full disk, made real by SQLite's page limit: "database or disk is full" (error 13)
    /// becomes a message saying so and that the catalog is unchanged.
    @Test func aFullDiskIsExplained() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        _ = try loader.load()
        let queue = try DatabaseQueue(path: loader.databasePath)
        let full: DatabaseError
        do {
            try queue.write { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count")!
                try db.execute(sql: "PRAGMA max_page_count = \(pages)")
                try db.execute(sql: "INSERT INTO rate SELECT * FROM rate")
            }
            Issue.record("the insert fitted")
            return
        } catch let error as DatabaseError {
            full = error
        }
        #expect(full.resultCode == .SQLITE_FULL)
        #expect("\(loader.explained(full))" == "\(loader.databasePath): error: cannot write the catalog: the disk is full "
            + "(SQLite: database or disk is full). Free some space and run again; the previous catalog is unchanged.")
    }
}
