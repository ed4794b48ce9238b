import Foundation

/// A budget gate on any environment's desired monthly cost: the rise may not exceed a number of
/// dollars a month or a percentage of the cost before.
public enum BudgetLimit: Hashable, Sendable, CustomStringConvertible {
    /// At most this many dollars a month more.
    case amount(Decimal)
    /// At most this percentage more (an environment that is added rises by more than any percentage).
    case percent(Decimal)

    /// Parses `250`, `$250`, `1,000.50` (dollars a month) or `10%`, `7.5%` (percent); nil when
    /// malformed or negative.
    public init?(argument: String) {
        var text = argument.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        let isPercent = text.hasSuffix("%")
        if isPercent { text.removeLast() } else if text.hasPrefix("$") { text.removeFirst() }
        guard let value = Money.parse(text), value >= 0, !text.hasPrefix("+") else { return nil }
        self = isPercent ? .percent(value) : .amount(value)
    }

    public var description: String {
        switch self {
        case let .amount(value): "$\(Money.plain(value))/month"
        case let .percent(value): "\(Money.plain(value))%"
        }
    }

    /// True when `change` (at desired scale) rises above this limit.
    public func isExceeded(by change: CostChange) -> Bool {
        let rise = change.delta.desired
        guard rise > 0 else { return false }
        switch self {
        case let .amount(limit): return rise > limit
        case let .percent(limit): return change.percent.map { $0 > limit } ?? true
        }
    }
}
