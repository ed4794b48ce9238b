import ArgumentParser
import CostPlanConsole

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

    /// The catalog these options name, and the steps that load it and price with it.
    var access: CatalogAccess { CatalogAccess(pricingDirectory: pricingDirectory, databasePath: databasePath) }
}

/// What every command that prices plans shares: `--strict`, `--fetch-missing` (with `--endpoint`)
/// and the catalog (estimate, diff, csv, report).
struct PricingOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Exit 2 when any charge cannot be priced (a missing rate), listing each on standard error.",
        discussion: "Without it a missing rate never stops the command: the charge is listed as not priced, "
            + "with the `costplan pricing fetch` command that fills it, and totals are lower bounds (exit 0)."))
    var strict = false

    @OptionGroup(title: "Fetching missing rates") var fetch: FetchMissingOptions

    @OptionGroup var catalog: CatalogOptions

    /// The catalog these options name, with `--strict` and `--fetch-missing`'s endpoint.
    var access: CatalogAccess {
        CatalogAccess(pricingDirectory: catalog.pricingDirectory, databasePath: catalog.databasePath, strict: strict,
                      fetchMissingFrom: fetch.fetchMissing ? fetch.priceList.resolvedEndpoint : nil)
    }
}
