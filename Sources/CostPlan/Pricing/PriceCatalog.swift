import Foundation

/// Where the estimator finds prices. The SQLite store (`CostPlanStore`) and the in-memory
/// catalog used by tests and by the estimator's hot path both conform.
public protocol PriceCatalog: Sendable {
    /// Every rate stored under exactly `key`, ordered by `tierFrom` (empty when none). A
    /// catalog that reads its store on demand throws when the stored rate cannot be read.
    func rates(for key: RateKey) throws -> [Rate]
    /// Every rate of one service, for "what is known nearby" in a missing-rate error.
    func rates(service: String) -> [Rate]
    /// Every rate, grouped by service (the rates page, `pricing info`).
    var allRates: [Rate] { get }
    /// What this catalog holds, named in every output.
    var snapshot: PricingSnapshot { get }
    /// Runs `body` (the lookups of one estimate) against one state of the catalog. A catalog
    /// that reads its store on demand reads it in one transaction: one lock and one snapshot,
    /// so a catalog rebuilt meanwhile by another process is never mixed into one estimate.
    /// Nested calls run inside the outer one. By default `body` simply runs.
    func reading<T>(_ body: () throws -> T) throws -> T
}

extension PriceCatalog {
    public func reading<T>(_ body: () throws -> T) throws -> T { try body() }

    /// The rates for `item` of `service` in `region`, falling back to the `global` region.
    /// Throws `PricingError.missingRate` naming the lookup and the nearest known rates.
    public func lookup(service: String, region: String, item: String) throws -> [Rate] {
        let key = RateKey(service: service, region: region, item: item)
        let found = try rates(for: key)
        if !found.isEmpty { return found }
        let global = try rates(for: RateKey(service: service, region: "global", item: item))
        if !global.isEmpty { return global }
        throw PricingError.missingRate(key, nearby: nearby(key))
    }

    /// Known rates close to `key`: the same item in up to three other regions (us-east-1 first),
    /// then siblings in the region (the longest non-empty item prefix that has any, e.g. other
    /// `instance/postgres/…` classes when `instance/postgres/db.x/single-az` has no other
    /// deployment), at most eight.
    public func nearby(_ key: RateKey) -> [Rate] {
        let all = rates(service: key.service).filter { $0.tierFrom == nil || $0.tierFrom == 0 }
        // The same item elsewhere: us-east-1 (the region most prices are quoted for) first, and at
        // most three regions, so that the region's own similar items still get a place.
        let sameItem = all.filter { $0.key.item == key.item }
        let otherRegions = (sameItem.filter { $0.key.region == "us-east-1" } + sameItem.filter { $0.key.region != "us-east-1" })
            .prefix(3)
        // Siblings in the region: the items under the longest prefix of `key.item` that has any;
        // never the empty prefix for an item with a `/` (EC2 instances are no siblings of EBS storage).
        let inRegion = all.filter { $0.key.region == key.region && $0.key.item != key.item }
        let segments = key.item.split(separator: "/").dropLast()
        var siblings = segments.isEmpty ? inRegion : []
        for length in stride(from: segments.count, to: 0, by: -1) where siblings.isEmpty {
            let prefix = segments.prefix(length).joined(separator: "/") + "/"
            siblings = inRegion.filter { $0.key.item.hasPrefix(prefix) }
        }
        let ranked = Array(otherRegions) + siblings.map { (rate: $0, score: similarity($0.key.item, key.item)) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.rate.key.item < $1.rate.key.item }
            .map(\.rate)
        return Array(ranked.prefix(8))
    }
}

/// A cheap closeness score for item keys: the common prefix plus twice the common suffix, so
/// that the same size in another family (`m5.large` for `m9.large`) ranks above other sizes
/// of a similar family (`m5.12xlarge`).
private func similarity(_ a: String, _ b: String) -> Int {
    zip(a, b).prefix { $0 == $1 }.count + 2 * zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
}
