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
    /// Monthly totals before and after: exactly each side's `EnvironmentEstimate.monthly`.
    public let cost: CostChange
    public let status: ChangeStatus

    /// The region (the head's when present).
    public var region: String { (head ?? base)!.region }

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
        cost = CostChange(before: base?.estimate.monthly ?? .zero, after: head?.estimate.monthly ?? .zero)
        status = ChangeStatus.of(base: base != nil, head: head != nil, differs: !cost.isZero || !changedComponents.isEmpty)
    }
}
