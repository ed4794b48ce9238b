import ArgumentParser
import CostPlan
import CostPlanConsole

/// How a Terraform plan (`terraform show -json` output) is read; shared by estimate, diff, validate and import.
struct TerraformOptions: ParsableArguments {
    @Option(name: .customLong("usage"), help: ArgumentHelp(
        "Usage file for a Terraform plan (YAML): usage and values Terraform cannot know.",
        discussion: "Default: PLAN.usage.yaml (or .yml) beside PLAN.json, else costplan-usage.yaml in the same folder. See README: \"Terraform plans\".",
        valueName: "file"))
    var usagePath: String?

    @Option(help: ArgumentHelp(
        "How a Terraform plan's resources split into environments: workspace (one environment, the default), module (one per top-level module call) or tag:KEY (one per value of tag KEY).",
        valueName: "split"))
    var envFrom: String = "workspace"

    @Option(help: ArgumentHelp(
        "The day a Terraform plan is priced for (YYYY-MM-DD, UTC; default today): date-dependent charges such as RDS Extended Support year 1–2 or year 3 are those in effect on it.",
        valueName: "date"))
    var pricingDate: String?

    func validate() throws {
        if let problem = PlanArguments.terraformProblem(envFrom: envFrom, pricingDate: pricingDate) {
            Output.error(problem)
            throw ExitCode(2)
        }
    }

    /// The options as the input layer takes them.
    var input: TerraformInputOptions { PlanArguments.terraformInput(usagePath: usagePath, envFrom: envFrom, pricingDate: pricingDate) }
}
