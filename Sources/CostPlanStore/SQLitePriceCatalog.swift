import CostPlan
import Foundation
import GRDB

/// A catalog that answers from the SQLite file itself, opened read-only: each key is one indexed
/// query (remembered once asked), so a run reads only the few dozen rates its plan needs instead
/// of all ~21,000. Imported offer rates replace the sheet rates of the same key, as in the full
/// snapshot (`PricingDatabase.snapshot()`), which answers `rates(service:)` and `allRates` (off
/// the hot path: missing-rate hints, the rates page) and is read on first use.
///
/// Safe to share between tasks: the connection serialises its queries and the memo is locked.
public final class SQLitePriceCatalog: PriceCatalog, @unchecked Sendable {
    public let snapshot: PricingSnapshot
    private let queue: DatabaseQueue
    private let lock = NSLock()
    private var memo: [RateKey: [Rate]] = [:]
    private var full: InMemoryPriceCatalog?

    init(queue: DatabaseQueue, snapshot: PricingSnapshot) {
        self.queue = queue
        self.snapshot = snapshot
    }

    /// The rates under exactly `key`, ordered by tier (an imported offer's replace the sheet's).
    /// A stored figure that is not a non-negative decimal throws `CorruptCatalogError`.
    public func rates(for key: RateKey) throws -> [Rate] {
        if let known = lock.withLock({ memo[key] }) { return known }
        // One SELECT is its own consistent read: no explicit transaction around it.
        let rates = try queue.inDatabase { db in try PricingDatabase.rates(for: key, in: db) }
        lock.withLock { memo[key] = rates }
        return rates
    }

    /// Every rate of one service (from the full snapshot; [] when the file cannot be read).
    public func rates(service: String) -> [Rate] { (try? fullCatalog())?.rates(service: service) ?? [] }

    /// Every rate, grouped by service (from the full snapshot; [] when the file cannot be read).
    public var allRates: [Rate] { (try? fullCatalog())?.allRates ?? [] }

    /// The whole catalog in memory, read once.
    public func fullCatalog() throws -> InMemoryPriceCatalog {
        if let full = lock.withLock({ full }) { return full }
        let loaded = try queue.read { db in try PricingDatabase.snapshot(db) }
        lock.withLock { full = loaded }
        return loaded
    }
}

extension SQLitePriceCatalog {
    /// The catalog file at `path` opened read-only for lookups, when it exists, has every
    /// migration and was last checked against sheets with `stamp`; nil otherwise (the caller
    /// then brings it up to date and opens it again). Reads only `catalogState` and
    /// `importedOffer`.
    static func openCurrent(path: String, stamp: String) throws -> SQLitePriceCatalog? {
        guard access(path, R_OK) == 0 else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let snapshot = try queue.read { db -> PricingSnapshot? in
            guard try PricingDatabase.migrationsComplete(db), try PricingDatabase.isCurrent(db, stamp: stamp) else { return nil }
            return try PricingDatabase.identity(db)
        }
        guard let snapshot else {
            try queue.close()
            return nil
        }
        return SQLitePriceCatalog(queue: queue, snapshot: snapshot)
    }
}
