import Foundation
import Testing
@testable import CostPlan

/// `CapacityPlanner`: pricing at other demands and the budget search's exact boundary.
struct CapacityPlannerTests {
    static let planner = CapacityPlanner(estimator: Estimator(catalog: InMemoryPriceCatalog(rates: TestRates.usEast1)))

    /// One Fargate service, 1 vCPU / 2 GB: a task costs (0.04048 + 2 × 0.004445) × 730 = $36.0401 a month.
    static func environment(tasks: String, demand: String = "{peak_rps: 1000, average_rps: 500}") throws -> Environment {
        try parsePlan(singleComponentPlan(
            "{type: fargate, cpu: 1, memory_gb: 2, tasks: \(tasks), capacity: {rps_per_task: 100}}",
            environment: "demand: \(demand)")).environments[0]
    }

    @Test func budgetBoundaryIsSetByTheBudget() throws {
        // average = peak × 500 ÷ 1,000; tasks = ceil(average ÷ 100). $300 buys floor(300 ÷ 36.0401) = 8 tasks
        // ($288.3208; 9 are $324.3609). 8 tasks serve an average of 800, i.e. a peak of 1,600.
        let env = try Self.environment(tasks: "{min: 1, max: 100}")
        let answer = try Self.planner.budget(env, 300)
        #expect(answer.peakRPS == 1600)
        #expect(answer.estimate.monthly.desired == d("288.3208"))
        guard case let .budget(next)? = answer.limit else { Issue.record("expected the budget to limit"); return }
        #expect(next == d("324.3609"))
        // one more request per second would cost more than the budget
        #expect(try Self.planner.atPeak(env, 1601).monthly.desired > 300)
        #expect(try Self.planner.atPeak(env, 1600).monthly.desired <= 300)
    }

    @Test func budgetBoundaryIsSetByARange() throws {
        // max 10 tasks × 100 rps = 1,000 peak rps; 1,001 needs ceil(10.01) = 11 tasks. Cost at 1,000:
        // ceil(500 ÷ 100) = 5 tasks = $180.2005, well within $10,000.
        let env = try Self.environment(tasks: "{min: 1, max: 10}")
        let answer = try Self.planner.budget(env, 10000)
        #expect(answer.peakRPS == 1000)
        #expect(answer.estimate.monthly.desired == d("180.2005"))
        guard case let .range(warning)? = answer.limit else { Issue.record("expected a range to limit"); return }
        #expect(warning.needed == 11 && warning.field == "tasks.max")
    }

    @Test(arguments: [d("36.0401"), d("36.04"), d("500"), d("1000.5"), d("0")])
    func budgetBoundaryIsExact(_ budget: Decimal) throws {
        let env = try Self.environment(tasks: "{min: 1, max: 40}", demand: "{peak_rps: 999, average_rps: 333}")
        let answer = try Self.planner.budget(env, budget)
        guard let peak = answer.peakRPS else {
            // min 1 task already costs $36.0401
            #expect(budget < d("36.0401"))
            return
        }
        func fits(_ p: Int) throws -> Bool {
            let priced = try Self.planner.atPeak(env, Decimal(p))
            return priced.monthly.desired <= budget && priced.warnings.isEmpty
        }
        #expect(try fits(peak))
        #expect(try !fits(peak + 1))
    }

    @Test func scaleAndCurve() throws {
        let env = try Self.environment(tasks: "{min: 1, max: 10}")
        // 3×: average 1,500 → 15 tasks, clamped to 10: $360.401
        #expect(try Self.planner.atScale(env, factor: 3).monthly.desired == d("360.401"))
        let curve = try #require(try Self.planner.curve(env))
        #expect(curve.peakRPS.first == 0 && curve.peakRPS.last == 1000)
        #expect(curve.saturatesAtRPS == 1000)
        // today: average 500 → 5 tasks = $180.2005; at 0 rps the min, 1 task
        #expect(curve.todayMonthly == d("180.2005"))
        #expect(curve.monthly.first == d("36.0401"))
        #expect(zip(curve.monthly, curve.monthly.dropFirst()).allSatisfy { $0 <= $1 })
    }
}
