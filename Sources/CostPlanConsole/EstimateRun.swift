import CostPlan
import CostPlanReports

/// `costplan estimate`: reads the plan (or a Terraform plan), prices it and prints the table (with
/// `details`, every line item) or the JSON contract, with a Terraform plan's notes.
public enum EstimateRun {
    /// The output formats of `costplan estimate`.
    public enum Format: String, CaseIterable, Sendable {
        case table, json
    }

    /// Prints the estimate of the plan file or Terraform plan JSON at `planPath` (its `side` of the
    /// apply; only `environments`, when given), priced with `catalog` after it fetches what the plan lacks.
    public static func run(planPath: String, side: TerraformSide, terraform: TerraformInputOptions, environments: [String],
                           format: Format, details: Bool, catalog: CatalogAccess) async throws {
        PhaseTimeline.mark("arguments parsed")
        let opening = catalog.openingCurrent()
        let loaded = try PlanArguments.load(planPath, side: side, options: terraform)
        PhaseTimeline.mark("plan read")
        try await catalog.fetchMissing(for: [loaded.plan], environments: environments)
        let estimate = try await catalog.estimate(loaded.plan, file: planPath, environments: environments, opening: opening)
        PhaseTimeline.mark("priced")
        print(estimate, terraform: loaded.terraform, format: format, details: details)
        PhaseTimeline.mark("written")
    }

    /// Prints `estimate` in `format`; `terraform` is the report of the Terraform plan it came from.
    static func print(_ estimate: Estimate, terraform: TerraformReport?, format: Format, details: Bool) {
        switch format {
        case .table:
            let table = EstimateTable.render(Report(estimate), details: details) + (terraform.map(TerraformNotes.text) ?? "")
            PhaseTimeline.mark("rendered")
            Output.write(table)
        case .json:
            let document = EstimateJSON.document(Report(estimate))
            PhaseTimeline.mark("rendered")
            Output.write(terraform.map { TerraformNotes.adding(TerraformNotes.json($0), to: document) } ?? document)
        }
    }
}
