import ArgumentParser
import CostPlan
import CostPlanConsole
import CostPlanReports

struct CsvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Write a calendar month's costs (or a forecast) per environment, service and line item as CSV.",
        discussion: """
            Time-billed items use the month's real hours (672, 696, 720 or 744), scaled for \
            hours_per_month schedules; per-month items are not scaled. RFC 4180, UTF-8, CRLF; \
            each environment's cost_usd cells add up to its month total to the cent (README: "Finance CSV"). \
            A charge without a rate gets a row with empty unit_price_usd and cost_usd and a price_source \
            starting "not priced:" (not in the totals); --strict makes it an error instead. \
            Exit status: 0 written; 2 bad input (month, plan, environment; a missing rate with --strict); 1 anything else.
            """
    )

    @Argument(help: ArgumentHelp("The plan file (YAML or JSON).", valueName: "plan"))
    var planPath: String

    @Option(help: ArgumentHelp("The (first) month, YYYY-MM. Default: next month (UTC).", valueName: "YYYY-MM"))
    var month: String?

    @Option(help: ArgumentHelp("How many consecutive months (1–\(CostsCSV.maximumMonths)); one block of rows per month.", valueName: "n"))
    var months = 1

    @Option(help: "Which point of the scaling ranges to price: min, desired or max.")
    var scenario: Scenario = .desired

    @Option(name: .customLong("env"), help: ArgumentHelp("Only this environment (repeat for several).", valueName: "name"))
    var environments: [String] = []

    @Flag(help: "One row per month × environment × service (cost_usd only) instead of per line item.")
    var summary = false

    @Flag(help: "Start the file with a UTF-8 byte order mark (for Excel).")
    var bom = false

    @Option(help: ArgumentHelp("Write to this file (atomically: a temporary file renamed into place); default: standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var pricing: PricingOptions

    func run() async throws {
        try await CsvRun.run(planPath: planPath, month: month, months: months, scenario: scenario, environments: environments,
                             summary: summary, byteOrderMark: bom, out: out, catalog: pricing.access)
    }
}

extension Scenario: ExpressibleByArgument {}
