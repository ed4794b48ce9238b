import ArgumentParser
import CostPlan
import CostPlanConsole
import CostPlanReports
import Foundation

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the monthly cost of two versions of a plan: a pull request's cost change, with a budget gate.",
        discussion: """
            BASE and HEAD are plan files, or REF:PATH to read a plan from git \
            (e.g. origin/main:infra/costplan.yaml, read with `git show`). Both are priced with one catalog; \
            components match by environment and id.

            Terraform: `costplan diff plan.json` prices one Terraform plan before → after apply (a pull \
            request's plan); BASE and HEAD may also be two Terraform plans. Resources costplan does not \
            price are listed with the diff. See README: "Terraform plans".

            A charge without a rate is not priced on its side (listed, with its fix, in the output and on \
            standard error); totals and changes are then of what is priced, and --fail-above gates on that \
            (the Markdown comment says so). --strict makes a missing rate an error of that side instead.

            Exit status: 0 compared (within every --fail-above limit); 1 an environment's desired monthly \
            cost rises above a --fail-above limit (the diff is still printed; the message names the \
            environment and the figures); 2 bad input — a plan that cannot be read or is invalid (with \
            --strict: needs a missing rate; the message says which side), or a bad option.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, json
    }

    @Argument(help: ArgumentHelp("The plan before the change: a file or REF:PATH.", valueName: "base"))
    var base: String

    @Argument(help: ArgumentHelp("The plan after the change: a file or REF:PATH. Leave out to compare a Terraform plan's before and after.", valueName: "head"))
    var head: String?

    @OptionGroup(title: "Terraform plans") var terraform: TerraformOptions

    @Option(help: "Output format: table (terminal), markdown (a pull-request comment) or json.")
    var format: Format = .table

    @Option(name: .customLong("env"), help: ArgumentHelp("Only this environment (repeat for several).", valueName: "name"))
    var environments: [String] = []

    @Option(name: .customLong("fail-above"), help: ArgumentHelp(
        "Exit 1 when any environment's desired monthly cost rises by more than AMOUNT dollars (e.g. 250) or PERCENT% (e.g. 10%).",
        discussion: "Repeat to set both; an added environment rises by more than any percentage.",
        valueName: "limit"))
    var failAbove: [String] = []

    @OptionGroup var strictness: StrictOption

    @OptionGroup(title: "Fetching missing rates") var fetch: FetchMissingOptions

    @OptionGroup var catalog: CatalogOptions

    func run() async throws {
        var limits: [BudgetLimit] = []
        for text in failAbove {
            guard let limit = BudgetLimit(argument: text) else {
                Output.error("error: --fail-above \(text): expected dollars a month (e.g. 250) or a percentage (e.g. 10%), not negative")
                throw ExitCode(2)
            }
            limits.append(limit)
        }
        guard let baseLoaded = read(base, .base, side: head == nil ? .before : .after) else { throw ExitCode(2) }
        guard let headLoaded = read(head ?? base, .head, side: .after) else { throw ExitCode(2) }
        let basePlan = baseLoaded.plan, headPlan = headLoaded.plan
        try await fetch.fetch(for: [basePlan, headPlan], environments: environments, catalog: catalog)

        let selection = EnvironmentSelection(environments)
        if let problem = selection.problem(inEither: basePlan, headPlan) {
            Output.error(problem)
            throw ExitCode(2)
        }
        let diff: PlanDiff
        do {
            diff = try PlanDiff.between(basePlan, headPlan, catalog: try catalog.lookups(),
                                        only: selection.only, strict: strictness.strict)
        } catch let error as DiffInputError {
            Output.error(error.description)
            throw ExitCode(2)
        }
        if !diff.complete { Output.error(UnpricedText.block(diff)) }
        let violations = BudgetLimit.violations(of: limits, in: diff)
        let notes = headLoaded.terraform.map { TerraformDiffNotes(head: $0, base: baseLoaded.terraform) }
        switch format {
        case .table: Output.write(DiffTable.render(diff, violations: violations) + (notes?.text ?? ""))
        case .markdown: Output.write(notes?.markdown(diff, violations: violations, limits: limits)
                                     ?? DiffMarkdown.render(diff, violations: violations, limits: limits))
        case .json: Output.write((notes?.json(diff, violations: violations) ?? DiffJSON.document(diff, violations: violations)).rendered())
        }
        if !limits.isEmpty, !diff.complete {
            Output.error("costplan: --fail-above checked the priced cost only (the items not priced are listed above)")
        }
        if !violations.isEmpty {
            for v in violations { Output.error("costplan: budget exceeded: \(DiffText.violation(v))") }
            throw ExitCode(1)
        }
    }

    /// Reads one side, printing its problems (naming the side) and returning nil when it is unusable.
    private func read(_ argument: String, _ side: DiffSide, side state: TerraformSide) -> PlanInput? {
        do { return try PlanInput.load(PlanSource(argument: argument), side: state, options: terraform.input) } catch let error as UsageFileError {
            Output.error(error.description)
            return nil
        } catch {
            Output.error(DiffInputError(side: side, file: argument, underlying: error).description)
            return nil
        }
    }
}
