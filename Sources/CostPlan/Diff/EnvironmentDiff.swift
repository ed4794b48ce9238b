import Foundation

/// One environment tier (matched by name) before and after, with every component of either side.
public struct EnvironmentDiff: Sendable {
    public let name: String
    /// The priced environment in the base plan; nil when added.
    public let base: EnvironmentEstimate?
    /// The priced environment in the head plan; nil when removed.
    public let head: EnvironmentEstimate?
    /// Every component of either side (unchanged ones included), head order, each removed one
    /// where it stood.
    public let components: [ComponentDiff]
    /// The components added, removed or changed, in the same order.
    public let changedComponents: [ComponentDiff]
    /// Environment-level settings that differ (`region`, `hours_per_month`, `demand.peak_rps`,
    /// … — see `Environment.diffSettings`), sorted by field path; empty for an environment added
    /// or removed. A demand change re-derives the counts of components with a `capacity:`
    /// block: this is why their cost moves while their own settings do not.
    public let settingChanges: [FieldChange]
    /// Every capacity warning of either side, paired by component and field (unchanged ones
    /// included).
    public let warningChanges: [CapacityWarningChange]
    /// Monthly totals before and after: exactly each side's `EnvironmentEstimate.monthly`.
    public let cost: CostChange
    public let status: ChangeStatus

    /// The region (the head's when present).
    public var region: String { (head ?? base)!.region }

    /// The charges of added, changed or removed components that cannot be priced (the head's,
    /// or the base's for a removed component): what makes this environment's change not fully known.
    public var unpricedChanges: [UnpricedItem] {
        changedComponents.flatMap { c in (c.head ?? c.base)?.unpriced ?? [] }
    }

    /// The capacity warnings a change brought, changed or resolved (not the unchanged ones).
    public var changedWarnings: [CapacityWarningChange] { warningChanges.filter { $0.status != .unchanged } }

    init(name: String, base: (plan: Environment, estimate: EnvironmentEstimate)?,
         head: (plan: Environment, estimate: EnvironmentEstimate)?) {
        self.name = name
        self.base = base?.estimate
        self.head = head?.estimate
        func index(_ side: (plan: Environment, estimate: EnvironmentEstimate)?) -> [String: (plan: Component, estimate: ComponentEstimate)] {
            guard let side else { return [:] }
            let plans = Dictionary(side.plan.components.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var result: [String: (plan: Component, estimate: ComponentEstimate)] = [:]
            for estimate in side.estimate.components { if let plan = plans[estimate.id] { result[estimate.id] = (plan, estimate) } }
            return result
        }
        let before = index(base), after = index(head)
        components = mergedOrder(base: base?.estimate.components.map(\.id) ?? [], head: head?.estimate.components.map(\.id) ?? [])
            .map { ComponentDiff(id: $0, base: before[$0], head: after[$0]) }
        changedComponents = components.filter { $0.status != .unchanged }
        if let base, let head {
            // An empty side has no resources to move: its region is only a default (a new stack
            // outside us-east-1 must not read `us-east-1 → eu-west-1`).
            let emptySide = base.plan.components.isEmpty || head.plan.components.isEmpty
            settingChanges = ComponentDiff.fieldChanges(base.plan.diffSettings, head.plan.diffSettings)
                .filter { !(emptySide && $0.field == "region") }
        } else {
            settingChanges = []
        }
        warningChanges = CapacityWarningChange.pair(base?.estimate.warnings ?? [], head?.estimate.warnings ?? [])
        cost = CostChange(before: base?.estimate.monthly ?? .zero, after: head?.estimate.monthly ?? .zero)
        status = ChangeStatus.of(base: base != nil, head: head != nil, differs: !cost.isZero || !changedComponents.isEmpty
            || !settingChanges.isEmpty || warningChanges.contains { $0.status != .unchanged })
    }
}
