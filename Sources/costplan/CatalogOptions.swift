import ArgumentParser
import CostPlan
import CostPlanRateSheets
import CostPlanStore

/// Where the rate catalog comes from; shared by every command that prices.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("pricing-dir"), help: ArgumentHelp(
        "Folder of rate sheets (*.csv) to use instead of the ones built into costplan.",
        discussion: "Default: $COSTPLAN_PRICING_DIR, else the pricing/ sheets compiled into this binary.", valueName: "dir"))
    var pricingDirectory: String?

    @Option(name: .customLong("catalog"), help: ArgumentHelp(
        "SQLite catalog file, rebuilt from the sheets whenever they change; imported AWS offers are stored in it.",
        discussion: "Default: $COSTPLAN_CATALOG, else catalog.sqlite in $XDG_CACHE_HOME/costplan/ "
            + "(~/.cache/costplan/; ~/Library/Caches/costplan/ on macOS). Nothing is written into the working folder.",
        valueName: "file"))
    var databasePath: String?

    /// The sheets compiled into this executable by the EmbedRateSheets plugin.
    static let builtInSheets = RateSheetSource.embedded(EmbeddedRateSheets.sheets.map { ($0.name, $0.text) },
                                                        fingerprint: EmbeddedRateSheets.fingerprint)

    /// Where the sheets and the catalog are, or an error message and exit code 2.
    func loader() throws -> CatalogLoader {
        do { return try .standard(pricingDirectory: pricingDirectory, databasePath: databasePath, builtIn: Self.builtInSheets) } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// The catalog snapshot, or an error message and exit code 2.
    func load() throws -> InMemoryPriceCatalog {
        let loader = try loader()
        do { return try loader.load() } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }
}

extension CatalogOptions {
    /// Parses the plan at `path` and prices it (only `environments`, when given). Every problem
    /// — an invalid plan, an unknown `--env`, a missing rate — goes to standard error and exits 2.
    func estimate(planAt path: String, environments: [String]) throws -> Estimate {
        try estimate(try EstimateCommand.loadPlan(path), file: path, environments: environments)
    }

    /// Prices `plan` (read from `path`), as `estimate(planAt:environments:)` does.
    func estimate(_ plan: Plan, file path: String, environments: [String]) throws -> Estimate {
        let known = plan.environments.map(\.name)
        for name in environments where !known.contains(name) {
            Output.error("\(path): error: --env \(name): no such environment (the plan has: \(known.joined(separator: ", ")))")
            throw ExitCode(2)
        }
        do {
            return try Estimator(catalog: try load()).estimate(plan, only: environments.isEmpty ? nil : Set(environments))
        } catch let error as EstimateError {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }
}
