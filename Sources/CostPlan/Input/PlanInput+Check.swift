import Foundation

extension PlanInput {
    /// Checks the plan file or Terraform plan JSON at `path` without pricing it (`costplan
    /// validate`): what it holds, e.g. `2 environments, 9 components`, or for a Terraform plan
    /// `Terraform plan: 1 environment, 7 components; 7 resources priced, 12 free, 2 not priced`.
    /// Throws as `load(path:side:options:requireTerraform:)` does.
    public static func check(path: String, options: TerraformInputOptions = .init()) throws -> String {
        guard isTerraformPlan(path) else { return summary(try PlanParser.parse(contentsOf: path)) }
        let loaded = try load(path: path, options: options, requireTerraform: true)
        let report = loaded.terraform
        return "Terraform plan: \(summary(loaded.plan)); "
            + "\(report?.priced.count ?? 0) resources priced, \(report?.free.count ?? 0) free, "
            + "\((report?.notPriced.count ?? 0) + (report?.unresolved.count ?? 0)) not priced"
    }

    /// `2 environments, 9 components`.
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
