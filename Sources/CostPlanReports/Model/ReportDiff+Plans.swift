import CostPlan
import Foundation

extension ReportDiff {
    /// Prices `base` and `head` with `catalog` (only the environments in `only`, when given)
    /// and compares their reports. A charge without a rate is left unpriced on its side
    /// (`Report.Environment.unpriced`); with `strict` it is an error instead. Throws
    /// `DiffInputError` naming the side that cannot be priced.
    public static func between(_ base: Plan, _ head: Plan, catalog: any PriceCatalog, only: Set<String>? = nil,
                               strict: Bool = false) throws -> ReportDiff {
        let estimator = Estimator(catalog: catalog)
        func price(_ plan: Plan, _ side: DiffSide) throws -> Report {
            do {
                let estimate = try estimator.estimate(plan, only: only)
                if strict, let error = EstimateError(incomplete: estimate) { throw error }
                return Report(estimate)
            } catch {
                throw DiffInputError(side: side, file: plan.file, underlying: error)
            }
        }
        return ReportDiff(base: try price(base, .base), head: try price(head, .head))
    }

    /// Parses two plan texts (YAML or JSON), prices both with `catalog` and compares them.
    /// `baseFile`/`headFile` name the sides in messages and reports. Throws `DiffInputError`
    /// naming the side that is invalid or cannot be priced (the base first when both are).
    public static func between(baseText: String, headText: String, catalog: any PriceCatalog,
                               baseFile: String = "base", headFile: String = "head", only: Set<String>? = nil,
                               strict: Bool = false) throws -> ReportDiff {
        func parse(_ text: String, _ file: String, _ side: DiffSide) throws -> Plan {
            do { return try PlanParser.parse(text, file: file) } catch {
                throw DiffInputError(side: side, file: file, underlying: error)
            }
        }
        let base = try parse(baseText, baseFile, .base)
        let head = try parse(headText, headFile, .head)
        return try between(base, head, catalog: catalog, only: only, strict: strict)
    }
}
