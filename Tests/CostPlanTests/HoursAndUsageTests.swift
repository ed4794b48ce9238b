import Foundation
import Testing
@testable import CostPlan

/// hours_per_month scales time-billed items only; an unstated usage amount is "depends on usage",
/// never $0, and stays out of the totals.
struct HoursAndUsageTests {
    @Test func environmentHoursScaleInstancesButNotStorage() throws {
        let estimate = try priceComponent("{type: rds, engine: postgres, instance_class: db.t3.medium, storage_gb: 100}",
                                          environment: "hours_per_month: 260")
        let items = estimate.lineItems[.desired, default: []]
        #expect(items.map(\.quantity) == [d("260"), d("100")]) // instance-hours follow the env; GB-months do not
        #expect(items.map(\.isTimeBilled) == [true, false])
        #expect(estimate.hoursPerMonth == d("260"))
        // 260 h × $0.072 = $18.72 + 100 GB × $0.115 = $11.50
        #expect(estimate.monthly.desired == d("30.22"))
    }

    @Test func componentHoursOverrideTheEnvironment() throws {
        let estimate = try priceComponent("{type: ec2, instance_type: t3.large, count: 2, hours_per_month: 100}",
                                          environment: "hours_per_month: 260")
        #expect(estimate.hoursPerMonth == d("100"))
        // 2 × 100 h × $0.0832
        #expect(estimate.monthly.desired == d("16.64"))
    }

    @Test func hoursScaleLoadBalancerCapacityAndFargateStorage() throws {
        // ALB: 200 h × $0.0225 = $4.50 + 2 LCU × 200 h × $0.008 = $3.20
        #expect(try priceComponent("{type: alb, lcu: 2, hours_per_month: 200}").monthly.desired == d("7.7"))
        // Fargate ephemeral storage is billed per GB-hour while the task runs:
        // 100 h × (0.25 × $0.04048 + 0.5 × $0.004445 + 30 × $0.000111) = 100 × $0.0156725
        #expect(try priceComponent("{type: fargate, cpu: 0.25, memory_gb: 0.5, ephemeral_storage_gb: 50, hours_per_month: 100}")
            .monthly.desired == d("1.56725"))
    }

    @Test func hoursDoNotScaleMonthlyUsage() throws {
        // NAT: gateway-hours scale (2 × 100 h × $0.045 = $9), processed GB do not (500 × $0.045 = $22.50).
        let estimate = try priceComponent("{type: nat_gateway, count: 2, data_processed_gb: 500}", environment: "hours_per_month: 100")
        #expect(estimate.monthly.desired == d("31.5"))
        // S3 storage is a month of GB whatever the hours: 1,000 GB × $0.023
        #expect(try priceComponent("{type: s3, storage_gb: 1000, put_requests: 0, get_requests: 0}",
                                   environment: "hours_per_month: 100").monthly.desired == d("23"))
    }

    @Test func unstatedUsageDependsOnUsageAndIsExcludedFromTotals() throws {
        let estimate = try priceComponent("{type: nat_gateway, count: 1}")
        let items = estimate.lineItems[.desired, default: []]
        #expect(items.count == 2)
        let data = try #require(items.last)
        #expect(data.rate.key.item == "nat-gateway/data-processed")
        #expect(data.quantity == nil)
        #expect(data.monthly == nil)
        #expect(data.dependsOnUsage)
        #expect(estimate.monthly.desired == d("32.85")) // only 730 h × $0.045
    }

    static let usageDependent: [(component: String, item: String, known: String)] = [
        ("{type: alb}", "alb/lcu", "16.425"),                           // LB-hours only: 730 × $0.0225
        ("{type: nlb, count: 2}", "nlb/nlcu", "32.85"),                 // 2 × 730 × $0.0225
        ("{type: s3}", "standard/storage", "0"),
        ("{type: cloudfront}", "data-out/north_america", "0"),
        ("{type: data_transfer}", "internet-out", "0"),
        ("{type: aurora, engine: aurora-postgresql, instance_class: db.r6g.large}", "aurora/storage", "189.8"), // 730 × $0.26
        ("{type: ecr}", "storage", "0"),
        ("{type: cloudwatch_logs}", "logs/ingestion", "0"),
        ("{type: cloudwatch}", "alarms/standard", "0"),
        ("{type: secrets_manager, secrets: 2}", "api-requests", "0.8"), // 2 × $0.40
        ("{type: route53}", "queries/standard", "0"),
        ("{type: kms, keys: 1}", "requests", "1"),
        ("{type: waf}", "web-acl", "0"),
        ("{type: codepipeline}", "pipeline-v1", "0"),
        ("{type: codebuild}", "build/general1.small", "0"),
        ("{type: dynamodb, pitr: true}", "pitr", "0"),
        ("{type: sns}", "requests", "0"),
        ("{type: xray}", "traces-recorded", "0"),
    ]

    @Test(arguments: usageDependent.indices)
    func unstatedUsageOfEveryUsageBilledType(_ index: Int) throws {
        let (component, item, known) = Self.usageDependent[index]
        let estimate = try priceComponent(component)
        let items = estimate.lineItems[.desired, default: []]
        let matching = items.filter { $0.rate.key.item == item }
        #expect(matching.count == 1, "\(component): \(items.map(\.rate.key.item))")
        #expect(matching.allSatisfy { $0.quantity == nil && $0.monthly == nil }, "\(component)")
        #expect(estimate.monthly.desired == d(known), "\(component)")
        let environment = try #require(try Estimator(catalog: InMemoryPriceCatalog(rates: TestRates.usEast1))
            .estimate(parsePlan(singleComponentPlan(component))).environment("test"))
        #expect(environment.usageDependentItems.contains { $0.component == "c" && $0.item.rate.key.item == item })
    }

    @Test func extendingEnvironmentInheritsHours() throws {
        let plan = try parsePlan("""
            version: 1
            name: t
            region: us-east-1
            environments:
              base:
                hours_per_month: 260
                components:
                  web: {type: ec2, instance_type: t3.medium}
              child:
                extends: base
            """)
        let estimate = try Estimator(catalog: InMemoryPriceCatalog(rates: TestRates.usEast1)).estimate(plan)
        let child = try #require(estimate.environment("child"))
        #expect(child.hoursPerMonth == d("260"))
        #expect(child.monthly.desired == d("10.816")) // 260 h × $0.0416
    }
}
