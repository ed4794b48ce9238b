import ArgumentParser
import CostPlan
import CostPlanConsole
import CostPlanStore
import Foundation

extension PricingCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            try PricingImport.run(files: try PricingImport.expand(paths), catalog: catalog)
        }
    }
}

/// The import of `pricing import`: read every file (with a progress bar on a terminal), then
/// import them all in one atomic catalog replacement, then summarise.
enum PricingImport {
    static func expand(_ paths: [String]) throws -> [String] {
        do { return try ImportSummary.offerFiles(paths, warn: { Output.error($0) }) } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }

    static func run(files: [String], catalog: CatalogOptions) throws {
        let showProgress = isatty(2) == 1
        var imports: [OfferImport] = []
        for file in files {
            do {
                let progress: ((ImportProgress) -> Void)? = showProgress ? { ProgressBar.draw($0) } : nil
                let offerImport = try OfferImport.read(path: file, progress: progress)
                if showProgress { ProgressBar.clear() }
                imports.append(offerImport)
            } catch {
                if showProgress { ProgressBar.clear() }
                Output.error("\(error)\nNothing was imported; the catalog is unchanged.")
                throw ExitCode(2)
            }
        }
        let outcomes: [ImportOutcome]
        let loader = try catalog.loader()
        do {
            outcomes = try loader.importOffers(imports, waiting: {
                Output.error("costplan: waiting for another import into \(loader.databasePath) to finish…")
            })
        } catch {
            Output.error("\(error)\nNothing was imported; the catalog is unchanged.")
            throw ExitCode(2)
        }
        Output.write(ImportSummary.render(imports, outcomes: outcomes, snapshot: try catalog.lookups().snapshot))
    }
}
