import CostPlan
import CostPlanRateSheets
import CostPlanReports
import CostPlanStore

/// The rate catalog a command uses (`--pricing-dir`, `--catalog`, else the sheets built into the
/// executable and the cached catalog file) and the steps every pricing command takes with it.
/// Every problem is a failure with exit status 2 whose message names it.
public struct CatalogAccess {
    public var pricingDirectory: String?
    public var databasePath: String?
    /// The sheets compiled into the executable.
    public var builtIn: RateSheetSource
    /// `--strict`: a charge without a rate fails `estimate` instead of being listed as not priced.
    public var strict: Bool
    /// `--fetch-missing`: the Price List endpoint `fetchMissing` downloads what plans lack from (nil: nothing is fetched).
    public var fetchMissingFrom: String?

    /// The sheets compiled into costplan by the EmbedRateSheets plugin.
    public static let builtInSheets = RateSheetSource.embedded(EmbeddedRateSheets.sheets.map { ($0.name, $0.text) },
                                                               fingerprint: EmbeddedRateSheets.fingerprint)

    public init(pricingDirectory: String?, databasePath: String?, builtIn: RateSheetSource = builtInSheets, strict: Bool = false,
                fetchMissingFrom: String? = nil) {
        self.pricingDirectory = pricingDirectory
        self.databasePath = databasePath
        self.builtIn = builtIn
        self.strict = strict
        self.fetchMissingFrom = fetchMissingFrom
    }

    /// Where the sheets and the catalog are; its notices go to standard error.
    public func loader() throws -> CatalogLoader {
        var loader = try CommandFailure.mapping(status: 2) {
            try CatalogLoader.standard(pricingDirectory: pricingDirectory, databasePath: databasePath, builtIn: builtIn)
        }
        loader.notice = { Output.error($0) }
        return loader
    }

    /// Runs `work` (a Price List fetch) with the catalog's loader.
    public func fetching(_ work: (CatalogLoader) async throws -> Void) async throws {
        let loader = try loader()
        do { try await work(loader) } catch {
            throw CommandFailure("\(error)", status: 2)
        }
    }

    /// The whole catalog in memory (the server, `pricing` pages, static reports).
    public func load() throws -> InMemoryPriceCatalog {
        let loader = try loader()
        return try CommandFailure.mapping(status: 2) { try loader.load() }
    }

    /// The catalog for one run: the cached file opened read-only, each rate looked up when the
    /// plan needs it (a cold estimate reads a few dozen rates, not all ~21,000).
    public func lookups() throws -> SQLitePriceCatalog {
        let loader = try loader()
        return try CommandFailure.mapping(status: 2) { try loader.catalog() }
    }

    /// Opens the catalog on another thread, when it is current, while the caller reads its plans
    /// (a cold estimate spends about as long on each); nil with `--fetch-missing`, which changes
    /// the catalog first. A catalog that is not current is left to `lookups()`, which builds it
    /// and reports as usual.
    public func openingCurrent() -> Task<SQLitePriceCatalog?, Never>? {
        guard fetchMissingFrom == nil else { return nil }
        let (pricingDirectory, databasePath, builtIn) = (pricingDirectory, databasePath, builtIn)
        return Task.detached {
            defer { PhaseTimeline.mark("catalog opened (second thread)") }
            return try? CatalogLoader.standard(pricingDirectory: pricingDirectory, databasePath: databasePath, builtIn: builtIn)
                .currentCatalog()
        }
    }

    /// The catalog `opening` opened, else `lookups()`.
    public func lookups(opening: Task<SQLitePriceCatalog?, Never>?) async throws -> SQLitePriceCatalog {
        try await opening?.value ?? lookups()
    }

    /// Prices `plan` (read from `path`; only `environments`, when given) with the catalog
    /// `opening` opened, else `lookups()`. An unknown `--env`, a catalog that cannot be read
    /// mid-run and, with `strict`, a missing rate fail; without `strict` the charges without a
    /// rate are listed on standard error as not priced.
    public func estimate(_ plan: Plan, file path: String, environments: [String],
                         opening: Task<SQLitePriceCatalog?, Never>? = nil) async throws -> Estimate {
        let selection = EnvironmentSelection(environments)
        if let problem = selection.problem(in: plan, file: path) { throw CommandFailure(problem, status: 2) }
        let catalog = try await lookups(opening: opening)
        return try CommandFailure.mapping(status: 2) {
            let estimate = try Estimator(catalog: catalog).estimate(plan, only: selection.only)
            if let error = EstimateError(incomplete: estimate) {
                if strict { throw error }
                Output.error(UnpricedText.block(Report(estimate)))
            }
            return estimate
        }
    }

    /// With `fetchMissingFrom`, downloads from the Price List there the offers and regions whose
    /// rates `plans` (only `environments`, when given) need and the catalog lacks.
    public func fetchMissing(for plans: [Plan], environments: [String] = []) async throws {
        guard let endpoint = fetchMissingFrom, !plans.isEmpty else { return }
        try await fetching { loader in
            try await PriceListFetch.fetchNeeds(of: plans, environments: EnvironmentSelection(environments), onlyMissing: true,
                                                endpoint: endpoint, loader: loader, log: { Output.error($0) })
        }
    }
}
