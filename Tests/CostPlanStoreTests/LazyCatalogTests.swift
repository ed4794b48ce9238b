import CostPlan
@testable import CostPlanStore
import Foundation
import GRDB
import Testing

/// `CatalogLoader.catalog()`: the catalog file opened read-only and each rate looked up when
/// asked. It answers exactly as the whole catalog in memory (`load()`) does, and notices sheet
/// edits in a `--pricing-dir` folder and imports.
struct LazyCatalogTests {
    static let t3 = RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.micro")

    /// A loader over a copy of the repository's sheets, with its catalog in a new folder.
    static func loader() throws -> (CatalogLoader, URL) {
        let directory = try RepositoryFiles.temporaryDirectory()
        return (try OfferFixtures.loader(in: directory), directory)
    }

    @Test func lookupsAnswerAsTheWholeCatalogDoes() throws {
        let (loader, directory) = try Self.loader()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lazy = try loader.catalog()
        let full = try loader.load()
        #expect(lazy.snapshot == full.snapshot)
        #expect(lazy.snapshot.rateCount > 20_000)
        // A hit: t3.micro in us-east-1 is $0.0104/h (pricing/AmazonEC2.csv).
        #expect(try lazy.rates(for: Self.t3).map(\.usd) == [Decimal(string: "0.0104")!])
        // Tiered rates come back in tier order, as from memory.
        let tiered = try #require(full.allRates.first { $0.tierFrom.map { $0 > 0 } ?? false })
        #expect(try lazy.rates(for: tiered.key) == full.rates(for: tiered.key))
        #expect(try lazy.rates(for: tiered.key).count >= 2)
        #expect(try lazy.rates(for: RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.nonesuch")).isEmpty)
        #expect(lazy.allRates == full.allRates)
        #expect(lazy.rates(service: "AmazonRDS") == full.rates(service: "AmazonRDS"))
    }

    /// A service priced once for every region is found under `global` when the region has no row.
    @Test func aRegionWithoutARateFallsBackToGlobal() throws {
        let (loader, directory) = try Self.loader()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lazy = try loader.catalog()
        #expect(try lazy.rates(for: RateKey(service: "AWSCodePipeline", region: "eu-west-1", item: "pipeline-v1")).isEmpty)
        let rates = try lazy.lookup(service: "AWSCodePipeline", region: "eu-west-1", item: "pipeline-v1")
        #expect(rates.map(\.key.region) == ["global"])
        #expect(rates.map(\.usd) == [Decimal(1)])   // pricing/AWSCodePipeline.csv: $1 per pipeline-month
    }

