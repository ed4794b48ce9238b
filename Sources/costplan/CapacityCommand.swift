import ArgumentParser
import CostPlanConsole

struct CapacityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "From demand to counts: what each environment needs, its headroom and its cost — today, at N× traffic, or within a budget.",
        discussion: """
            Per environment with a `demand:` block: the demand, what each component with a `capacity:` block \
            needs at the peak and on average, its configured range and desired count, where the range saturates, \
            the headroom (saturation ÷ peak) and the monthly cost at that demand. Figures the plan states \
            explicitly (a range's desired, lcu/usage, data_processed_gb) stay as stated at every demand.
            A charge without a rate is listed as not priced and the costs are lower bounds (marked ≥); \
            the budget search then counts what is priced.
            Exit status: 0 printed (capacity warnings and missing rates do not fail); 2 an invalid plan, an unknown --env or a bad --demand-scale/--budget; 1 anything else.
            """
    )

    @Argument(help: ArgumentHelp("The plan file (YAML or JSON).", valueName: "plan"))
    var planPath: String

    @Option(name: .customLong("env"), help: ArgumentHelp("Only this environment (repeat for several).", valueName: "name"))
    var environments: [String] = []

    @Option(help: ArgumentHelp(
        "Multiply today's demand (peak, average, reads, egress; not the working set) by this factor, e.g. 3 for 3× traffic; "
            + "lists the ranges that would have to grow.", valueName: "factor"))
    var demandScale: String = "1"

    @Option(help: ArgumentHelp(
        "A monthly budget in USD: also find the highest whole peak rps each environment serves within it and within its ranges.",
        valueName: "usd"))
    var budget: String?

    @OptionGroup var catalog: CatalogOptions

    func run() throws {
        try CapacityRun.run(planPath: planPath, environments: environments, demandScale: demandScale, budget: budget,
                            catalog: catalog.access)
    }
}
