import ArgumentParser
import CostPlanConsole

extension PricingCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import AWS Price List offer files (CSV or JSON) into the catalog.",
            discussion: """
            Reads AWS Price List bulk offer files (index.csv / index.json of AmazonEC2, AWSELB, AmazonECS, \
            AmazonRDS, AmazonElastiCache, AmazonS3), keeps only the rows the estimator prices (e.g. Linux \
            shared-tenancy on-demand instances, NAT gateway, EBS, ALB/NLB, Fargate, RDS, ElastiCache nodes, \
            S3 Standard) and stores them as rates. Imported rates take precedence over the pricing/ sheets \
            for the same service, region and item; the sheets still provide everything else.

            Every file is read before the catalog is touched; the catalog is then rebuilt into a new file \
            that replaces the old one only when complete, so a malformed or truncated file (reported with \
            its line or JSON path) leaves the previous catalog as it was. Importing the same file again \
            changes nothing. A progress bar is shown on standard error when it is a terminal.
            """)

        @Argument(help: ArgumentHelp("Offer files (*.csv, *.json) or folders of them.", valueName: "file-or-folder"))
        var paths: [String]

        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            try PricingImportRun.run(paths: paths, loader: { try catalog.access.loader() }, catalog: { try catalog.access.lookups() })
        }
    }
}
