/// How one environment, component or line item differs between the base and the head plan.
public enum ChangeStatus: String, Sendable, CaseIterable {
    /// Only in the head plan.
    case added
    /// Only in the base plan.
    case removed
    /// In both, with different settings or costs.
    case changed
    /// In both, identical.
    case unchanged

    /// The status of something present in `base` and/or `head`, `differs` telling whether a
    /// thing present on both sides changed.
    public static func of(base: Bool, head: Bool, differs: Bool) -> ChangeStatus {
        switch (base, head) {
        case (false, _): .added
        case (_, false): .removed
        default: differs ? .changed : .unchanged
        }
    }
}

/// The two sides of a diff: `base` (before, e.g. the pull request's target branch) and `head` (after).
public enum DiffSide: String, Sendable {
    case base, head
}

/// One setting of a component that differs, from `Component.settings` (flat paths such as
/// `count.max`): nil on a side where the setting is not stated.
public struct FieldChange: Hashable, Sendable {
    /// The flattened field path, e.g. `instance_class`, `count.max`, `usage.processed_gb_per_hour`.
    public var field: String
    public var before: String?
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}
