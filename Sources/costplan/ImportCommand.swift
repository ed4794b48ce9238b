import ArgumentParser
import CostPlan
import CostPlanConsole

/// `costplan import …`: start a plan file from existing infrastructure.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a plan file from existing infrastructure (a Terraform plan).",
        subcommands: [ImportTerraformCommand.self]
    )
}

struct ImportTerraformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terraform",
        abstract: "Write the plan file equivalent to a Terraform plan: one component per priced resource.",
        discussion: """
            PLAN is `terraform show -json tfplan` output. The plan file goes to standard output \
            (costplan import terraform plan.json > costplan.yaml); every guessed value carries a \
            comment, ranges come from autoscaling targets and groups, and the resources that are not \
            priced are listed as comments at the end. It prices exactly as `costplan estimate plan.json` does.

            Exit status: 0 written; 2 the file is not a usable Terraform plan, or the usage file or a \
            mapped value is invalid (nothing is written to standard output).
            """
    )

    @Argument(help: ArgumentHelp("The Terraform plan JSON (terraform show -json tfplan).", valueName: "plan"))
    var planPath: String

    @Flag(help: "Import the resources as they are before apply instead of after.")
    var before = false

    @OptionGroup(title: "Terraform plans") var terraform: TerraformOptions

    func run() throws {
        try ValidateRun.importTerraform(planPath: planPath, side: before ? .before : .after, options: terraform.input)
    }
}
