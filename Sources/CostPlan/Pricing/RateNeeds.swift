import Foundation

/// The rates pricing a plan asks the catalog for: every regional key looked up, and those the
/// catalog cannot answer (neither in the region nor under `global`). `pricing fetch --for` and
/// `--fetch-missing` turn these into the AWS offers and regions to download.
///
/// Found by pricing the plan against a catalog that records each lookup. A component stops at
/// its first missing rate, so lookups behind it are found only once that rate exists: callers
/// that fill the gaps repeat until nothing new appears.
public struct RateNeeds: Sendable, Equatable {
    /// Every regional key looked up (keys under `global` are not listed).
    public var lookedUp: Set<RateKey>
    /// The keys of `lookedUp` the catalog has no rate for.
    public var missing: Set<RateKey>

    /// The needs of `plan` (only the environments in `only`, when given) against `catalog`.
    public init(of plan: Plan, only: Set<String>? = nil, catalog: any PriceCatalog) {
        let recorder = RecordingCatalog(base: catalog)
        _ = try? Estimator(catalog: recorder).estimate(plan, only: only)
        let keys = Set(recorder.keys.filter { $0.region != "global" })
        lookedUp = keys
        missing = keys.filter {
            (try? catalog.rates(for: $0))?.isEmpty ?? true
                && (try? catalog.rates(for: RateKey(service: $0.service, region: "global", item: $0.item)))?.isEmpty ?? true
        }
    }
}

/// A catalog that answers from `base` and remembers every key asked for.
private final class RecordingCatalog: PriceCatalog, @unchecked Sendable {
    let base: any PriceCatalog
    private let lock = NSLock()
    private var asked: [RateKey] = []

    init(base: any PriceCatalog) { self.base = base }

    var keys: [RateKey] { lock.withLock { asked } }

    func rates(for key: RateKey) throws -> [Rate] {
        lock.withLock { asked.append(key) }
        return try base.rates(for: key)
    }

    func rates(service: String) -> [Rate] { base.rates(service: service) }
    var allRates: [Rate] { base.allRates }
    var snapshot: PricingSnapshot { base.snapshot }
}
