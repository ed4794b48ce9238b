import CostPlanReports
import Foundation
import Testing

/// Largest-remainder rounding: each amount within a cent of its value, the sum exact.
struct CentAllocationTests {
    @Test(arguments: [
        // 1.004 + 1.004 + 1.002 = 3.010; cut to 3.00, 1¢ missing → the first 0.4¢ remainder
        (["1.004", "1.004", "1.002"], ["1.01", "1.00", "1.00"]),
        // 0.3333 × 3 = 0.9999 → 1.00; cut to 0.33 × 3 = 0.99, 1¢ missing → the first of three
        // equal remainders (ties go to the earlier row)
        (["0.3333", "0.3333", "0.3333"], ["0.34", "0.33", "0.33"]),
        // half-up per row would give 0.01 + 0.01 = 0.02, but 0.005 + 0.005 = 0.01 → 0.01 + 0.00
        (["0.005", "0.005"], ["0.01", "0.00"]),
        // the larger remainder wins: 0.004 vs 0.006 → 2.00 + 3.01 = 5.01 (5.010 exactly)
        (["2.004", "3.006"], ["2.00", "3.01"]),
        // already cents: untouched
        (["12.50", "0.10", "7"], ["12.50", "0.10", "7.00"]),
        // 3 × 0.006 = 0.018 → 0.02: two cents to the first two of three equal remainders
        (["0.006", "0.006", "0.006"], ["0.01", "0.01", "0.00"]),
        ([], []),
    ])
    func allocate(amounts: [String], expected: [String]) {
        let result = CentAllocation.allocate(amounts.map(d))
        #expect(result == expected.map(d))
        // the sum is the exact total rounded half-up to cents
        #expect(result.reduce(0, +) == roundedCents(amounts.map(d).reduce(0, +)))
    }

    /// An explicit total (computed with fewer divisions) is the one matched.
    @Test func explicitTotal() {
        // 0.3333 × 3 = 0.9999 but the caller's exact total is 1.0001 (→ 1.00): same cents
        #expect(CentAllocation.allocate([d("0.3333"), d("0.3333"), d("0.3333")], total: d("1.0001"))
            == [d("0.34"), d("0.33"), d("0.33")])
    }

    /// Every amount ends within one cent of its exact value.
    @Test func withinACent() {
        let amounts = (1...50).map { Decimal($0) * d("0.0173") }   // 0.0173, 0.0346, … 0.865
        let cents = CentAllocation.allocate(amounts)
        for (a, c) in zip(amounts, cents) { #expect(abs(a - c) < d("0.01")) }
        // Σ k × 0.0173 for k = 1…50 = 1275 × 0.0173 = 22.0575 → 22.06
        #expect(cents.reduce(0, +) == d("22.06"))
    }

    func roundedCents(_ value: Decimal) -> Decimal {
        var input = value, result = Decimal()
        NSDecimalRound(&result, &input, 2, .plain)
        return result
    }
}
