import Foundation

/// The monthly cost of one component of one environment at every count of its scaling range
/// (min...max), for the cost-versus-scale charts.
///
/// Exactness: every quantity a ranged component is billed on is linear in its count (instance-,
/// task-, node-, replica- and gateway-hours, per-volume or per-replica storage; Serverless v2
/// capacity is linear in instances × ACU), and nothing else on the component depends on it. So
/// `cost(k) = cost(min) + (cost(max) − cost(min)) × (k − min) / (max − min)` is exact, not an
/// approximation: `(cost(max) − cost(min)) / (max − min)` is the price of one step, a
/// terminating decimal, and `Decimal` carries it without rounding.
public struct ScaleCurve: Hashable, Sendable, Codable {
    /// The environment tier, e.g. `production`.
    public var environment: String
    /// The component's id.
    public var component: String
    /// The points of the curve in steps of `step` (increasing): counts of tasks, instances...;
    /// for Aurora Serverless v2, half-ACUs (`step` 0.5). At most `maxPoints`; min, desired and
    /// max are always present.
    public var counts: [Int]
    /// The component's monthly cost at each of `counts` (unrounded; usage-dependent items excluded).
    public var monthly: [Decimal]
    /// The desired count (in steps of `step`), one of `counts`.
    public var desiredCount: Int
    /// What is counted: "tasks", "instances", "gateways", "load balancers", "replicas",
    /// "nodes", "shards", "volumes" or "ACU".
    public var label: String
    /// What one count is worth in `label` units: 1, or 0.5 for ACU.
    public var step: Decimal

    /// Most points a curve keeps; longer ranges are sampled evenly.
    public static let maxPoints = 200

    /// A curve from its points; `curve(environment:component:band:range:label:step:)` builds one
    /// from a component's band and scaling range.
    public init(environment: String, component: String, counts: [Int], monthly: [Decimal],
                desiredCount: Int, label: String, step: Decimal = 1) {
        self.environment = environment
        self.component = component
        self.counts = counts
        self.monthly = monthly
        self.desiredCount = desiredCount
        self.label = label
        self.step = step
    }

    /// The x values in `label` units (`counts` × `step`).
    public var values: [Decimal] { counts.map { Decimal($0) * step } }
    /// The desired point in `label` units.
    public var desiredValue: Decimal { Decimal(desiredCount) * step }
    /// The monthly cost at the desired count.
    public var desiredMonthly: Decimal { monthly[counts.firstIndex(of: desiredCount) ?? 0] }
    /// The cost of one more unit of `label` (one instance, one ACU...).
    public var perUnit: Decimal {
        guard let first = counts.first, let last = counts.last, last > first else { return 0 }
        return (monthly[monthly.count - 1] - monthly[0]) / ((Decimal(last) - Decimal(first)) * step)
    }

    /// The curve through `band.min` at `range.min` and `band.max` at `range.max` (linear, exact).
    public static func curve(environment: String, component: String, band: Band, range: CountRange,
                             label: String, step: Decimal = 1) -> ScaleCurve {
        let counts = sample(range)
        let span = Decimal(range.max - range.min)
        let perStep = span.isZero ? 0 : (band.max - band.min) / span
        let monthly = counts.map { band.min + perStep * Decimal($0 - range.min) }
        return ScaleCurve(environment: environment, component: component, counts: counts, monthly: monthly,
                          desiredCount: range.desired, label: label, step: step)
    }

    /// Every count from min to max, or — when there are more than `maxPoints` — `maxPoints`
    /// evenly spaced ones (min and max included) with desired in place of its nearest neighbour.
    static func sample(_ range: CountRange) -> [Int] {
        let n = range.max - range.min + 1
        guard n > maxPoints else { return Array(range.min...range.max) }
        let gaps = Double(maxPoints - 1)
        var points = (0..<maxPoints).map { range.min + Int((Double($0) * Double(n - 1) / gaps).rounded()) }
        if !points.contains(range.desired) {
            let nearest = (1..<maxPoints - 1).min { abs(points[$0] - range.desired) < abs(points[$1] - range.desired) }!
            points[nearest] = range.desired
        }
        return points
    }
}

/// The count a component scales by: its min/desired/max, what is counted ("instances",
/// "tasks", "ACU"...) and what one count is worth in those units (1, or 0.5 ACU).
public struct ScalingRange: Hashable, Sendable, Codable {
    /// The counts in steps of `step` (for Aurora Serverless v2, half-ACUs).
    public var counts: CountRange
    /// What is counted, e.g. "instances".
    public var label: String
    /// What one count is worth in `label` units.
    public var step: Decimal

    public init(counts: CountRange, label: String, step: Decimal = 1) {
        self.counts = counts
        self.label = label
        self.step = step
    }

    /// True when the range has room to scale (max above min).
    public var scales: Bool { counts.max > counts.min }
}

extension Component {
    /// The count this component scales by and what it counts, when it has one
    /// (e.g. `count` 2..10 "instances" for `ec2`); nil for types that do not scale.
    /// For Aurora Serverless v2 the range is in half-ACUs (see `scalingStep`).
    public var scalingRange: (range: CountRange, label: String)? { spec.scalingRange }
    /// What one step of `scalingRange` is worth in its label's units (1, or 0.5 ACU).
    public var scalingStep: Decimal { spec.scalingStep }
}
