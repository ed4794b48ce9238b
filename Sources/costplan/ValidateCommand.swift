import ArgumentParser
import CostPlan

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check plan files without pricing them; list every problem with its file, field path and line.",
        discussion: "Exit status: 0 all valid; 2 at least one plan is invalid."
    )

    @Argument(help: ArgumentHelp("Plan files (YAML or JSON).", valueName: "plan"))
    var planPaths: [String]

    func run() throws {
        var failed = false
        for path in planPaths {
            do {
                let plan = try PlanParser.parse(contentsOf: path)
                let components = plan.environments.map(\.components.count).reduce(0, +)
                Output.write("\(path): ok — \(plan.environments.count) environments, \(components) components\n")
            } catch let error as PlanError {
                Output.error(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
