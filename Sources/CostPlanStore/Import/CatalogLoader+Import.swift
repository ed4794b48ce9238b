import CostPlan
import Foundation
import GRDB

/// What importing one region of an offer file did to the catalog.
public struct ImportOutcome: Sendable {
    public enum Change: String, Sendable { case added, replaced, unchanged }
    public var offer: ImportedOffer
    public var change: Change
    /// The version it replaced, when `replaced`.
    public var previousVersion: String?
}

extension CatalogLoader {
    /// Adds the rates of `imports` to the catalog: builds a complete new database file beside the
    /// current one (a copy with the imports written in one transaction) and renames it over the
    /// current file only when it is complete, so an error at any point leaves the previous
    /// catalog as it was. Each offer region replaces an earlier import of the same offer and
    /// region; importing identical rates again changes nothing (the file is not rewritten).
    ///
    /// Imports into one catalog run one at a time (`CatalogLock`, a `flock` beside the catalog,
    /// held from reading the catalog to the rename); `waiting` is called when another import
    /// holds the lock, before waiting for it. Temporary copies left by killed imports are removed.
    @discardableResult
    public func importOffers(_ imports: [OfferImport], now: Date = Date(), waiting: (() -> Void)? = nil) throws -> [ImportOutcome] {
        do { return try importLocked(imports, now: now, waiting: waiting) } catch { throw explained(error) }
    }

    private func importLocked(_ imports: [OfferImport], now: Date, waiting: (() -> Void)?) throws -> [ImportOutcome] {
        try prepareFolder()
        let lock = try CatalogLock(databasePath: databasePath, waiting: waiting)
        defer { lock.release() }
        CatalogLock.removeStaleTemporaryFiles(for: databasePath)
        try update()
        let database = try PricingDatabase.open(path: databasePath)
        let existing = Dictionary(uniqueKeysWithValues: try database.importedOffers().map { ("\($0.offerCode)/\($0.region)", $0) })
        var outcomes: [ImportOutcome] = []
        var changes: [(offer: ImportedOffer, rates: [Rate])] = []
        // The latest version of each offer region: the catalog's, then each earlier file of this batch.
        var latest = existing
        for offerImport in imports {
            for (region, rates) in offerImport.ratesByRegion.sorted(by: { $0.key < $1.key }) {
                let key = "\(offerImport.offerCode)/\(region)"
                let offer = ImportedOffer(
                    offerCode: offerImport.offerCode, region: region, format: offerImport.format.rawValue,
                    fileName: (offerImport.file as NSString).lastPathComponent, version: offerImport.version,
                    publicationDate: offerImport.publicationDate, fingerprint: Self.fingerprint(of: rates, in: offerImport),
                    rateCount: rates.count, importedAt: now)
                guard let previous = latest[key] else {
                    outcomes.append(ImportOutcome(offer: offer, change: .added))
                    changes.append((offer, rates))
                    latest[key] = offer
                    continue
                }
                if previous.fingerprint == offer.fingerprint {
                    outcomes.append(ImportOutcome(offer: previous, change: .unchanged))
                    continue
                }
                outcomes.append(ImportOutcome(offer: offer, change: .replaced, previousVersion: previous.version))
                changes.removeAll { "\($0.offer.offerCode)/\($0.offer.region)" == key }
                changes.append((offer, rates))
                latest[key] = offer
            }
        }
        guard !changes.isEmpty else { return outcomes }
        let temporary = CatalogLock.temporaryPath(for: databasePath)
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try database.copy(to: temporary, adding: changes)
            guard rename(temporary, databasePath) == 0 else {
                throw Error(description: "\(databasePath): error: cannot replace the catalog with the imported copy (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        return outcomes
    }

    /// The content of one imported offer region: its rates, version and publication date.
    static func fingerprint(of rates: [Rate], in offerImport: OfferImport) -> String {
        let lines = rates.map { rate in
            [rate.key.service, rate.key.region, rate.key.item, rate.unit, rate.tierFrom.map(Money.plain) ?? "",
             Money.plain(rate.usd), rate.effectiveDate].joined(separator: "|")
        }.sorted()
        return fingerprint([("\(offerImport.offerCode) \(offerImport.version) \(offerImport.publicationDate)", lines.joined(separator: "\n"))])
    }

    /// The imported offers and sheet services the catalog holds (for `pricing info`).
    public func importedOffers() throws -> [ImportedOffer] {
        try update()
        return try PricingDatabase.open(path: databasePath).importedOffers()
    }
}

/// What the catalog holds, by source: the sheet rates, and each imported offer region with its
/// rates (for `pricing info`).
public struct CatalogSources: Sendable {
    public var sheetOrigin: String
    public var sheetRates: [Rate]
    public var offers: [ImportedOffer]
    public var importedRates: [Rate]
}

extension CatalogLoader {
    public func sources() throws -> CatalogSources {
        try update()
        return try PricingDatabase.open(path: databasePath).sources()
    }
}

extension PricingDatabase {
    func sources() throws -> CatalogSources {
        try writer.read { db in
            let reads = SQLiteReads(db)
            let rates = try Self.fetchRates(reads)
            return CatalogSources(
                sheetOrigin: try CatalogSummary.fetch(reads)?.origin ?? "empty catalog", sheetRates: rates.sheet,
                offers: try Self.importedOffers(db), importedRates: rates.offer)
        }
    }
}
