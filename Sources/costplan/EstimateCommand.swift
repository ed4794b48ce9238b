import ArgumentParser
import CostPlan
import CostPlanReports
import Foundation

struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Price every environment of a plan: desired cost, min–max band and totals, side by side.",
        discussion: """
            Exit status: 0 priced; 2 the plan is invalid or a rate is missing (every problem is listed \
            on standard error with the file, field path and line); 1 anything else.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: ArgumentHelp("The plan file (YAML or JSON).", valueName: "plan"))
    var planPath: String

    @Option(name: .customLong("env"), help: ArgumentHelp(
        "Only this environment (repeat for several).", valueName: "name"))
    var environments: [String] = []

    @Option(help: "Output format: table (terminal) or json (the versioned contract).")
    var format: Format = .table

    @Flag(help: "With --format table, also list every line item with its quantity, unit price and rate source.")
    var details = false

    @OptionGroup var catalog: CatalogOptions

    func run() throws {
        let estimate = try catalog.estimate(planAt: planPath, environments: environments)
        switch format {
        case .table: Output.write(EstimateTable.render(estimate, details: details))
        case .json: Output.write(EstimateJSON.render(estimate))
        }
    }

    /// Parses a plan file, printing every problem and exiting 2 when it is invalid.
    static func loadPlan(_ path: String) throws -> Plan {
        do { return try PlanParser.parse(contentsOf: path) } catch let error as PlanError {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }
}
