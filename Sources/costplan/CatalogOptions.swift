import ArgumentParser
import CostPlan
import CostPlanStore

/// Where the rate catalog comes from; shared by every command that prices.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("pricing-dir"), help: ArgumentHelp(
        "Folder of rate sheets (*.csv).", discussion: "Default: $COSTPLAN_PRICING_DIR, else ./pricing.", valueName: "dir"))
    var pricingDirectory: String?

    @Option(name: .customLong("catalog"), help: ArgumentHelp(
        "SQLite catalog file, rebuilt from the sheets whenever they change.",
        discussion: "Default: $COSTPLAN_CATALOG, else .costplan/catalog.sqlite beside the pricing folder.", valueName: "file"))
    var databasePath: String?

    /// The loader for these options; what it repairs on its own is said on standard error.
    var loader: CatalogLoader {
        var loader = CatalogLoader.standard(pricingDirectory: pricingDirectory, databasePath: databasePath)
        loader.notice = { Output.error($0) }
        return loader
    }

    /// The catalog snapshot, or an error message and exit code 2.
    func load() throws -> InMemoryPriceCatalog {
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
