import ArgumentParser
import CostPlan
import CostPlanConsole
import Foundation

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
        var failed = false
        var paths: [String] = []
        for path in planPaths {
            // A path that does not exist is kept, so that checking it reports it as unreadable.
            guard FileManager.default.fileExists(atPath: path) else { paths.append(path); continue }
            let scan = PlanFiles.scan([path])
            for warning in scan.warnings { Output.error(warning) }
            paths += scan.files
        }
        if paths.isEmpty {
            Output.error("costplan: error: no plan files in \(planPaths.joined(separator: ", "))")
            throw ExitCode(2)
        }
        for path in paths {
            do { Output.write("\(path): ok — \(try PlanInput.check(path: path, options: terraform.input))\n") } catch {
                Output.error("\(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
