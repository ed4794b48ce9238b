import CostPlan
import Foundation

extension ReportDiff {
    /// One component (matched by environment and id) before and after: its status, the settings
    /// that changed, its cost at min/desired/max and its line items' deltas at desired scale.
    public struct Component: Sendable {
        /// The component's stable id (its key in the plan).
        public let id: String
        /// The component type (the head's when present).
        public let type: ComponentType
        /// The component in the base report; nil when added.
        public let base: Report.Component?
        /// The component in the head report; nil when removed.
        public let head: Report.Component?
        /// Settings that differ (empty for added and removed components), sorted by field path.
        public let fieldChanges: [FieldChange]
        /// Figures derived from the environment's demand (`capacity:` blocks) that differ while
        /// derived on both sides, e.g. `count.desired` 2 → 12 after `demand.peak_rps` rose: the
        /// cost moves though the component's own text may not. Keys as in
        /// `ComponentCapacity.derivedValues`; sorted by field path. A figure derived on one side
        /// only is stated (or left to its default) on the other, which `fieldChanges` shows.
        public let derivedChanges: [FieldChange]
        /// Line items at desired scale, paired by name, then by rate.
        public let lineItems: [LineItemChange]
        /// Monthly cost before and after (zero on a side where the component is absent).
        public let cost: CostChange
        public let status: ChangeStatus

        init(id: String, base: Report.Component?, head: Report.Component?) {
            self.id = id
            self.base = base
            self.head = head
            if let base, let head {
                fieldChanges = Self.fieldChanges(Self.effectiveSettings(base), Self.effectiveSettings(head))
                let derivedBefore = base.capacity?.derivedValues ?? [:], derivedAfter = head.capacity?.derivedValues ?? [:]
                derivedChanges = Self.fieldChanges(derivedBefore, derivedAfter).filter { $0.before != nil && $0.after != nil }
            } else {
                fieldChanges = []
                derivedChanges = []
            }
            let lineItems = LineItemChange.pair(base?.items(.desired) ?? [], head?.items(.desired) ?? [])
            self.lineItems = lineItems
            type = (head ?? base)!.type
            cost = CostChange(before: base?.monthly ?? .zero, after: head?.monthly ?? .zero)
            status = ChangeStatus.of(base: base != nil, head: head != nil, differs:
                !fieldChanges.isEmpty || !derivedChanges.isEmpty || !cost.isZero || lineItems.contains { $0.status != .unchanged })
        }

        /// The settings as priced: the plan's flattened fields plus the type, region and hours the
        /// component inherits from its environment (so a change of an environment's region or
        /// `hours_per_month` shows on each component it moves).
        static func effectiveSettings(_ component: Report.Component) -> [String: String] {
            var settings = component.settings
            settings["type"] = component.type.rawValue
            settings["region"] = component.region
            settings["hours_per_month"] = Money.plain(component.hoursPerMonth)
            return settings
        }

        static func fieldChanges(_ before: [String: String], _ after: [String: String]) -> [FieldChange] {
            Set(before.keys).union(after.keys).sorted().compactMap { field in
                before[field] == after[field] ? nil : FieldChange(field: field, before: before[field], after: after[field])
            }
        }
    }
}
