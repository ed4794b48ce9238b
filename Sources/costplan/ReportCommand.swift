import ArgumentParser
import CostPlan
import CostPlanConsole
import CostPlanReports
import CostPlanServer
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the web reports as a static site that opens from disk (file://) or any static host.",
        discussion: """
            The output folder is replaced whole, atomically: a failure leaves the previous report as it was. \
            A charge without a rate is shown as not priced (a warning box with its fix; totals marked ≥).

            Exit status: 0 written (plans with errors are shown on their pages); 2 no plan files, or with \
            --strict any plan that cannot be fully priced (nothing is written); 1 anything else.
            """
    )

    @Argument(help: ArgumentHelp("Plan files or folders of plans (default: examples).", valueName: "plan"))
    var plans: [String] = ["examples"]

    @Option(help: ArgumentHelp("The folder to write (replaced whole).", valueName: "dir"))
    var out: String

    @Option(name: .customLong("public-dir"), help: ArgumentHelp("Folder of static assets copied to assets/.", valueName: "dir"))
    var publicDirectory = "Public"

    @OptionGroup var strictness: StrictOption

    @OptionGroup(title: "Fetching missing rates") var fetch: FetchMissingOptions

    @OptionGroup var catalog: CatalogOptions

    func run() async throws {
        let scan = PlanFiles.scan(plans)
        for warning in scan.warnings { Output.error(warning) }
        let files = scan.files
        guard !files.isEmpty else {
            Output.error("costplan: error: no plan files in \(plans.joined(separator: ", "))")
            throw ExitCode(2)
        }
        // Plans that do not parse are shown with their errors on their pages; nothing to fetch for them.
        try await fetch.fetch(for: files.compactMap { try? PlanParser.parse(contentsOf: $0) }, catalog: catalog)
        let loaded = try catalog.load()
        var entries: [PlanLibrary.Entry] = []
        var failed = 0
        for path in files {
            let outcome = PlanLibrary.load(path: path, catalog: loaded, strict: strictness.strict)
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
        if strictness.strict, failed > 0 {
            Output.error("costplan: error: --strict: \(failed) plan\(failed == 1 ? "" : "s") cannot be fully priced or are invalid; nothing was written")
            throw ExitCode(2)
        }
        let pages = StaticSite.pages(entries, catalog: loaded)
        try StaticSite.write(pages, assets: URL(fileURLWithPath: publicDirectory), to: URL(fileURLWithPath: out))
        Output.write("wrote \(pages.count) pages for \(files.count) plans to \(out)/index.html\(failed > 0 ? " (\(failed) with errors shown on their pages)" : "")\n")
    }
}
