import ArgumentParser
import CostPlanConsole
import CostPlanStore

extension PricingCommand {
    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fetch",
            abstract: "Download current AWS rates from the AWS Price List (no account or key) and import them.",
            discussion: """
            Follows the Price List bulk API: /offers/v1.0/aws/index.json → each offer's region index → each \
            region's current offer file, downloaded as CSV to a temporary file under $XDG_CACHE_HOME/costplan \
            (else ~/.cache/costplan), read exactly as `costplan pricing import` reads it, then deleted. An offer \
            region whose version the catalog already holds is not downloaded ("up to date").

            Choose what to fetch with --service and --region (e.g. --service AmazonEC2 --region eu-central-1; \
            no --service means every offer costplan prices; --region all means every region AWS lists), or \
            with --for PLAN: exactly the offers and regions that plan looks up. Sizes: an AmazonEC2 region is \
            hundreds of MB; the other offers are much smaller.

            Every file is downloaded and read before the catalog changes; any failure (unreachable host, \
            HTTP 403/404/5xx, a transfer cut short of its Content-Length, a file that is not an offer) exits 2 \
            naming the URL and leaves the catalog as it was. Downloads retry twice, with backoff, on resets and 5xx.
            """)

        @Option(name: .customLong("service"), help: ArgumentHelp(
            "Offer code to fetch (repeat for several): \(SupportedOffer.allCases.map(\.rawValue).joined(separator: ", ")). Default: all of them.",
            valueName: "code"))
        var services: [String] = []

        @Option(name: .customLong("region"), help: ArgumentHelp(
            "Region code to fetch (repeat for several), or all.", valueName: "region"))
        var regions: [String] = []

        @Option(name: .customLong("for"), help: ArgumentHelp(
            "Fetch exactly the offers and regions this plan (plan file or Terraform plan JSON) needs (repeat for several).",
            valueName: "plan"))
        var plans: [String] = []

        @OptionGroup var priceList: PriceListOptions
        @OptionGroup(title: "Terraform plans") var terraform: TerraformOptions
        @OptionGroup var catalog: CatalogOptions

        func validate() throws {
            if let problem = PricingFetchRun.problem(services: services, regions: regions, plans: plans) { throw ValidationError(problem) }
        }

        func run() async throws {
            try await PricingFetchRun.run(services: services, regions: regions, endpoint: priceList.resolvedEndpoint,
                                          plans: { try plans.map { try PlanArguments.load($0, options: terraform.input).plan } },
                                          fetching: catalog.access.fetching, catalog: { try catalog.access.lookups() })
        }
    }
}
