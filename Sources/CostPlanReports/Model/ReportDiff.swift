import CostPlan
import Foundation

/// What a change to a plan does to its monthly cost: the reports of the base and head versions,
/// both priced with one catalog (so a price change between snapshots is never mistaken for a
/// plan change), compared environment by environment (by name), component by component (by id)
/// and line item by line item (by name, then by rate).
///
/// The one pairing of the two sides and the one owner of the diff's facts (statuses, setting
/// changes, deltas, capacity warnings brought or resolved, what is not priced): the diff
/// renderers (`DiffMarkdown`, `DiffJSON`, `DiffTable`, `TerraformDiffNotes`) take only this.
/// It is built from two `Report`s, not from `Plan`s and `Estimate`s, because a report already
/// carries every fact a diff compares (settings, schedules, demand, ranges, line items,
/// unpriced charges): so the diff is tested from serialized report fixtures like every other
/// renderer, with no catalog or plan file. It lives beside `Report` because the domain
/// (`CostPlan`) does not know the report model; the domain keeps the diff's vocabulary only
/// (`CostChange`, `ChangeStatus`, `FieldChange`, `BudgetLimit`, `DiffInputError`).
///
/// Pure: no I/O, no rounding. Totals are exact: `cost.delta` is the head report's total minus
/// the base report's, summed over the environments of either side.
public struct ReportDiff: Sendable {
    /// The base plan's name and the file (or `REF:PATH`) it was read from.
    public let baseName: String
    public let baseFile: String
    /// The head plan's name and the file (or `REF:PATH`) it was read from.
    public let headName: String
    public let headFile: String
    /// The one catalog snapshot both sides were priced with.
    public let pricing: PricingSnapshot
    /// Every environment of either side, head order, each removed one where it stood.
    public let environments: [Environment]
    /// Monthly totals over every environment of either side: exactly the head report's total
    /// minus the base report's at each scenario.
    public let cost: CostChange

    /// Compares two reports priced with one catalog snapshot (`base.pricing == head.pricing`).
    public init(base: Report, head: Report) {
        precondition(base.pricing == head.pricing, "both sides of a diff must be priced with one catalog")
        baseName = base.plan
        baseFile = base.file
        headName = head.plan
        headFile = head.file
        pricing = head.pricing
        func index(_ report: Report) -> [String: Report.Environment] {
            Dictionary(report.environments.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        }
        let before = index(base), after = index(head)
        environments = mergedOrder(base: base.environments.map(\.name), head: head.environments.map(\.name))
            .map { Environment(name: $0, base: before[$0], head: after[$0]) }
        cost = environments.reduce(.zero) { $0 + $1.cost }
    }

    /// True when anything differs: an environment or component added, removed or changed.
    public var hasChanges: Bool { environments.contains { $0.status != .unchanged } }

    /// True when any environment's cost changes at any scenario.
    public var hasCostChange: Bool { environments.contains { !$0.cost.isZero } }

    /// True when every charge of both sides is priced; otherwise the totals are lower bounds
    /// and `cost` is the change in what is priced.
    public var complete: Bool { environments.allSatisfy { ($0.base?.complete ?? true) && ($0.head?.complete ?? true) } }

    /// True when a component that was added or changed has a charge that cannot be priced on
    /// its head side (or a removed one on its base side): its cost change is not fully known,
    /// so the diff must never read "No cost change".
    public var hasUnpricedChange: Bool { environments.contains { !$0.unpricedChanges.isEmpty } }

    /// Every charge either side could not price: the head's, then the base's that the head does
    /// not also lack (same environment, component and rate), each with its side and environment.
    public var unpriced: [(side: DiffSide, environment: String, item: UnpricedItem)] {
        var result: [(side: DiffSide, environment: String, item: UnpricedItem)] = []
        for env in environments {
            let head = env.head?.unpriced ?? []
            result += head.map { (.head, env.name, $0) }
            for item in env.base?.unpriced ?? [] where !head.contains(where: { $0.component == item.component && $0.key == item.key }) {
                result.append((.base, env.name, item))
            }
        }
        return result
    }

    /// The environments added, removed or changed.
    public var changedEnvironments: [Environment] { environments.filter { $0.status != .unchanged } }
}

extension BudgetLimit {
    /// Each environment of `diff` whose desired cost rises above any of `limits`, once per limit.
    public static func violations(of limits: [BudgetLimit], in diff: ReportDiff) -> [BudgetViolation] {
        diff.environments.flatMap { env in
            limits.filter { $0.isExceeded(by: env.cost) }.map { BudgetViolation(environment: env.name, limit: $0, change: env.cost) }
        }
    }
}

/// An environment whose desired monthly cost rises above a budget limit.
public struct BudgetViolation: Hashable, Sendable {
    public var environment: String
    public var limit: BudgetLimit
    public var change: CostChange
}
