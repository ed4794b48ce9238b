import CostPlan
import CostPlanStore
import Foundation

/// `costplan pricing import`: read every offer file (with a progress bar on a terminal), then import
/// them all in one atomic catalog replacement, then summarise. Any failure exits 2, the catalog unchanged.
public enum PricingImportRun {
    /// Imports the offer files among `paths` (files, or folders of them) into `loader`'s catalog;
    /// `catalog` loads the result for the summary.
    public static func run(paths: [String], loader: () throws -> CatalogLoader,
                           catalog: () throws -> any PriceCatalog) throws {
        let files = try CommandFailure.mapping(status: 2) { try ImportSummary.offerFiles(paths, warn: { Output.error($0) }) }
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
                throw CommandFailure("\(error)\nNothing was imported; the catalog is unchanged.", status: 2)
            }
        }
        let loader = try loader()
        let outcomes: [ImportOutcome]
        do {
            outcomes = try loader.importOffers(imports, waiting: {
                Output.error("costplan: waiting for another import into \(loader.databasePath) to finish…")
            })
        } catch {
            throw CommandFailure("\(error)\nNothing was imported; the catalog is unchanged.", status: 2)
        }
        Output.write(ImportSummary.render(imports, outcomes: outcomes, snapshot: try catalog().snapshot))
    }
}
