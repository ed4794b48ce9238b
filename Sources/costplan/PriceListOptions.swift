import ArgumentParser
import CostPlanConsole
import CostPlanStore

/// Where the AWS Price List is read from; shared by `pricing fetch` and `--fetch-missing`.
struct PriceListOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Base URL of the AWS Price List bulk API (or a mirror of its layout).",
        discussion: "Default: $COSTPLAN_PRICE_LIST_ENDPOINT, else \(PriceListFetcher.defaultEndpoint).", valueName: "url"))
    var endpoint: String?

    /// `--endpoint`, else `$COSTPLAN_PRICE_LIST_ENDPOINT`, else AWS's host.
    var resolvedEndpoint: String { PriceListFetch.endpoint(endpoint) }

    func validate() throws {
        if let problem = PriceListFetch.endpointProblem(resolvedEndpoint) { throw ValidationError(problem) }
    }
}

/// `--fetch-missing`: before pricing, download the AWS offers and regions whose rates the plans
/// need and the catalog lacks (`PricingOptions.fetchMissing`).
struct FetchMissingOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Before pricing, download from the AWS Price List the offers and regions whose rates are missing (needs network).",
        discussion: "Only AmazonEC2, AWSELB, AmazonECS, AmazonRDS, AmazonElastiCache and AmazonS3 rates can be fetched; see `costplan pricing fetch`."))
    var fetchMissing = false

    @OptionGroup var priceList: PriceListOptions
}
