import CostPlan
import CostPlanHTTP
import CostPlanStore
import Foundation

/// Runs a `PriceListFetcher` for the commands: progress on a terminal and one line per offer
/// region through `log`; a failure throws `PriceListFetchError` (the catalog unchanged).
public enum PriceListFetch {
    /// `option` (`--endpoint`), else `$COSTPLAN_PRICE_LIST_ENDPOINT`, else AWS's host.
    public static func endpoint(_ option: String?) -> String {
        if let option { return option }
        if let environment = ProcessInfo.processInfo.environment["COSTPLAN_PRICE_LIST_ENDPOINT"], !environment.isEmpty { return environment }
        return PriceListFetcher.defaultEndpoint
    }

    /// What is wrong with `endpoint`, if anything: it must be an http:// or https:// URL with a host.
    public static func endpointProblem(_ endpoint: String) -> String? {
        guard let url = URL(string: endpoint), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            return "--endpoint \(endpoint): expected an http:// or https:// URL, e.g. \(PriceListFetcher.defaultEndpoint)"
        }
        return nil
    }

    /// Fetches `wanted` from `endpoint` into `loader`'s catalog.
    @discardableResult
    public static func run(_ wanted: [SupportedOffer: RegionChoice], endpoint: String, loader: CatalogLoader,
                           log: @escaping @Sendable (String) -> Void) async throws -> FetchReport {
        let display = FetchDisplay(log: log, terminal: isatty(2) == 1)
        do {
            return try await HTTPTransport.with { transport in
                let fetcher = PriceListFetcher(endpoint: endpoint, transport: transport, loader: loader,
                                               cacheDirectory: PriceListFetcher.defaultCacheDirectory())
                let report = try await fetcher.fetch(wanted, events: { display.show($0) })
                for outcome in report.outcomes { log(ImportSummary.fetched(outcome)) }
                return report
            }
        } catch {
            display.clear()
            var text = "\(error)"
            if let transport = error as? HTTPTransportError, case .connection = transport.kind {
                text += "\n    hint: the Price List endpoint is \(endpoint); set another with --endpoint or COSTPLAN_PRICE_LIST_ENDPOINT."
            }
            throw PriceListFetchError(description: text + "\nNothing was imported; the catalog is unchanged.")
        }
    }

    /// Fetches the offers and regions that pricing `plans` looks up (`onlyMissing`: only those
    /// the catalog has no rate for). Repeats while the rates brought in reveal further needs
    /// (a component stops at its first missing rate), never asking twice for an offer region.
    public static func fetchNeeds(of plans: [Plan], environments: EnvironmentSelection, onlyMissing: Bool, endpoint: String,
                                  loader: CatalogLoader, log: @escaping @Sendable (String) -> Void) async throws {
        var asked: Set<String> = []
        var unfetchable: Set<String> = []
        while true {
            let loaded = try loader.catalog()
            var wanted: [SupportedOffer: RegionChoice] = [:]
            for plan in plans {
                let needs = RateNeeds(of: plan, only: environments.only, catalog: loaded)
                for key in onlyMissing ? needs.missing : needs.lookedUp {
                    guard let offer = SupportedOffer(rawValue: key.service) else {
                        if needs.missing.contains(key) { unfetchable.insert(key.service) }
                        continue
                    }
                    guard asked.insert("\(offer.rawValue)/\(key.region)").inserted else { continue }
                    if case .only(let regions) = wanted[offer] {
                        wanted[offer] = .only(regions.union([key.region]))
                    } else {
                        wanted[offer] = .only([key.region])
                    }
                }
            }
            if wanted.isEmpty { break }
            try await run(wanted, endpoint: endpoint, loader: loader, log: log)
        }
        if !unfetchable.isEmpty {
            log("note: \(unfetchable.sorted().joined(separator: ", ")) rates are not in the AWS offers costplan fetches; "
                + "they come from the pricing/ sheets only")
        }
        if asked.isEmpty { log("No AWS offer is needed: the catalog has every rate these plans use that can be fetched.") }
    }
}

/// A fetch that failed: what went wrong (naming the URL) and that nothing was imported.
public struct PriceListFetchError: Error, CustomStringConvertible {
    public var description: String
}
