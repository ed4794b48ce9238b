import ArgumentParser
import CostPlanConsole

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

    @Option(name: .customLong("public-dir"), help: ArgumentHelp(
        "Folder of static assets copied to assets/; without it, the stylesheet built into costplan.", valueName: "dir"))
    var publicDirectory = "Public"

    @OptionGroup var pricing: PricingOptions

    func run() async throws {
        try await ReportRun.run(plans: plans, out: out, publicDirectory: publicDirectory, catalog: pricing.access)
    }
}
