import ArgumentParser
import CostPlanConsole

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check plan files without pricing them; list every problem with its file, field path and line.",
        discussion: """
            A Terraform plan (terraform show -json output) is checked by mapping it as `estimate` \
            would, with its usage file. Exit status: 0 all valid; 2 at least one plan is invalid.
            """
    )

    @Argument(help: ArgumentHelp(
        "Plan files (YAML or JSON), Terraform plan JSON files, or folders of them.",
        discussion: "A folder's *.yaml, *.yml and *.json files are checked (not recursive); symbolic links in it are skipped.",
        valueName: "plan"))
    var planPaths: [String]

    @OptionGroup(title: "Terraform plans") var terraform: TerraformOptions

    func run() throws {
        try ValidateRun.run(planPaths: planPaths, options: terraform.input)
    }
}
