import ArgumentParser
import CostPlan
import CostPlanServer
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the web reports as a static site that opens from disk (file://) or any static host.",
        discussion: "The output folder is replaced whole, atomically: a failure leaves the previous report as it was."
    )

    @Argument(help: ArgumentHelp("Plan files or folders of plans (default: examples).", valueName: "plan"))
    var plans: [String] = ["examples"]

    @Option(help: ArgumentHelp("The folder to write (replaced whole).", valueName: "dir"))
    var out: String

    @Option(name: .customLong("public-dir"), help: ArgumentHelp("Folder of static assets copied to assets/.", valueName: "dir"))
    var publicDirectory = "Public"

    @OptionGroup(title: "Fetching missing rates") var fetch: FetchMissingOptions

    @OptionGroup var catalog: CatalogOptions

    func run() async throws {
        let files = PlanLibrary.planFiles(in: plans)
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
            let outcome = PlanLibrary.load(path: path, catalog: loaded)
            if case let .failed(problems) = outcome {
                failed += 1
                Output.error(problems.joined(separator: "\n"))
            }
            entries.append(PlanLibrary.Entry(name: PlanLibrary.planName(path), path: path, outcome: outcome))
        }
        let pages = StaticSite.pages(entries, catalog: loaded)
        try StaticSite.write(pages, assets: URL(fileURLWithPath: publicDirectory), to: URL(fileURLWithPath: out))
        Output.write("wrote \(pages.count) pages for \(files.count) plans to \(out)/index.html\(failed > 0 ? " (\(failed) with errors shown on their pages)" : "")\n")
    }
}
