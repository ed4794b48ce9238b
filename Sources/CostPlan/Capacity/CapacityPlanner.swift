import Foundation

/// Answers capacity questions about one environment by re-sizing it at other demands and
/// pricing it: "what at 3× traffic?" (`atScale`), "how much traffic for $2,500?" (`budget`),
/// and the cost-versus-demand curve. Figures the plan states explicitly stay as stated at every
/// demand; only what the `capacity:` blocks derive follows the demand.
public struct CapacityPlanner: Sendable {
    public let estimator: Estimator

    public init(estimator: Estimator) {
        self.estimator = estimator
    }

    /// The environment priced at its demand × `factor`.
    public func atScale(_ environment: Environment, factor: Decimal, file: String = "plan") throws -> EnvironmentEstimate {
        guard let demand = environment.demand else { return try estimator.price(environment, file: file) }
        return try estimator.price(environment.atDemand(demand.scaled(by: factor)), file: file)
    }

    /// The environment priced with its peak at `peak` requests/s (average, reads and egress in
    /// proportion).
    public func atPeak(_ environment: Environment, _ peak: Decimal, file: String = "plan") throws -> EnvironmentEstimate {
        guard let demand = environment.demand else { return try estimator.price(environment, file: file) }
        return try estimator.price(environment.atDemand(demand.withPeak(peak)), file: file)
    }

    /// The lowest peak request rate at which one of the environment's ranges runs out.
    public static func saturation(_ environment: Environment) -> Decimal? {
        environment.components.compactMap { $0.capacity?.saturatesAtRPS }.min()
    }

    /// The cost-versus-demand curve from 0 to saturation (or today's peak, if higher; twice
    /// today's peak when nothing saturates).
    public func curve(_ environment: Environment, file: String = "plan") throws -> DemandCurve? {
        guard let demand = environment.demand else { return nil }
        let saturation = Self.saturation(environment)
        var end = Swift.max(saturation ?? demand.peakRPS * 2, demand.peakRPS)
        if end.isZero { end = 1 }
        var points = (0...DemandCurve.intervals).map { end * Decimal($0) / Decimal(DemandCurve.intervals) }
        points.append(demand.peakRPS)
        if let saturation { points.append(saturation) }
        points = Array(Set(points)).sorted()
        // Only components with a `capacity:` block change with the demand: price the rest once.
        let today = try estimator.price(environment, file: file)
        let sizedIDs = Set(environment.components.filter { $0.capacity != nil }.map(\.id))
        let unchanged = today.components.filter { !sizedIDs.contains($0.id) }.reduce(Decimal(0)) { $0 + $1.monthly.desired }
        var sizedOnly = environment
        sizedOnly.components = environment.components.filter { sizedIDs.contains($0.id) }
        let monthly = try points.map { unchanged + (try atPeak(sizedOnly, $0, file: file).monthly.desired) }
        return DemandCurve(peakRPS: points, monthly: monthly, todayPeakRPS: demand.peakRPS, todayMonthly: today.monthly.desired,
                           saturatesAtRPS: saturation)
    }

    // MARK: - Budget

    /// The answer to "the highest peak the environment serves within a monthly budget".
    public struct BudgetAnswer: Sendable {
        /// The highest whole peak requests/s served within budget and ranges; nil when even no
        /// traffic costs more than the budget.
        public var peakRPS: Int?
        /// The environment at that peak.
        public var estimate: EnvironmentEstimate
        /// Why one more request/s is not possible: over budget (with its cost) or a range runs
        /// out (its warning); nil when the search hit its ceiling.
        public var limit: Limit?

        public enum Limit: Sendable {
            case budget(monthlyAtNext: Decimal)
            case range(CapacityWarning)
        }
    }

    /// Highest search bound when no range limits the peak (requests/s).
    public static let searchCeiling = 1_000_000_000

    /// Binary search for the highest whole peak `P` such that the environment's desired monthly
    /// cost at `P` is within `budget` and no request-rate range runs out (cost and required
    /// counts never fall as the peak rises, so the feasible peaks are `0...P`).
    public func budget(_ environment: Environment, _ budget: Decimal, file: String = "plan") throws -> BudgetAnswer {
        func check(_ peak: Int) throws -> (ok: Bool, estimate: EnvironmentEstimate, limit: BudgetAnswer.Limit?) {
            let priced = try atPeak(environment, Decimal(peak), file: file)
            if let warning = priced.warnings.first(where: { $0.saturationUnit != "GB working set" }) {
                return (false, priced, .range(warning))
            }
            if priced.monthly.desired > budget { return (false, priced, .budget(monthlyAtNext: priced.monthly.desired)) }
            return (true, priced, nil)
        }
        let zero = try check(0)
        guard zero.ok else { return BudgetAnswer(peakRPS: nil, estimate: zero.estimate, limit: zero.limit) }
        var low = 0, high: Int
        if let saturation = Self.saturation(environment) {
            high = NSDecimalNumber(decimal: saturation.roundedUp).intValue + 1
        } else {
            high = 1
            while high < Self.searchCeiling, try check(high).ok { high *= 2 }
        }
        high = Swift.min(high, Self.searchCeiling)
        if try check(high).ok {
            return BudgetAnswer(peakRPS: high, estimate: try atPeak(environment, Decimal(high), file: file), limit: nil)
        }
        // Invariant: `low` is feasible, `high` is not.
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if try check(middle).ok { low = middle } else { high = middle }
        }
        let next = try check(low + 1)
        return BudgetAnswer(peakRPS: low, estimate: try atPeak(environment, Decimal(low), file: file), limit: next.limit)
    }
}
