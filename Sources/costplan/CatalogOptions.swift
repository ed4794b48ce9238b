import ArgumentParser
import CostPlan
import CostPlanReports
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

/// `--strict`: whether a charge without a rate fails the command (shared by every command that prices).
struct StrictOption: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Exit 2 when any charge cannot be priced (a missing rate), listing each on standard error.",
        discussion: "Without it a missing rate never stops the command: the charge is listed as not priced, "
            + "with the `costplan pricing fetch` command that fills it, and totals are lower bounds (exit 0)."))
    var strict = false
}

extension CatalogOptions {
    /// Parses the plan at `path` and prices it (only `environments`, when given). Every problem
    /// — an invalid plan, an unknown `--env` — goes to standard error and exits 2. A charge
    /// without a rate is listed on standard error as not priced; with `strict` it exits 2.
    func estimate(planAt path: String, environments: [String], strict: Bool) throws -> Estimate {
        try estimate(try EstimateCommand.loadPlan(path), file: path, environments: environments, strict: strict)
    }

    /// Prices `plan` (read from `path`), as `estimate(planAt:environments:strict:)` does.
    func estimate(_ plan: Plan, file path: String, environments: [String], strict: Bool) throws -> Estimate {
        let known = plan.environments.map(\.name)
        for name in environments where !known.contains(name) {
            Output.error("\(path): error: --env \(name): no such environment (the plan has: \(known.joined(separator: ", ")))")
            throw ExitCode(2)
        }
        do {
            let estimate = try Estimator(catalog: try load()).estimate(plan, only: environments.isEmpty ? nil : Set(environments))
            try Self.check(estimate, strict: strict)
            return estimate
        } catch let error as EstimateError {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }

    /// With `strict`, throws the missing-rate `EstimateError` of an incomplete estimate;
    /// otherwise lists its unpriced items on standard error.
    static func check(_ estimate: Estimate, strict: Bool) throws {
        guard let error = EstimateError(incomplete: estimate) else { return }
        if strict { throw error }
        Output.error(UnpricedText.block(estimate))
    }
}
