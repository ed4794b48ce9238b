import CostPlan
import CostPlanStore

/// `costplan pricing fetch`: downloads the chosen offers and regions, then those the `--for` plans
/// look up, one line per offer region on standard output, and ends with the catalog's snapshot.
public enum PricingFetchRun {
    /// What is wrong with the choice of `--service`, `--region` and `--for` values, if anything.
    public static func problem(services: [String], regions: [String], plans: [String]) -> String? {
        let offers = SupportedOffer.allCases.map(\.rawValue).joined(separator: ", ")
        if let service = services.first(where: { SupportedOffer(rawValue: $0) == nil }) {
            return "--service \(service): not an offer costplan fetches (use one of: \(offers))"
        }
        if let region = regions.first(where: { $0 != "all" && !AWSRegion.isKnown($0) }) {
            return "--region \(region): not an AWS region code (e.g. eu-central-1), nor all"
        }
        if regions.isEmpty && plans.isEmpty {
            return "say what to fetch: --region R (repeat, or all) with optional --service CODE, or --for PLAN"
        }
        if !services.isEmpty && regions.isEmpty { return "--service needs --region R (repeat, or all)" }
        return nil
    }

    /// Fetches `services` (empty: every offer costplan fetches) in `regions` (`all`: every region),
    /// then what the plans `plans` reads need; `fetching` runs a step against the catalog's loader.
    public static func run(services: [String], regions: [String], endpoint: String, plans: () throws -> [Plan],
                           fetching: ((CatalogLoader) async throws -> Void) async throws -> Void,
                           catalog: () throws -> any PriceCatalog) async throws {
        let log: @Sendable (String) -> Void = { Output.write($0 + "\n") }
        if !regions.isEmpty {
            let offers = services.isEmpty ? SupportedOffer.allCases : services.compactMap(SupportedOffer.init(rawValue:))
            let choice: RegionChoice = regions.contains("all") ? .all : .only(Set(regions))
            try await fetching { loader in
                try await PriceListFetch.run(Dictionary(offers.map { ($0, choice) }, uniquingKeysWith: { a, _ in a }),
                                             endpoint: endpoint, loader: loader, log: log)
            }
        }
        let loaded = try plans()
        if !loaded.isEmpty {
            try await fetching { loader in
                try await PriceListFetch.fetchNeeds(of: loaded, environments: EnvironmentSelection([]), onlyMissing: false,
                                                    endpoint: endpoint, loader: loader, log: log)
            }
        }
        let snapshot = try catalog().snapshot
        Output.write("Catalog snapshot \(snapshot.id): \(snapshot.rateCount) rates from \(snapshot.origin)\n")
    }
}
