import CostPlan
import Foundation

/// The plan arguments of the commands read as the commands read them: every problem is a failure
/// with exit status 2 whose message lists it (file, field path, line).
public enum PlanArguments {
    /// What is wrong with `--env-from` and `--pricing-date`, if anything.
    public static func terraformProblem(envFrom: String, pricingDate: String?) -> String? {
        if EnvironmentSplit(argument: envFrom) == nil {
            return "error: --env-from \(envFrom): expected workspace, module or tag:KEY (e.g. tag:Environment)"
        }
        if let pricingDate, TerraformInputOptions.day(pricingDate) == nil {
            return "error: --pricing-date \(pricingDate): expected a day as YYYY-MM-DD (e.g. 2026-12-01)"
        }
        return nil
    }

    /// The Terraform options as the input layer takes them (checked by `terraformProblem`; the
    /// workspace split and today's date when unset).
    public static func terraformInput(usagePath: String?, envFrom: String, pricingDate: String?) -> TerraformInputOptions {
        TerraformInputOptions(usagePath: usagePath, split: EnvironmentSplit(argument: envFrom) ?? .workspace,
                              pricingDate: pricingDate.flatMap(TerraformInputOptions.day) ?? Date())
    }

    /// Parses the plan file at `path`.
    public static func plan(_ path: String) throws -> Plan {
        do { return try PlanParser.parse(contentsOf: path) } catch let error as PlanError {
            throw CommandFailure(error.description, status: 2)
        }
    }

    /// Reads the plan file or Terraform plan JSON at `path` (a file that cannot be read, bad Terraform
    /// JSON, an invalid mapped plan or usage file all fail).
    public static func load(_ path: String, side: TerraformSide = .after, options: TerraformInputOptions) throws -> PlanInput {
        try CommandFailure.mapping(status: 2) { try PlanInput.load(path: path, side: side, options: options) }
    }
}
