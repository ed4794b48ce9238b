import Foundation

/// What a change to a plan does to its monthly cost: the base and head versions, both priced
/// with one catalog (so a price change between snapshots is never mistaken for a plan change),
/// compared environment by environment (by name) and component by component (by id).
///
/// Pure: no I/O, no rounding. Totals are exact: `cost.delta` is the head estimate's total
/// minus the base estimate's, summed over the environments of either side.
public struct PlanDiff: Sendable {
    /// The base plan's name and the file (or `REF:PATH`) it was read from.
    public let baseName: String
    public let baseFile: String
    /// The head plan's name and the file (or `REF:PATH`) it was read from.
    public let headName: String
    public let headFile: String
    /// The one catalog snapshot both sides were priced with.
    public let pricing: PricingSnapshot
    /// Every environment of either side, head order, each removed one where it stood.
    public let environments: [EnvironmentDiff]
    /// Monthly totals over every environment of either side: exactly the head estimate's total
    /// minus the base estimate's at each scenario.
    public let cost: CostChange

    /// Compares two plans already priced with one catalog. `baseEstimate` must be the estimate
    /// of `base` and `headEstimate` that of `head`, from the same catalog snapshot.
    public init(base: Plan, head: Plan, baseEstimate: Estimate, headEstimate: Estimate) {
        precondition(baseEstimate.pricing == headEstimate.pricing, "both sides of a diff must be priced with one catalog")
        baseName = base.name
        baseFile = base.file
        headName = head.name
        headFile = head.file
        pricing = headEstimate.pricing
        func index(_ plan: Plan, _ estimate: Estimate) -> [String: (plan: Environment, estimate: EnvironmentEstimate)] {
            let plans = Dictionary(plan.environments.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            var result: [String: (plan: Environment, estimate: EnvironmentEstimate)] = [:]
            for env in estimate.environments { if let p = plans[env.name] { result[env.name] = (p, env) } }
            return result
        }
        let before = index(base, baseEstimate), after = index(head, headEstimate)
        environments = mergedOrder(base: baseEstimate.environments.map(\.name), head: headEstimate.environments.map(\.name))
            .map { EnvironmentDiff(name: $0, base: before[$0], head: after[$0]) }
        cost = environments.reduce(.zero) { $0 + $1.cost }
    }

    /// Prices `base` and `head` with `catalog` (only the environments in `only`, when given)
    /// and compares them. A charge without a rate is left unpriced on its side
    /// (`EnvironmentEstimate.unpriced`); with `strict` it is an error instead. Throws
    /// `DiffInputError` naming the side that cannot be priced.
    public static func between(_ base: Plan, _ head: Plan, catalog: any PriceCatalog, only: Set<String>? = nil,
                               strict: Bool = false) throws -> PlanDiff {
        let estimator = Estimator(catalog: catalog)
        func price(_ plan: Plan, _ side: DiffSide) throws -> Estimate {
            do {
                let estimate = try estimator.estimate(plan, only: only)
                if strict, let error = EstimateError(incomplete: estimate) { throw error }
                return estimate
            } catch {
                throw DiffInputError(side: side, file: plan.file, underlying: error)
            }
        }
        return PlanDiff(base: base, head: head, baseEstimate: try price(base, .base), headEstimate: try price(head, .head))
    }

    /// Parses two plan texts (YAML or JSON), prices both with `catalog` and compares them: what
    /// `POST /api/diff` needs. `baseFile`/`headFile` name the sides in messages and reports.
    /// Throws `DiffInputError` naming the side that is invalid or cannot be priced (the base
    /// first when both are).
    public static func between(baseText: String, headText: String, catalog: any PriceCatalog,
                               baseFile: String = "base", headFile: String = "head", only: Set<String>? = nil,
                               strict: Bool = false) throws -> PlanDiff {
        func parse(_ text: String, _ file: String, _ side: DiffSide) throws -> Plan {
            do { return try PlanParser.parse(text, file: file) } catch {
                throw DiffInputError(side: side, file: file, underlying: error)
            }
        }
        let base = try parse(baseText, baseFile, .base)
        let head = try parse(headText, headFile, .head)
        return try between(base, head, catalog: catalog, only: only, strict: strict)
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
    public var changedEnvironments: [EnvironmentDiff] { environments.filter { $0.status != .unchanged } }
}

/// One side of a diff cannot be used: its plan is invalid or needs rates the catalog lacks.
public struct DiffInputError: Error, Sendable, CustomStringConvertible {
    public var side: DiffSide
    /// The file (or `REF:PATH`) of that side.
    public var file: String
    /// The `PlanError` or `EstimateError` with every problem found (or why the plan cannot be read).
    public var underlying: any Error

    public init(side: DiffSide, file: String, underlying: any Error) {
        self.side = side
        self.file = file
        self.underlying = underlying
    }

    /// "head plan (file) is invalid:", "... cannot be priced:" or "... cannot be read:", then every problem.
    public var description: String {
        let what = underlying is EstimateError ? "cannot be priced" : underlying is PlanError ? "is invalid" : "cannot be read"
        return "\(side.rawValue) plan (\(file)) \(what):\n\(underlying)"
    }
}
