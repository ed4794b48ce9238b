import CostPlan
import CostPlanReports

/// What `costplan estimate` prints: the table (with `details`, every line item) or the JSON
/// contract, with a Terraform plan's notes.
public enum EstimateRun {
    /// The output formats of `costplan estimate`.
    public enum Format: String, CaseIterable, Sendable {
        case table, json
    }

    /// Prints `estimate` in `format`; `terraform` is the report of the Terraform plan it came from.
    public static func print(_ estimate: Estimate, terraform: TerraformReport?, format: Format, details: Bool) {
        switch format {
        case .table: Output.write(EstimateTable.render(Report(estimate), details: details) + (terraform.map(TerraformNotes.text) ?? ""))
        case .json:
            let document = EstimateJSON.document(Report(estimate))
            Output.write((terraform.map { TerraformNotes.adding(TerraformNotes.json($0), to: document) } ?? document).rendered())
        }
    }
}
