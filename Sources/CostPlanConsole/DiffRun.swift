import CostPlan
import CostPlanReports

/// `costplan diff`: reads both sides, prices them with one catalog, prints the diff in the chosen
/// format (with a Terraform plan's notes) and applies the `--fail-above` limits (exit 1 above one).
public enum DiffRun {
    /// The output formats of `costplan diff`.
    public enum Format: String, CaseIterable, Sendable {
        case table, markdown, json
    }

    /// Compares `base` with `head` (nil: a Terraform plan's before with its after), priced with
    /// `catalog` after it fetches what the two plans lack (`--fetch-missing`).
    public static func run(base: String, head: String?, terraform: TerraformInputOptions, format: Format,
                           environments: [String], failAbove: [String], catalog: CatalogAccess) async throws {
        let limits = try failAbove.map { text in
            guard let limit = BudgetLimit(argument: text) else {
                throw CommandFailure("error: --fail-above \(text): expected dollars a month (e.g. 250) or a percentage (e.g. 10%), not negative",
                                     status: 2)
            }
            return limit
        }
        let opening = catalog.openingCurrent()
        let baseLoaded = try read(base, .base, side: head == nil ? .before : .after, options: terraform)
        let headLoaded = try read(head ?? base, .head, side: .after, options: terraform)
        let basePlan = baseLoaded.plan, headPlan = headLoaded.plan
        try await catalog.fetchMissing(for: [basePlan, headPlan], environments: environments)

        let selection = EnvironmentSelection(environments)
        if let problem = selection.problem(inEither: basePlan, headPlan) { throw CommandFailure(problem, status: 2) }
        // Any failure (bad input, a catalog that cannot be read mid-lookup) is exit 2 with its message.
        let lookups = try await catalog.lookups(opening: opening)
        let diff = try CommandFailure.mapping(status: 2) {
            try ReportDiff.between(basePlan, headPlan, catalog: lookups, only: selection.only,
                                   strict: catalog.strict)
        }
        if !diff.complete { Output.error(UnpricedText.block(diff)) }
        let violations = BudgetLimit.violations(of: limits, in: diff)
        let notes = headLoaded.terraform.map { TerraformDiffNotes(head: $0, base: baseLoaded.terraform) }
        switch format {
        case .table: Output.write(DiffTable.render(diff, violations: violations) + (notes?.text ?? ""))
        case .markdown: Output.write(notes?.markdown(diff, violations: violations, limits: limits)
                                     ?? DiffMarkdown.render(diff, violations: violations, limits: limits))
        case .json: Output.write(notes?.json(diff, violations: violations) ?? DiffJSON.document(diff, violations: violations))
        }
        if !limits.isEmpty, !diff.complete {
            Output.error("costplan: --fail-above checked the priced cost only (the items not priced are listed above)")
        }
        if !violations.isEmpty {
            for v in violations { Output.error("costplan: budget exceeded: \(DiffText.violation(v))") }
            throw CommandFailure(status: 1)
        }
    }

    /// Reads one side; a problem (naming the side) is a failure with exit status 2.
    private static func read(_ argument: String, _ side: DiffSide, side state: TerraformSide,
                             options: TerraformInputOptions) throws -> PlanInput {
        do { return try PlanInput.load(PlanSource(argument: argument), side: state, options: options) } catch let error as UsageFileError {
            throw CommandFailure(error.description, status: 2)
        } catch {
            throw CommandFailure(DiffInputError(side: side, file: argument, underlying: error).description, status: 2)
        }
    }
}
