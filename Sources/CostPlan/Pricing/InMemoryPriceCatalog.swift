import Foundation

/// A catalog held in dictionaries: built from a list of rates (tests) or from a snapshot of the
/// SQLite store (the estimator's hot path: one query loads everything, lookups are O(1)).
public struct InMemoryPriceCatalog: PriceCatalog {
    private let byKey: [RateKey: [Rate]]
    private let byService: [String: [Rate]]
    public let snapshot: PricingSnapshot

    public init(rates: [Rate], snapshot: PricingSnapshot? = nil) {
        var byKey: [RateKey: [Rate]] = [:]
        var byService: [String: [Rate]] = [:]
        for rate in rates {
            byKey[rate.key, default: []].append(rate)
            byService[rate.key.service, default: []].append(rate)
        }
        self.byKey = byKey.mapValues { $0.sorted { ($0.tierFrom ?? 0) < ($1.tierFrom ?? 0) } }
        self.byService = byService
        self.snapshot = snapshot ?? PricingSnapshot(
            id: "in-memory", origin: "in-memory", rateCount: rates.count,
            latestEffectiveDate: rates.map(\.effectiveDate).max() ?? "")
    }

    public func rates(for key: RateKey) -> [Rate] { byKey[key] ?? [] }
    public func rates(service: String) -> [Rate] { byService[service] ?? [] }
    /// Every rate, grouped by service.
    public var allRates: [Rate] { byService.sorted { $0.key < $1.key }.flatMap(\.value) }
}
