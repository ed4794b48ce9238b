import ArgumentParser
import CostPlan
import CostPlanConsole

struct EstimateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Price every environment of a plan: desired cost, min–max band and totals, side by side.",
        discussion: """
            PLAN may also be a Terraform plan (`terraform show -json tfplan > plan.json`): its resources \
            after apply (or before, with --before) are priced, and those costplan does not price are listed. \
            See README: "Terraform plans".

            A charge the catalog has no rate for is not priced (never $0): it is listed under NOT PRICED \
            (and on standard error) with the `costplan pricing fetch` command that fills it, and the totals \
            are marked as lower bounds (≥). See README: "Not priced".

            Exit status: 0 priced (also when some charges are not priced, unless --strict); 2 the plan is \
            invalid, or with --strict a rate is missing (every problem is listed on standard error with the \
            file, field path and line); 1 anything else.
            """
    )

    @Argument(help: ArgumentHelp("The plan file (YAML or JSON), or a Terraform plan JSON.", valueName: "plan"))
    var planPath: String

    @Option(name: .customLong("env"), help: ArgumentHelp(
        "Only this environment (repeat for several).", valueName: "name"))
    var environments: [String] = []

    @Option(help: "Output format: table (terminal) or json (the versioned contract).")
    var format: EstimateRun.Format = .table

    @Flag(help: "With --format table, also list every line item with its quantity, unit price and rate source.")
    var details = false

    @Flag(help: "With a Terraform plan: price the resources as they are before apply instead of after.")
    var before = false

    @OptionGroup(title: "Terraform plans") var terraform: TerraformOptions

    @OptionGroup var pricing: PricingOptions

    func run() async throws {
        try await EstimateRun.run(planPath: planPath, side: before ? .before : .after, terraform: terraform.input,
                                  environments: environments, format: format, details: details, catalog: pricing.access)
    }
}

extension EstimateRun.Format: ExpressibleByArgument {}
