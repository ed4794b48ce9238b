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
            do {
                if Self.isTerraformPlan(path) {
                    let loaded = try terraform.load(path, requireTerraform: true)
                    let report = loaded.terraform
                    Output.write("\(path): ok — Terraform plan: \(Self.summary(loaded.plan)); "
                        + "\(report?.priced.count ?? 0) resources priced, \(report?.free.count ?? 0) free, "
                        + "\((report?.notPriced.count ?? 0) + (report?.unresolved.count ?? 0)) not priced\n")
                } else {
                    Output.write("\(path): ok — \(Self.summary(try PlanParser.parse(contentsOf: path)))\n")
                }
            } catch let error as PlanError {
                Output.error(error.description)
                failed = true
            } catch is ExitCode {
                failed = true   // TerraformOptions.load has printed the problems
            }
        }
        if failed { throw ExitCode(2) }
    }

    static func summary(_ plan: Plan) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return count(plan.environments.count, "environment") + ", "
            + count(plan.environments.map(\.components.count).reduce(0, +), "component")
    }

    /// True for a readable file whose text is Terraform JSON (a plan, or state or the UI stream,
    /// which the Terraform reader turns away with their own errors).
    static func isTerraformPlan(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return false }
        return TerraformPlanReader.isTerraformJSON(text)
    }
}
