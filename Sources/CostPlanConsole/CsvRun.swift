import CostPlan
import CostPlanReports
import Foundation

/// `costplan csv`: checks the months, prices the plan and writes the CSV to standard output or,
/// atomically, to a file.
public enum CsvRun {
    /// Writes the CSV of `months` months from `month` (YYYY-MM; nil: next month in UTC) for the plan
    /// at `planPath` (see `CostsCSV.Options`), priced with `catalog` after it fetches what the plan
    /// lacks (`--fetch-missing`).
    public static func run(planPath: String, month: String?, months: Int, scenario: Scenario, environments: [String],
                           summary: Bool, byteOrderMark: Bool, out: String?, catalog: CatalogAccess) async throws {
        let start: CalendarMonth
        if let month {
            do { start = try CalendarMonth(parsing: month) } catch {
                throw CommandFailure("error: --month \(month): \(error.reason)", status: 2)
            }
        } else {
            start = .after(Date())   // a calendar (ICU) only when it is needed
        }
        guard (1...CostsCSV.maximumMonths).contains(months) else {
            throw CommandFailure("error: --months \(months): must be 1–\(CostsCSV.maximumMonths)", status: 2)
        }
        let plan = try PlanArguments.plan(planPath)
        try await catalog.fetchMissing(for: [plan], environments: environments)
        let report = Report(try await catalog.estimate(plan, file: planPath, environments: environments))
        let options = CostsCSV.Options(start: start, months: months, scenario: scenario, environments: environments,
                                       summary: summary, byteOrderMark: byteOrderMark)
        let csv: String
        do { csv = try CostsCSV.render(report, options: options) } catch {
            throw CommandFailure("\(planPath): error: \(error)", status: 2)
        }
        guard let out else { return Output.write(csv) }
        do { try AtomicFile.write(Data(csv.utf8), to: out) } catch {
            throw CommandFailure("error: --out \(out): \(error)", status: 1)
        }
    }
}
