import CostPlan
import Foundation

/// Rounds a list of exact amounts to cents so that the rounded amounts add up exactly to a
/// rounded total (largest-remainder, or Hamilton, method).
///
/// Each amount is first cut down to whole cents; the cents still missing to reach the total
/// (rounded half-up) go one each to the amounts that lost the most in the cut, ties to the
/// earlier amount. Every amount therefore ends within one cent of its exact value, and the
/// result does not depend on how many rows come before it.
///
/// Example: 1.004 + 1.004 + 1.002 = 3.010 exactly. Cut to 1.00 + 1.00 + 1.00 = 3.00, one cent
/// missing; the largest remainders are 0.4¢ (twice): the first gets it → 1.01, 1.00, 1.00.
public enum CentAllocation {
    /// The amounts rounded to cents, summing to `total` rounded half-up to cents.
    /// `total` is the exact sum of `amounts`, passed in when the caller computed it differently
    /// (e.g. with fewer divisions); it defaults to their sum.
    public static func allocate(_ amounts: [Decimal], total: Decimal? = nil) -> [Decimal] {
        guard !amounts.isEmpty else { return [] }
        let target = Money.rounded(total ?? amounts.reduce(0, +), scale: 2)
        var result = amounts.map(floorToCents)
        let remainders = zip(amounts, result).map { $0 - $1 }
        var missing = (target - result.reduce(0, +)) / Self.cent
        // Largest remainder first; ties keep the original order.
        let order = remainders.indices.sorted { (remainders[$0], $1) > (remainders[$1], $0) }
        var position = 0
        while missing > 0 {
            result[order[position % order.count]] += Self.cent
            missing -= 1
            position += 1
        }
        position = order.count - 1
        while missing < 0 {   // only if `total` was passed below the amounts' own floor
            result[order[(position % order.count + order.count) % order.count]] -= Self.cent
            missing += 1
            position -= 1
        }
        return result
    }

    /// 0.01, exactly.
    static let cent = Decimal(sign: .plus, exponent: -2, significand: 1)

    /// The largest multiple of 0.01 not above `value`.
    static func floorToCents(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 2, .down)
        return result > value ? result - cent : result
    }
}
