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

    var loader: CatalogLoader { .standard(pricingDirectory: pricingDirectory, databasePath: databasePath) }

    /// The catalog snapshot, or an error message and exit code 2.
    func load() throws -> InMemoryPriceCatalog {
        do { return try loader.load() } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }
}
