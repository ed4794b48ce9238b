import ArgumentParser
import CostPlan
import CostPlanConsole
import CostPlanRateSheets
import CostPlanReports
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
        do {
            var loader = try CatalogLoader.standard(pricingDirectory: pricingDirectory, databasePath: databasePath,
                                                    builtIn: Self.builtInSheets)
            loader.notice = { Output.error($0) }
            return loader
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// Runs `work` (a Price List fetch) with the catalog's loader; a failure is printed, exit code 2.
    func fetching(_ work: (CatalogLoader) async throws -> Void) async throws {
        let loader = try loader()
        do { try await work(loader) } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// The whole catalog in memory (the server, `pricing` pages, static reports), or an error
    /// message and exit code 2.
    func load() throws -> InMemoryPriceCatalog {
        let loader = try loader()
        do { return try loader.load() } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// The catalog for one run: the cached file opened read-only, each rate looked up when the
    /// plan needs it (a cold estimate reads a few dozen rates, not all ~21,000), or an error
    /// message and exit code 2.
    func lookups() throws -> SQLitePriceCatalog {
        let loader = try loader()
        do { return try loader.catalog() } catch {
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
        try estimate(try TerraformOptions.plan(path), file: path, environments: environments, strict: strict)
    }

    /// Prices `plan` (read from `path`), as `estimate(planAt:environments:strict:)` does.
    func estimate(_ plan: Plan, file path: String, environments: [String], strict: Bool) throws -> Estimate {
        let selection = EnvironmentSelection(environments)
        if let problem = selection.problem(in: plan, file: path) {
            Output.error(problem)
            throw ExitCode(2)
        }
        do {
            let estimate = try Estimator(catalog: try lookups()).estimate(plan, only: selection.only)
            try Self.check(estimate, strict: strict)
            return estimate
        } catch let error as EstimateError {
            Output.error(error.description)
            throw ExitCode(2)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            // The catalog file could not be read mid-run (a rate changed outside costplan, an I/O error).
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// With `strict`, throws the missing-rate `EstimateError` of an incomplete estimate;
    /// otherwise lists its unpriced items on standard error.
    static func check(_ estimate: Estimate, strict: Bool) throws {
        guard let error = EstimateError(incomplete: estimate) else { return }
        if strict { throw error }
        Output.error(UnpricedText.block(Report(estimate)))
    }
}
