import ArgumentParser
import CostPlanConsole

struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "Inspect the rate catalog, import or fetch AWS offer files into it, export it as sheets.",
        subcommands: [Info.self, Rates.self, Import.self, Fetch.self, Export.self],
        defaultSubcommand: Info.self
    )

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "info",
            abstract: "Show what the catalog holds: rates per service and region, derived rates, sources (sheets, imported AWS offers), snapshot.",
            discussion: """
            Without --region: one line per service (regions, rates, derived rates), then the sources. \
            With --region: what that region covers, per service and item group, and the `pricing fetch` \
            command for each offer service the region has no rate for.
            """)

        @Option(help: ArgumentHelp("Show one region's coverage (services × rates), e.g. eu-central-1.", valueName: "region"))
        var region: String?

        @OptionGroup var catalog: CatalogOptions

        func validate() throws {
            if let problem = PricingInfoReport.problem(region: region) { throw ValidationError(problem) }
        }

        func run() throws {
            try PricingInfoReport.print(region: region, catalog: try catalog.access.load(), loader: { try catalog.access.loader() })
        }
    }

    struct Rates: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rates", abstract: "List rates with their sources, filtered.")

        @Option(help: "Only this service code, e.g. AmazonRDS.") var service: String?
        @Option(help: "Only this region, e.g. us-east-1 (or global).") var region: String?
        @Option(help: "Only items containing this text, e.g. db.t3.") var item: String?
        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            Output.write(RateListReport.render(try catalog.access.load().allRates, service: service, region: region, item: item))
        }
    }
}
