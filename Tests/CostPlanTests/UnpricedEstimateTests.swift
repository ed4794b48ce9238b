import Foundation
import Testing
@testable import CostPlan

/// A missing rate never aborts an estimate: what has a rate is priced, every charge without one
/// is listed as not priced (never $0) with the command that fills it, and totals are the sum of
/// what is priced. Rates: `TestRates.usEast1` (us-east-1, 730 h).
struct UnpricedEstimateTests {
    static let estimator = Estimator(catalog: InMemoryPriceCatalog(rates: TestRates.usEast1))

    static let plan = """
        version: 1
        name: t
        region: us-east-1
        environments:
          test:
            components:
              web: {type: ec2, instance_type: t3.large, count: {min: 2, max: 4, desired: 2}}
              batch: {type: ec2, instance_type: m9.large, count: {min: 1, max: 3, desired: 1}}
              db: {type: rds, engine: postgres, instance_class: db.m9.large, storage_gb: 100}
          other:
            components:
              web: {type: ec2, instance_type: t3.medium}
        """

    @Test func theKnownInstanceIsPricedAndTheUnknownListed() throws {
        let estimate = try Self.estimator.estimate(try parsePlan(Self.plan))
        let test = try #require(estimate.environment("test"))
        #expect(!estimate.complete && !test.complete)
        #expect(try #require(estimate.environment("other")).complete)
        // web: 2 × 730 h × $0.0832 = $121.472 (min and desired), 4 × 730 × 0.0832 = $242.944 (max)
        // db: instance not priced; storage gp3 single-AZ 100 GB × $0.115 = $11.50 at every scenario
        // batch: nothing priced → $0 of *priced* items, listed as not priced
        // total = 121.472 + 11.5 = 132.972 (desired, min); 242.944 + 11.5 = 254.444 (max)
        #expect(test.monthly == Band(min: d("132.972"), desired: d("132.972"), max: d("254.444")))
        let items = test.unpriced
        #expect(items.map(\.component) == ["batch", "db"])
        #expect(items.map(\.item) == ["Instance (Linux, on-demand, 1 × m9.large)",
                                      "Database instance (on-demand, Single-AZ, db.m9.large)"])
        #expect(items.map(\.key) == [RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/m9.large"),
                                     RateKey(service: "AmazonRDS", region: "us-east-1", item: "instance/postgres/db.m9.large/single-az")])
        #expect(items[0].fix == "costplan pricing fetch --service AmazonEC2 --region us-east-1")
        #expect(items[1].fix == "costplan pricing fetch --service AmazonRDS --region us-east-1")
        // the reason names the lookup and what is known nearby (the region's other instance types)
        #expect(items[0].reason.hasPrefix("no rate for AmazonEC2 'instance/m9.large' in us-east-1; known nearby: "))
        #expect(items[0].reason.contains("instance/t3.large in us-east-1 = $0.0832/hour"))
        #expect(items.allSatisfy { $0.address == nil && $0.service == $0.key.service && $0.region == "us-east-1" })
    }

    @Test func aComponentKeepsItsPricedItemsAndDropsOnlyTheUnpriced() throws {
        let estimate = try Self.estimator.estimate(try parsePlan(Self.plan))
        let components = try #require(estimate.environment("test")).components
        let db = try #require(components.first { $0.id == "db" })
        #expect(db.lineItems[.desired]?.map(\.name) == ["Storage (gp3, Single-AZ)"])
        #expect(db.unpriced.count == 1)
        let batch = try #require(components.first { $0.id == "batch" })
        // no stand-in item leaks: no line items at any scenario, a zero *priced* band
        for scenario in Scenario.allCases { #expect(batch.lineItems[scenario] == []) }
        #expect(batch.monthly == .zero && batch.unpriced.count == 1)
    }

    /// One rate missing at all three scenarios is listed once, named as at desired scale.
    @Test func eachMissingRateIsListedOncePerComponent() throws {
        let component = try priceComponent("{type: ec2, instance_type: m9.large, count: {min: 1, max: 5, desired: 3}}")
        #expect(component.unpriced.map(\.item) == ["Instance (Linux, on-demand, 3 × m9.large)"])
    }

    /// A charge only present at max (read replicas with `replicas.min` 0...) still shows when missing.
    @Test func aRateMissingOnlyAtOneScenarioIsListed() throws {
        // us-east-1 has db.r6g.large single-AZ but no db.m9.large: the replicas are not priced
        let component = try priceComponent(
            "{type: rds, engine: postgres, instance_class: db.t3.medium, storage_gb: 20, replica_instance_class: db.m9.large, replicas: {min: 0, max: 2, desired: 0}}")
        #expect(component.unpriced.map(\.key.item) == ["instance/postgres/db.m9.large/single-az"])
        // desired: instance 730 × $0.072 = $52.56 + storage 20 × $0.115 = $2.30 = $54.86
        #expect(component.monthly.desired == d("54.86"))
    }

    /// `--strict`: the incomplete estimate becomes today's missing-rate error, every rate named
    /// with its component path.
    @Test func strictTurnsAnIncompleteEstimateIntoTheMissingRateError() throws {
        let estimate = try Self.estimator.estimate(try parsePlan(Self.plan))
        let error = try #require(EstimateError(incomplete: estimate))
        #expect(error.failures.map(\.where) == ["environments.test.components.batch", "environments.test.components.db"])
        let text = error.description
        #expect(text.contains("test.yaml: error: environments.test.components.batch: no rate for AmazonEC2 'instance/m9.large' in us-east-1"))
        #expect(text.contains("run `costplan pricing fetch --service AmazonEC2 --region us-east-1`"))
        #expect(text.hasSuffix("2 missing rates; nothing was priced."))
        let complete = try Self.estimator.estimate(try parsePlan(Self.plan), only: ["other"])
        #expect(complete.complete && EstimateError(incomplete: complete) == nil)
    }

    /// A plan imported from Terraform names the resource address, not the generated field path.
    @Test func aTerraformAddressNamesTheComponent() throws {
        var plan = try parsePlan(Self.plan)
        plan.environments[0].components[1].address = "aws_instance.batch[0]"
        let estimate = try Self.estimator.estimate(plan)
        let item = try #require(estimate.environment("test")?.unpriced.first)
        #expect(item.address == "aws_instance.batch[0]" && item.place == "aws_instance.batch[0]")
        #expect(try #require(EstimateError(incomplete: estimate)).failures.first?.where == "aws_instance.batch[0]")
    }

    @Test func demandCurvesAreLeftOutOfAnIncompleteEnvironment() throws {
        let plan = try parsePlan(singleComponentPlan(
            "{type: ec2, instance_type: m9.large, count: {min: 1, max: 10}, capacity: {rps_per_instance: 100}}",
            environment: "demand: {peak_rps: 300, average_rps: 100}"))
        let estimate = try Self.estimator.estimate(plan, withDemandCurves: true)
        let env = try #require(estimate.environment("test"))
        #expect(!env.complete && env.demandCurve == nil)
    }
}
