import CostPlan
import CostPlanReports
import Foundation

/// `costplan capacity`: per environment with a demand, what the components need today and at a
/// scaled demand, and within a budget the highest peak it serves; printed as `CapacityTable`.
public enum CapacityRun {
    /// Prints the capacity of the plan at `planPath` (only `environments`, when any): `demandScale`
    /// multiplies today's demand; `budget` is a monthly amount in USD (`$` and `,` allowed).
    public static func run(planPath: String, environments: [String], demandScale: String, budget: String?,
                           catalog: CatalogAccess) throws {
        let plan = try PlanArguments.plan(planPath)
        let selection = EnvironmentSelection(environments)
        if let problem = selection.problem(in: plan, file: planPath) { throw CommandFailure(problem, status: 2) }
        guard let factor = Money.parse(demandScale), factor > 0 else {
            throw CommandFailure("error: --demand-scale must be a number above 0 (e.g. 3 or 1.5), not '\(demandScale)'", status: 2)
        }
        var amount: Decimal?
        if let budget {
            amount = Money.parse(budget.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: ""))
            guard let amount, amount >= 0 else {
                throw CommandFailure("error: --budget must be a dollar amount a month (e.g. 2500), not '\(budget)'", status: 2)
            }
        }
        let planner = CapacityPlanner(estimator: Estimator(catalog: try catalog.lookups()))
        // Any failure (a missing rate with --strict, a catalog that cannot be read mid-lookup)
        // is exit 2 with its message.
        let sections = try CommandFailure.mapping(status: 2) {
            var sections: [CapacityTable.Section] = []
            for environment in plan.environments where selection.contains(environment.name) {
                let today = try planner.estimator.price(environment, file: planPath)
                let scaled = try planner.atScale(environment, factor: factor, file: planPath)
                var section = CapacityTable.Section(today: Report.Environment(today), scaled: Report.Environment(scaled))
                if let amount, environment.demand != nil {
                    section.budget = (amount, try planner.budget(environment, amount, file: planPath))
                }
                sections.append(section)
            }
            return sections
        }
        Output.write(CapacityTable.render(plan: plan.name, factor: factor, sections: sections))
    }
}
