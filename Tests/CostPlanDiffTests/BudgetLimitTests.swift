import CostPlan
import Foundation
import Testing

struct BudgetLimitTests {
    @Test(arguments: [
        ("250", BudgetLimit.amount(250)), ("$1,000.50", .amount(.d("1000.5"))), ("0", .amount(0)),
        ("10%", .percent(10)), ("7.5%", .percent(.d("7.5"))),
    ])
    func parses(text: String, expected: BudgetLimit) {
        #expect(BudgetLimit(argument: text) == expected)
    }

    @Test(arguments: ["", "abc", "-5", "%", "10%%", "1e3", "+5", "$-3", "ten"])
    func rejects(text: String) {
        #expect(BudgetLimit(argument: text) == nil)
    }

    /// scale-up: production rises by exactly $171.112 a month (see DiffModelTests).
    @Test func amountGate() throws {
        let diff = try DiffSupport.diff("base", "scale-up")
        #expect(BudgetLimit.violations(of: [.amount(.d("171.11"))], in: diff).map(\.environment) == ["production"])
        #expect(BudgetLimit.violations(of: [.amount(.d("171.112"))], in: diff).isEmpty)   // not *above* the limit
        #expect(BudgetLimit.violations(of: [.amount(0)], in: diff).count == 1)             // staging does not rise
    }

    @Test func percentGate() throws {
        let diff = try DiffSupport.diff("base", "scale-up")
        let percent = try #require(diff.environments.first?.cost.percent)
        #expect(BudgetLimit.violations(of: [.percent(percent - .d("0.01"))], in: diff).count == 1)
        #expect(BudgetLimit.violations(of: [.percent(percent)], in: diff).isEmpty)
        // Both limits: one violation per limit exceeded.
        #expect(BudgetLimit.violations(of: [.percent(0), .amount(0)], in: diff).count == 2)
    }

    /// An added environment rises by more than any percentage, and by its whole cost.
    @Test func addedEnvironmentExceedsAnyPercentage() throws {
        let diff = try DiffSupport.diff("base", "environment-added")
        #expect(BudgetLimit.violations(of: [.percent(1_000_000)], in: diff).map(\.environment) == ["preview"])
    }

    /// A fall never trips the gate.
    @Test func fallsPass() throws {
        let diff = try DiffSupport.diff("scale-up", "base")
        #expect(diff.cost.delta.desired < 0)
        #expect(BudgetLimit.violations(of: [.amount(0), .percent(0)], in: diff).isEmpty)
    }
}
