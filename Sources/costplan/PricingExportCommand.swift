import ArgumentParser
import CostPlanConsole

extension PricingCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the catalog's current rates back as rate sheets (pricing/ format), each with its source.",
            discussion: """
            Writes one <Service>.csv per service into DIR: the sheet rates, with the imported or fetched AWS \
            offer rates in place of those they override, at full precision, each keeping its source (the AWS \
            offer version, SKU and rate code for fetched rates). Loading DIR as the pricing folder gives the \
            same rates, so a release's pricing/ can be regenerated from AWS:

              costplan pricing fetch --region us-east-1 --region eu-west-1
              costplan pricing export --out pricing/

            Each file is replaced atomically; other files in DIR are left alone.
            """)

        @Option(help: ArgumentHelp("The folder to write the sheets into (created when missing).", valueName: "dir"))
        var out: String

        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            try PricingExportRun.run(out: out, loader: { try catalog.access.loader() })
        }
    }
}
