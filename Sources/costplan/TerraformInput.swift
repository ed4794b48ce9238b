import ArgumentParser
import CostPlan
import Foundation

/// Loading a plan argument for `estimate` and `import`: every problem (a file that cannot be
/// read, bad Terraform JSON, an invalid mapped plan or usage file) goes to standard error and
/// exits 2.
enum TerraformInput {
    static func load(_ path: String, side: TerraformSide, options: TerraformOptions, requireTerraform: Bool = false) throws -> LoadedPlan {
        if !requireTerraform, !FileManager.default.isReadableFile(atPath: path) {
            return LoadedPlan(plan: try EstimateCommand.loadPlan(path))  // the plan parser's own "cannot read" error
        }
        do {
            return try PlanSource.file(path).load(side: side, terraform: options, requireTerraform: requireTerraform)
        } catch let error as ExitCode {
            throw error
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }
}
