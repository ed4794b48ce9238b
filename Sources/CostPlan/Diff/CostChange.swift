import Foundation

/// A monthly cost before and after a change, at the three scenarios; the delta is exact
/// (`Decimal`), rounded only when a renderer shows it.
public struct CostChange: Hashable, Sendable {
    /// The base side (`Band.zero` when absent there).
    public var before: Band
    /// The head side (`Band.zero` when absent there).
    public var after: Band

    public init(before: Band, after: Band) {
        self.before = before
        self.after = after
    }

    public static let zero = CostChange(before: .zero, after: .zero)

    /// `after − before` at min, desired and max.
    public var delta: Band { after - before }

    /// True when no scenario's cost changes.
    public var isZero: Bool { delta == .zero }

    /// The desired-scale change as a percentage of the desired cost before (unrounded);
    /// nil when the cost before was zero (nothing to compare with).
    public var percent: Decimal? {
        before.desired.isZero ? nil : delta.desired / before.desired * 100
    }

    public static func + (lhs: CostChange, rhs: CostChange) -> CostChange {
        CostChange(before: lhs.before + rhs.before, after: lhs.after + rhs.after)
    }
}

extension Band {
    /// The difference at each scenario.
    public static func - (lhs: Band, rhs: Band) -> Band {
        Band(min: lhs.min - rhs.min, desired: lhs.desired - rhs.desired, max: lhs.max - rhs.max)
    }
}