    /// A missing rate still lists the known rates nearby, the same as from memory.
    @Test func aMissingRateListsTheRatesNearby() throws {
        let (loader, directory) = try Self.loader()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lazy = try loader.catalog()
        let full = try loader.load()
        let key = RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.nonesuch")
        #expect {
            try lazy.lookup(service: key.service, region: key.region, item: key.item)
        } throws: { error in
            guard case let PricingError.missingRate(missing, nearby) = error else { return false }
            return missing == key && !nearby.isEmpty && nearby == full.nearby(key)
                && nearby.contains { $0.key.item.hasPrefix("instance/t3.") }
        }
    }

    /// An edited sheet in the folder is noticed (its size and time change), the catalog rebuilt
    /// and the new rate answered; a touched but unchanged sheet keeps the catalog as it is.
    @Test func aSheetEditInThePricingFolderIsNoticed() throws {
        let (loader, directory) = try Self.loader()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try loader.catalog()
        let sheet = try #require(loader.pricingDirectory).appendingPathComponent("AmazonEC2.csv")
        let text = try String(contentsOf: sheet, encoding: .utf8)
        let line = "us-east-1,instance/t3.micro,hour,,0.0104,"
        #expect(text.contains(line))
        try text.replacingOccurrences(of: line, with: "us-east-1,instance/t3.micro,hour,,0.01234,").write(to: sheet, atomically: false, encoding: .utf8)

        let after = try loader.catalog()
        #expect(after.snapshot.id != before.snapshot.id)
        #expect(try after.rates(for: Self.t3).map(\.usd) == [Decimal(string: "0.01234")!])

        // Same content, new modification time: the stamp differs, the content does not.
        let loadedAt = try PricingDatabase.open(path: loader.databasePath).writer.read { db in try CatalogStateRecord.fetchOne(db)?.loadedAt }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: sheet.path)
        let touched = try loader.catalog()
        #expect(touched.snapshot == after.snapshot)
        let state = try PricingDatabase.open(path: loader.databasePath).writer.read { db in try CatalogStateRecord.fetchOne(db) }
        #expect(state?.loadedAt == loadedAt)              // not rebuilt
        #expect(state?.sheetsStamp == (try loader.source.stamp()))  // the new stamp is kept: the next run reads no sheet
    }

    /// An import is noticed: the imported rate replaces the sheet's and the snapshot names it.
    @Test func anImportIsNoticed() throws {
        let (loader, directory) = try Self.loader()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try loader.catalog()
        try loader.importOffers([try OfferImport.read(path: try OfferImportCatalogTests.ec2Offer(in: directory))])
        let after = try loader.catalog()
        #expect(after.snapshot != before.snapshot)
        #expect(after.snapshot == (try loader.load().snapshot))
        #expect(after.snapshot.origin.hasSuffix(" + imported AWS offers AmazonEC2 us-east-1 v20260101000000"))
        #expect(try after.rates(for: Self.t3).map(\.usd) == [Decimal(string: "0.02")!])   // the offer's t3.micro
        // The handle opened before the import keeps answering from the file it opened (the import
        // renamed a new file over it): one run never mixes two snapshots.
        #expect(try before.rates(for: Self.t3).map(\.usd) == [Decimal(string: "0.0104")!])
    }

    /// Many tasks looking rates up at once get the same answers (the catalog is shared by the
    /// server's requests).
    @Test func concurrentLookupsAgree() async throws {
        let (loader, directory) = try Self.loader()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lazy = try loader.catalog()
        let full = try loader.load()
        let keys = Array(Set(full.allRates.map(\.key))).sorted { "\($0)" < "\($1)" }.prefix(400)
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for part in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for (index, key) in keys.enumerated() where index % 8 == part || index % 3 == 0 {
                        if try lazy.rates(for: key) != full.rates(for: key) { wrong += 1 }
                    }
                    return wrong
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    /// `reading` (one estimate's lookups) answers as single lookups do, from one read
    /// transaction: nested calls run inside it, a missing rate's neighbours are read in it, and
    /// another thread's lookup meanwhile waits for it and then answers the same.
    @Test func lookupsInOneReadAnswerAsSingleLookups() throws {
        let (loader, directory) = try Self.loader()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lazy = try loader.catalog()
        let full = try loader.load()
        let keys = Array(Array(Set(full.allRates.map(\.key))).sorted { "\($0)" < "\($1)" }.prefix(200))
        let other = RateKey(service: "AmazonRDS", region: "eu-west-1", item: "storage/gp3/multi-az")
        let otherAnswer = Answer()
        let otherDone = DispatchSemaphore(value: 0)
        let nested = try lazy.reading {
            let thread = Thread {
                otherAnswer.rates = try? lazy.rates(for: other)
                otherDone.signal()
            }
            thread.start()
            return try lazy.reading { try keys.map { try lazy.rates(for: $0) } }
        }
        #expect(nested == keys.map { full.rates(for: $0) })
        otherDone.wait()
        #expect(otherAnswer.rates == full.rates(for: other))
        #expect(otherAnswer.rates?.isEmpty == false)

        let missing = RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.nonesuch")
        let fresh = try loader.catalog()
        let nearby = try fresh.reading { fresh.nearby(missing) }
        #expect(!nearby.isEmpty)
        #expect(nearby == full.nearby(missing))
    }

    /// A stored price changed outside costplan to a negative one is refused at lookup.
    @Test func aCorruptStoredPriceIsRefusedAtLookup() throws {
        let (loader, directory) = try Self.loader()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try loader.catalog()
        try PricingDatabase.open(path: loader.databasePath).writer.write { db in
            try db.execute(sql: "UPDATE rate SET usd = '-1' WHERE item = 'instance/t3.micro' AND region = 'us-east-1'")
        }
        #expect(throws: CorruptCatalogError.self) { try loader.catalog().rates(for: Self.t3) }
    }
}

/// What another thread looked up (written by it before it signals, read after the wait).
private final class Answer: @unchecked Sendable {
    var rates: [Rate]?
}
