import ArgumentParser
import CostPlanConsole

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the monthly cost of two versions of a plan: a pull request's cost change, with a budget gate.",
        discussion: """
            BASE and HEAD are plan files, or REF:PATH to read a plan from git \
            (e.g. origin/main:infra/costplan.yaml, read with `git show`). Both are priced with one catalog; \
            components match by environment and id.

            Terraform: `costplan diff plan.json` prices one Terraform plan before → after apply (a pull \
            request's plan); BASE and HEAD may also be two Terraform plans. Resources costplan does not \
            price are listed with the diff. See README: "Terraform plans".

            A charge without a rate is not priced on its side (listed, with its fix, in the output and on \
            standard error); totals and changes are then of what is priced, and --fail-above gates on that \
            (the Markdown comment says so). --strict makes a missing rate an error of that side instead.

            Exit status: 0 compared (within every --fail-above limit); 1 an environment's desired monthly \
            cost rises above a --fail-above limit (the diff is still printed; the message names the \
            environment and the figures); 2 bad input — a plan that cannot be read or is invalid (with \
            --strict: needs a missing rate; the message says which side), or a bad --fail-above value; \
            64 a usage error (an unknown option, a value not among the choices), printed with the usage.
            """
    )

    @Argument(help: ArgumentHelp("The plan before the change: a file or REF:PATH.", valueName: "base"))
    var base: String

    @Argument(help: ArgumentHelp("The plan after the change: a file or REF:PATH. Leave out to compare a Terraform plan's before and after.", valueName: "head"))
    var head: String?

    @OptionGroup(title: "Terraform plans") var terraform: TerraformOptions

    @Option(help: "Output format: table (terminal), markdown (a pull-request comment) or json.")
    var format: DiffRun.Format = .table

    @Option(name: .customLong("env"), help: ArgumentHelp("Only this environment (repeat for several).", valueName: "name"))
    var environments: [String] = []

    @Option(help: ArgumentHelp(
        "Exit 1 when any environment's desired monthly cost rises by more than AMOUNT dollars (e.g. 250) or PERCENT% (e.g. 10%).",
        discussion: "Repeat to set both; an added environment rises by more than any percentage.",
        valueName: "limit"))
    var failAbove: [String] = []

    @OptionGroup var pricing: PricingOptions

    func run() async throws {
        try await DiffRun.run(base: base, head: head, terraform: terraform.input, format: format, environments: environments,
                              failAbove: failAbove, catalog: pricing.access)
    }
}

extension DiffRun.Format: ExpressibleByArgument {}
