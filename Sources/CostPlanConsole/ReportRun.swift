import CostPlan
import CostPlanRateSheets
import CostPlanReports
import CostPlanServer
import CostPlanStore
import Foundation

/// `costplan report`: prices every plan file and writes the static site, replacing `out` whole.
/// Plans with errors are shown on their pages; with `--strict` any of them fails (exit 2, nothing written).
public enum ReportRun {
    /// Writes the site of the plan files in `plans`, priced with `catalog` after it fetches what the
    /// plans that parse lack (`--fetch-missing`). The stylesheet built into costplan is written as
    /// the site's `assets/costplan.css` when there is no `publicDirectory` folder.
    public static func run(plans: [String], out: String, publicDirectory: String, catalog: CatalogAccess) async throws {
        let scan = PlanFiles.scan(plans)
        for warning in scan.warnings { Output.error(warning) }
        let files = scan.files
        guard !files.isEmpty else {
            throw CommandFailure("costplan: error: no plan files in \(plans.joined(separator: ", "))", status: 2)
        }
        // Plans that do not parse are shown with their errors on their pages; nothing to fetch for them.
        try await catalog.fetchMissing(for: files.compactMap { try? PlanParser.parse(contentsOf: $0) })
        let loaded = try catalog.load()
        var entries: [PlanLibrary.Entry] = []
        var failed = 0
        for path in files {
            let outcome = PlanLibrary.load(path: path, catalog: loaded, strict: catalog.strict)
            switch outcome {
            case let .failed(problems):
                failed += 1
                Output.error(problems.joined(separator: "\n"))
            case let .priced(_, _, report) where !report.complete:
                Output.error("\(path): " + UnpricedText.block(report))
            case .priced:
                break
            }
            entries.append(PlanLibrary.Entry(name: PlanLibrary.planName(path), path: path, outcome: outcome))
        }
        if catalog.strict, failed > 0 {
            throw CommandFailure("costplan: error: --strict: \(failed) plan\(failed == 1 ? "" : "s") cannot be fully priced or are invalid; nothing was written",
                                 status: 2)
        }
        let pages = StaticSite.pages(entries, catalog: loaded)
        try StaticSite.write(pages, assets: URL(fileURLWithPath: publicDirectory), stylesheet: EmbeddedAssets.stylesheet,
                             to: URL(fileURLWithPath: out))
        Output.write("wrote \(pages.count) pages for \(files.count) plans to \(out)/index.html\(failed > 0 ? " (\(failed) with errors shown on their pages)" : "")\n")
    }
}
