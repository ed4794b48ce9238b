import CostPlan
import Foundation

/// A catalog that answers from the SQLite file itself, opened read-only: each key is one indexed
/// query (remembered once asked), so a run reads only the few dozen rates its plan needs instead
/// of all ~21,000. Imported offer rates replace the sheet rates of the same key, as in the full
/// snapshot (`PricingDatabase.snapshot`), which answers `rates(service:)` and `allRates` (off
/// the hot path: missing-rate hints, the rates page) and is read on first use, from the same
/// connection (so from the same file, even when an import has since replaced it).
///
/// Safe to share between tasks: the connection serialises its reads and the memo is locked.
public final class SQLitePriceCatalog: PriceCatalog, @unchecked Sendable {
    public let snapshot: PricingSnapshot
    private let file: CatalogFile
    private let lock = NSLock()
    private var memo: [RateKey: [Rate]] = [:]
    private var full: InMemoryPriceCatalog?

    init(file: CatalogFile, snapshot: PricingSnapshot) {
        self.file = file
        self.snapshot = snapshot
    }

    /// The rates under exactly `key`, ordered by tier (an imported offer's replace the sheet's).
    /// A stored figure that is not a non-negative decimal throws `CorruptCatalogError`.
    public func rates(for key: RateKey) throws -> [Rate] {
        if let known = lock.withLock({ memo[key] }) { return known }
        // Outside `reading`, one SELECT is its own consistent read.
        let rates = try file.read { reads in try PricingDatabase.rates(for: key, in: reads) }
        lock.withLock { memo[key] = rates }
        return rates
    }

    /// Runs `body` in one read transaction: every lookup in it sees one snapshot of the file and
    /// takes the file lock once (not once per key). Other threads' lookups wait for it.
    public func reading<T>(_ body: () throws -> T) throws -> T {
        try file.read { _ in try body() }
    }

    /// Every rate of one service (from the full snapshot; [] when the file cannot be read).
    public func rates(service: String) -> [Rate] { (try? fullCatalog())?.rates(service: service) ?? [] }

    /// Every rate, grouped by service (from the full snapshot; [] when the file cannot be read).
    public var allRates: [Rate] { (try? fullCatalog())?.allRates ?? [] }

    /// The whole catalog in memory, read once.
    public func fullCatalog() throws -> InMemoryPriceCatalog {
        if let full = lock.withLock({ full }) { return full }
        let loaded = try file.read { reads in try PricingDatabase.snapshot(reads) }
        lock.withLock { full = loaded }
        return loaded
    }
}

extension SQLitePriceCatalog {
    /// The catalog file at `path` opened read-only for lookups, when it exists, has every
    /// migration and was last checked against sheets with `stamp`; nil otherwise (the caller
    /// then brings it up to date and opens it again). Reads only `grdb_migrations`,
    /// `catalogState` and `importedOffer`.
    static func openCurrent(path: String, stamp: String) throws -> SQLitePriceCatalog? {
        guard access(path, R_OK) == 0 else { return nil }
        let file = try CatalogFile(path: path)
        let snapshot = try file.read { reads -> PricingSnapshot? in
            guard try PricingDatabase.migrationsComplete(reads), try PricingDatabase.isCurrent(reads, stamp: stamp) else {
                return nil
            }
            return try PricingDatabase.identity(reads)
        }
        return snapshot.map { SQLitePriceCatalog(file: file, snapshot: $0) }
    }
}
