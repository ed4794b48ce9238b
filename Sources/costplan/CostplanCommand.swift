import ArgumentParser

struct CostplanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costplan",
        abstract: "Estimate and compare the monthly AWS cost of every environment tier of a system.",
        discussion: """
            Plans are YAML or JSON files (see README: "Plan file format"). Rates come from the \
            pricing/ sheets compiled into this binary (or --pricing-dir), loaded into a SQLite catalog cached \
            in ~/.cache/costplan/ automatically on first use.
            """,
        subcommands: [EstimateCommand.self, ValidateCommand.self, CapacityCommand.self, DiffCommand.self, CommentCommand.self, CsvCommand.self, ServeCommand.self, ReportCommand.self, PricingCommand.self, ImportCommand.self],
        defaultSubcommand: EstimateCommand.self
    )
}
