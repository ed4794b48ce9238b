import CostPlan

extension ReportDiff {
    /// One capacity warning (a range whose max cannot serve the peak) before and after, matched by
    /// component and field: `added` when a change pushes a component past its range, `removed`
    /// when it no longer is, `changed` when it still is but the figures moved.
    public struct WarningChange: Hashable, Sendable {
        /// The component's id.
        public let component: String
        /// The range field that runs out, e.g. `tasks.max`.
        public let field: String
        /// The warning in the base report; nil when added.
        public let before: CapacityWarning?
        /// The warning in the head report; nil when removed.
        public let after: CapacityWarning?
        public let status: ChangeStatus

        init(before: CapacityWarning?, after: CapacityWarning?) {
            let either = (after ?? before)!
            component = either.component
            field = either.field
            self.before = before
            self.after = after
            status = ChangeStatus.of(base: before != nil, head: after != nil, differs: before != after)
        }

        /// Pairs the warnings of both sides by component and field, in the head's order (a resolved
        /// one where it stood in the base).
        static func pair(_ base: [CapacityWarning], _ head: [CapacityWarning]) -> [WarningChange] {
            func key(_ w: CapacityWarning) -> String { "\(w.component)\u{0}\(w.field)" }
            let before = Dictionary(base.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
            let after = Dictionary(head.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
            return mergedOrder(base: base.map(key), head: head.map(key)).map {
                WarningChange(before: before[$0], after: after[$0])
            }
        }
    }
}
