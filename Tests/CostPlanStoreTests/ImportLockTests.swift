import CostPlan
@testable import CostPlanStore
import Foundation
import Testing

/// Imports into one catalog take turns (`CatalogLock`), and leftovers of killed imports go.
@Suite(.serialized)
struct ImportLockTests {
    /// While another holder has the lock, an import says it is waiting and changes nothing; once
    /// the lock is released it completes. (Ordered by semaphores, not by time.)
    @Test func anImportWaitsForTheLockAndSaysSo() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        let offer = try OfferImport.read(path: try OfferImportCatalogTests.ec2Offer(in: directory))
        _ = try loader.load()

        let held = try CatalogLock(databasePath: loader.databasePath)
        let waiting = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let result = Box()
        Thread.detachNewThread {
            do {
                try loader.importOffers([offer], waiting: { waiting.signal() })
                result.set("imported")
            } catch {
                result.set("\(error)")
            }
            done.signal()
        }
        waiting.wait()
        #expect(try loader.importedOffers().isEmpty, "nothing is written while the lock is held elsewhere")
        held.release()
        done.wait()
        #expect(result.value == "imported")
        #expect(try loader.importedOffers().map(\.region) == ["us-east-1"])
        #expect(FileManager.default.fileExists(atPath: CatalogLock.path(for: loader.databasePath)))
    }

    /// `CATALOG.import-PID.tmp` (and its journal) of a process that is gone are removed by the
    /// next import; one of a live process is left alone.
    @Test func staleTemporaryCopiesOfDeadImportsAreRemoved() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = try OfferFixtures.loader(in: directory)
        _ = try loader.load()
        let dead = try Self.deadProcessID()
        let live = getppid()
        let stale = [CatalogLock.temporaryPath(for: loader.databasePath, pid: dead),
                     CatalogLock.temporaryPath(for: loader.databasePath, pid: dead) + "-journal"]
        let alive = CatalogLock.temporaryPath(for: loader.databasePath, pid: live)
        for path in stale + [alive] { try Data("x".utf8).write(to: URL(fileURLWithPath: path)) }
        defer { try? FileManager.default.removeItem(atPath: alive) }

        try loader.importOffers([try OfferImport.read(path: try OfferImportCatalogTests.ec2Offer(in: directory))])
        for path in stale { #expect(!FileManager.default.fileExists(atPath: path), "\(path)") }
        #expect(FileManager.default.fileExists(atPath: alive))
    }

    /// The id of a process that has exited (and been reaped).
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func set(_ value: String) { lock.withLock { text = value } }
        var value: String { lock.withLock { text } }
    }
}
