import CostPlan
import CostPlanReports
import Foundation
import Testing

/// Scale curves: the monthly cost at every count of a component's range, checked against the
/// rate sheets by hand (us-east-1, 730 h/month).
struct ScaleCurveTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var plan: String
        var environment: String
        var component: String
        var label: String
        /// Expected x values (in label units) and the monthly cost at each.
        var expected: [(count: Decimal, monthly: Decimal)]
        var desired: Decimal
        var testDescription: String { "\(environment).\(component) by \(label)" }
    }

    static func d(_ text: String) -> Decimal { Decimal(string: text)! }

    /// Builds a one-environment plan with one component (us-east-1).
    static func plan(_ component: String) -> String {
        "version: 1\nname: curve\nregion: us-east-1\nenvironments:\n  prod:\n    components:\n      c:\n" + component
    }

    static let cases: [Case] = [
        // web ec2 t3.large 2..10 (desired 2): cost(k) = k × 0.0832 × 730 = k × 60.736
        Case(plan: "muejam-library", environment: "production", component: "web", label: "instances",
             expected: (2...10).map { (Decimal($0), Decimal($0) * d("60.736")) }, desired: 2),
        // web ec2 t3.medium 2..5: cost(k) = k × 0.0416 × 730 = k × 30.368
        Case(plan: "muejam-library", environment: "staging", component: "web", label: "instances",
             expected: [(2, d("60.736")), (3, d("91.104")), (4, d("121.472")), (5, d("151.84"))], desired: 2),
        // web ec2 t3.small 1..2: cost(k) = k × 0.0208 × 730 = k × 15.184
        Case(plan: "muejam-library", environment: "dev", component: "web", label: "instances",
             expected: [(1, d("15.184")), (2, d("30.368"))], desired: 1),
        // web_volumes ebs gp3 20 GB, 2..10: cost(k) = k × 20 GB × 0.08 = k × 1.6 (storage is not time-billed)
        Case(plan: "muejam-library", environment: "production", component: "web_volumes", label: "volumes",
             expected: (2...10).map { (Decimal($0), Decimal($0) * d("1.6")) }, desired: 2),
        // fargate 1 vCPU / 2 GB x86, tasks 2..6 (desired 3):
        // cost(k) = k × (1 × 0.04048 + 2 × 0.004445) × 730 = k × 0.04937 × 730 = k × 36.0401
        Case(plan: plan("        type: fargate\n        cpu: 1\n        memory_gb: 2\n        tasks: {min: 2, max: 6, desired: 3}\n"),
             environment: "prod", component: "c", label: "tasks",
             expected: (2...6).map { (Decimal($0), Decimal($0) * d("36.0401")) }, desired: 3),
        // rds postgres db.t3.medium Single-AZ 20 GB gp3, replicas 0..3 (desired 1): each replica is
        // an instance (0.072 × 730 = 52.56) with its own 20 GB (20 × 0.115 = 2.30) = 54.86, and so
        // is the primary: cost(k) = (k + 1) × 54.86
        Case(plan: plan("        type: rds\n        engine: postgres\n        instance_class: db.t3.medium\n        replicas: {min: 0, max: 3, desired: 1}\n"),
             environment: "prod", component: "c", label: "replicas",
             expected: (0...3).map { (Decimal($0), Decimal($0 + 1) * d("54.86")) }, desired: 1),
        // elasticache redis cache.t3.medium, shards 1..3 (desired 2) × (1 replica + 1) nodes:
        // cost(k) = k × 2 × 0.068 × 730 = k × 99.28
        Case(plan: plan("        type: elasticache\n        node_type: cache.t3.medium\n        shards: {min: 1, max: 3, desired: 2}\n        replicas_per_shard: 1\n"),
             environment: "prod", component: "c", label: "shards",
             expected: [(1, d("99.28")), (2, d("198.56")), (3, d("297.84"))], desired: 2),
        // aurora serverless v2, 0.5..2 ACU (average 1), storage unstated (depends on usage, not in
        // the total): cost(a) = a × 0.12 × 730 = a × 87.6, in 0.5-ACU steps
        Case(plan: plan("        type: aurora\n        engine: aurora-postgresql\n        serverless_v2: {min_acu: 0.5, max_acu: 2, average_acu: 1}\n"),
             environment: "prod", component: "c", label: "ACU",
             expected: [(d("0.5"), d("43.8")), (1, d("87.6")), (d("1.5"), d("131.4")), (2, d("175.2"))], desired: 1),
        // nat_gateway 1..3 gateways (desired 1), 100 GB processed (0.045 per GB, not per gateway):
        // cost(k) = k × 0.045 × 730 + 100 × 0.045 = k × 32.85 + 4.50
        Case(plan: plan("        type: nat_gateway\n        count: {min: 1, max: 3}\n        data_processed_gb: 100\n"),
             environment: "prod", component: "c", label: "gateways",
             expected: [(1, d("37.35")), (2, d("70.2")), (3, d("103.05"))], desired: 1),
    ]

    static func load(_ source: String) throws -> (Plan, Estimate) {
        let plan = source.hasPrefix("version:")
            ? try PlanParser.parse(source, file: "curve.yaml")
            : try PlanParser.parse(contentsOf: Golden.example("\(source).yaml"))
        return (plan, try Estimator(catalog: Golden.catalog).estimate(plan))
    }

    @Test(arguments: cases)
    func curveMatchesHandArithmetic(_ c: Case) throws {
        let (plan, estimate) = try Self.load(c.plan)
        let curves = Report(estimate).curves
        let curve = try #require(curves.first { $0.environment == c.environment && $0.component == c.component })
        #expect(curve.label == c.label)
        #expect(curve.values == c.expected.map(\.count))
        #expect(curve.monthly == c.expected.map(\.monthly))
        #expect(curve.desiredValue == c.desired)
        // The curve passes exactly through the estimator's own desired figure (priced independently).
        let component = try #require(estimate.environment(c.environment)?.components.first { $0.id == c.component })
        #expect(curve.desiredMonthly == component.monthly.desired)
    }

    /// Every curve of every example goes through the estimate's min, desired and max exactly.
    @Test(arguments: ["component-registry", "multi-region-fargate", "cloudweave", "shangwellness", "muejam-library"])
    func curvesHitTheEstimatorsThreeScenarios(example: String) throws {
        let (plan, estimate) = try Self.load(example)
        for curve in Report(estimate).curves {
            let band = try #require(estimate.environment(curve.environment)?.components.first { $0.id == curve.component }?.monthly)
            #expect(curve.monthly.first == band.min && curve.monthly.last == band.max && curve.desiredMonthly == band.desired,
                    "\(example) \(curve.environment).\(curve.component)")
            #expect(curve.counts.count <= ScaleCurve.maxPoints)
        }
    }

    /// muejam: only web and web_volumes scale (in all three tiers); flat components get no curve.
    @Test func onlyRangedComponentsHaveCurves() throws {
        let (plan, estimate) = try Self.load("muejam-library")
        let curves = Report(estimate).curves
        #expect(curves.map { "\($0.environment).\($0.component)" } == [
            "production.web", "production.web_volumes", "staging.web", "staging.web_volumes", "dev.web", "dev.web_volumes",
        ])
    }

    /// ec2 0..1000 (desired 334): 1,001 counts sampled to 200 evenly spaced points (every
    /// 1000/199 ≈ 5.03: 0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90,
    /// 95, 101…), desired replacing its nearest (332); min and max kept.
    /// cost(k) = k × 0.0832 × 730 = k × 60.736 at every sampled k.
    @Test func longRangesAreSampled() throws {
        let (plan, estimate) = try Self.load(Self.plan("        type: ec2\n        instance_type: t3.large\n        count: {min: 0, max: 1000, desired: 334}\n"))
        let curve = try #require(Report(estimate).curves.first)
        #expect(curve.counts.count == 200)
        #expect(curve.counts.first == 0 && curve.counts.last == 1000 && curve.counts.contains(334) && !curve.counts.contains(332))
        #expect(curve.counts == curve.counts.sorted() && Set(curve.counts).count == 200)
        #expect(zip(curve.counts, curve.monthly).allSatisfy { Decimal($0) * Self.d("60.736") == $1 })
        #expect(curve.desiredMonthly == Self.d("20285.824"))   // 334 × 60.736
    }

    /// A range whose endpoints cost the same (no spread) is left out, as is a fixed count.
    @Test func flatBandsHaveNoCurve() throws {
        let (plan, estimate) = try Self.load(Self.plan("        type: ec2\n        instance_type: t3.large\n        count: 4\n"))
        #expect(Report(estimate).curves.isEmpty)
    }
}
