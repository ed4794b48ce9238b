import Foundation
import Testing
@testable import CostPlan

// Shared helpers for the CostPlan tests: exact decimals, hand-made rates, and plans built
// from small YAML snippets. No tests live here.

/// An exact decimal from its text (a Swift float literal would go through `Double`).
func d(_ text: String) -> Decimal {
    guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
        fatalError("bad decimal literal in a test: \(text)")
    }
    return value
}

/// One rate, us-east-1 unless told otherwise; `usd` and `tier` as text so they stay exact.
func rate(_ service: String, _ item: String, _ unit: String, _ usd: String,
          tier: String? = nil, region: String = "us-east-1") -> Rate {
    Rate(key: RateKey(service: service, region: region, item: item), unit: unit,
         tierFrom: tier.map(d), usd: d(usd), effectiveDate: "2026-05-01", source: "test: pricing/\(service).csv")
}

/// Parses a plan; `file` is always "test.yaml" so diagnostics can be compared exactly.
func parsePlan(_ text: String) throws -> Plan {
    try PlanParser.parse(text, file: "test.yaml")
}

/// The diagnostics a plan is rejected with (records an issue when it parses).
func diagnostics(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        _ = try parsePlan(text)
        Issue.record("the plan was accepted, expected errors", sourceLocation: sourceLocation)
        return []
    } catch let error as PlanError {
        return error.diagnostics
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return []
    }
}

/// A one-environment plan (`test`, us-east-1) holding the component `c` written as a YAML
/// flow mapping, e.g. `{type: ec2, instance_type: t3.large}`.
func singleComponentPlan(_ component: String, environment extra: String = "") -> String {
    """
    version: 1
    name: t
    region: us-east-1
    environments:
      test:
    \(extra.isEmpty ? "" : "    \(extra)\n")    components:
          c: \(component)
    """
}

/// Prices the single component `c` of `singleComponentPlan(component)`.
func priceComponent(_ component: String, environment extra: String = "",
                    rates: [Rate] = TestRates.usEast1) throws -> ComponentEstimate {
    let plan = try parsePlan(singleComponentPlan(component, environment: extra))
    let estimate = try Estimator(catalog: InMemoryPriceCatalog(rates: rates)).estimate(plan)
    let components = try #require(estimate.environment("test")).components
    try #require(components.count == 1)
    return components[0]
}

/// Real us-east-1 (and global) list rates copied from pricing/*.csv (effective 2026-05-01),
/// only the ones the tests price with.
enum TestRates {
    static let usEast1: [Rate] = [
        // AmazonECS
        rate("AmazonECS", "fargate/x86_64/vcpu", "vCPU-hour", "0.04048"),
        rate("AmazonECS", "fargate/x86_64/memory", "GB-hour", "0.004445"),
        rate("AmazonECS", "fargate/arm64/vcpu", "vCPU-hour", "0.03238"),
        rate("AmazonECS", "fargate/arm64/memory", "GB-hour", "0.00356"),
        rate("AmazonECS", "fargate/ephemeral-storage", "GB-hour", "0.000111"),
        // AmazonEC2
        rate("AmazonEC2", "instance/t3.large", "hour", "0.0832"),
        rate("AmazonEC2", "instance/t3.medium", "hour", "0.0416"),
        rate("AmazonEC2", "nat-gateway/hours", "hour", "0.045"),
        rate("AmazonEC2", "nat-gateway/data-processed", "GB", "0.045"),
        rate("AmazonEC2", "ebs/gp3/storage", "GB-month", "0.08"),
        rate("AmazonEC2", "ebs/gp3/iops", "IOPS-month", "0.005"),
        rate("AmazonEC2", "ebs/gp3/throughput", "MBps-month", "0.04"),
        rate("AmazonEC2", "ebs/io1/storage", "GB-month", "0.125"),
        rate("AmazonEC2", "ebs/io1/iops", "IOPS-month", "0.065"),
        // AWSELB
        rate("AWSELB", "alb/hours", "hour", "0.0225"),
        rate("AWSELB", "alb/lcu", "LCU-hour", "0.008"),
        rate("AWSELB", "nlb/hours", "hour", "0.0225"),
        rate("AWSELB", "nlb/nlcu", "NLCU-hour", "0.006"),
        // AmazonRDS
        rate("AmazonRDS", "instance/postgres/db.t3.medium/single-az", "hour", "0.072"),
        rate("AmazonRDS", "instance/postgres/db.t3.medium/multi-az", "hour", "0.144"),
        rate("AmazonRDS", "instance/postgres/db.r6g.xlarge/multi-az", "hour", "0.9"),
        rate("AmazonRDS", "instance/postgres/db.r6g.large/single-az", "hour", "0.225"),
        rate("AmazonRDS", "instance/mysql/db.t3.medium/single-az", "hour", "0.068"),
        rate("AmazonRDS", "instance/mariadb/db.t3.small/single-az", "hour", "0.034"),
        rate("AmazonRDS", "storage/gp2/single-az", "GB-month", "0.115"),
        rate("AmazonRDS", "storage/gp3/single-az", "GB-month", "0.115"),
        rate("AmazonRDS", "storage/gp3/multi-az", "GB-month", "0.23"),
        rate("AmazonRDS", "storage/io1/multi-az", "GB-month", "0.25"),
        rate("AmazonRDS", "iops/gp3/single-az", "IOPS-month", "0.02"),
        rate("AmazonRDS", "iops/io1/multi-az", "IOPS-month", "0.2"),
        rate("AmazonRDS", "backup/storage", "GB-month", "0.095"),
        rate("AmazonRDS", "aurora/aurora-postgresql/db.r6g.large", "hour", "0.26"),
        rate("AmazonRDS", "aurora/serverless-v2", "ACU-hour", "0.12"),
        rate("AmazonRDS", "aurora/storage", "GB-month", "0.1"),
        rate("AmazonRDS", "aurora/io-requests", "1M requests", "0.2"),
        // AmazonElastiCache
        rate("AmazonElastiCache", "node/redis/cache.r6g.large", "node-hour", "0.206"),
        rate("AmazonElastiCache", "node/valkey/cache.r6g.large", "node-hour", "0.1648"),
        rate("AmazonElastiCache", "node/memcached/cache.t3.medium", "node-hour", "0.068"),
        // AmazonS3
        rate("AmazonS3", "standard/storage", "GB-month", "0.023", tier: "0"),
        rate("AmazonS3", "standard/storage", "GB-month", "0.022", tier: "51200"),
        rate("AmazonS3", "standard/storage", "GB-month", "0.021", tier: "512000"),
        rate("AmazonS3", "requests/tier1", "1K requests", "0.005"),
        rate("AmazonS3", "requests/tier2", "1K requests", "0.0004"),
        // AmazonCloudFront (global)
        rate("AmazonCloudFront", "data-out/north_america", "GB", "0.085", tier: "0", region: "global"),
        rate("AmazonCloudFront", "data-out/north_america", "GB", "0.08", tier: "10240", region: "global"),
        rate("AmazonCloudFront", "data-out/north_america", "GB", "0.06", tier: "51200", region: "global"),
        rate("AmazonCloudFront", "data-out/north_america", "GB", "0.04", tier: "153600", region: "global"),
        rate("AmazonCloudFront", "data-out/europe", "GB", "0.085", tier: "0", region: "global"),
        rate("AmazonCloudFront", "data-out/europe", "GB", "0.08", tier: "10240", region: "global"),
        rate("AmazonCloudFront", "requests-https/north_america", "10K requests", "0.01", region: "global"),
        rate("AmazonCloudFront", "requests-https/europe", "10K requests", "0.012", region: "global"),
        // AWSDataTransfer
        rate("AWSDataTransfer", "internet-out", "GB", "0.09", tier: "0"),
        rate("AWSDataTransfer", "internet-out", "GB", "0.085", tier: "10240"),
        rate("AWSDataTransfer", "internet-out", "GB", "0.07", tier: "51200"),
        rate("AWSDataTransfer", "internet-out", "GB", "0.05", tier: "153600"),
        rate("AWSDataTransfer", "inter-region-out", "GB", "0.02"),
        rate("AWSDataTransfer", "inter-az", "GB", "0.01"),
        // Long tail
        rate("AmazonECR", "storage", "GB-month", "0.1"),
        rate("AmazonCloudWatch", "logs/ingestion", "GB", "0.5"),
        rate("AmazonCloudWatch", "logs/storage", "GB-month", "0.03"),
        rate("AmazonCloudWatch", "logs/insights-scanned", "GB", "0.005"),
        rate("AmazonCloudWatch", "metrics/custom", "metric-month", "0.3"),
        rate("AmazonCloudWatch", "alarms/standard", "alarm-month", "0.1"),
        rate("AmazonCloudWatch", "dashboards", "dashboard-month", "3"),
        rate("AWSSecretsManager", "secret", "secret-month", "0.4"),
        rate("AWSSecretsManager", "api-requests", "10K requests", "0.05"),
        rate("AmazonRoute53", "hosted-zone", "zone-month", "0.5", region: "global"),
        rate("AmazonRoute53", "queries/standard", "1M queries", "0.4", tier: "0", region: "global"),
        rate("AmazonRoute53", "queries/standard", "1M queries", "0.2", tier: "1000", region: "global"),
        rate("AmazonRoute53", "queries/latency", "1M queries", "0.6", tier: "0", region: "global"),
        rate("AmazonRoute53", "queries/latency", "1M queries", "0.3", tier: "1000", region: "global"),
        rate("AmazonRoute53", "queries/geo", "1M queries", "0.7", tier: "0", region: "global"),
        rate("AmazonRoute53", "queries/geo", "1M queries", "0.35", tier: "1000", region: "global"),
        rate("awskms", "key", "key-month", "1", region: "global"),
        rate("awskms", "requests", "10K requests", "0.03", region: "global"),
        rate("awswaf", "web-acl", "web-ACL-month", "5"),
        rate("awswaf", "rule", "rule-month", "1"),
        rate("awswaf", "requests", "1M requests", "0.6"),
        rate("AWSCodePipeline", "pipeline-v1", "pipeline-month", "1", region: "global"),
        rate("AWSCodePipeline", "action-minutes-v2", "action-minute", "0.002", region: "global"),
        rate("CodeBuild", "build/general1.small", "build-minute", "0.005"),
        rate("CodeBuild", "build/general1.medium", "build-minute", "0.01"),
        rate("AmazonDynamoDB", "on-demand/write", "1M requests", "0.625"),
        rate("AmazonDynamoDB", "on-demand/read", "1M requests", "0.125"),
        rate("AmazonDynamoDB", "storage", "GB-month", "0.25"),
        rate("AmazonDynamoDB", "pitr", "GB-month", "0.2"),
        rate("AmazonDynamoDB", "backup", "GB-month", "0.1"),
        rate("AmazonSNS", "requests", "1M requests", "0.5"),
        rate("AmazonSNS", "email", "100K notifications", "2"),
        rate("AmazonSNS", "http", "1M notifications", "0.6"),
        rate("AWSXRay", "traces-recorded", "1M traces", "5"),
        rate("AWSXRay", "traces-retrieved", "1M traces", "0.5"),
    ]
}

/// A pricing case: one component and its monthly cost at min / desired / max.
struct PricingCase: Sendable, CustomTestStringConvertible {
    let name: String
    let component: String
    let min: Decimal
    let desired: Decimal
    let max: Decimal

    /// A case whose cost does not scale.
    init(_ name: String, _ component: String, flat: Decimal) {
        self.init(name, component, min: flat, desired: flat, max: flat)
    }

    init(_ name: String, _ component: String, min: Decimal, desired: Decimal, max: Decimal) {
        self.name = name
        self.component = component
        self.min = min
        self.desired = desired
        self.max = max
    }

    var testDescription: String { name }

    /// Prices the case and compares the three monthly figures exactly.
    func check(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let estimate = try priceComponent(component)
        #expect(estimate.monthly == Band(min: min, desired: desired, max: max),
                "\(name): \(component)", sourceLocation: sourceLocation)
        for scenario in Scenario.allCases {
            #expect(estimate.lineItems[scenario, default: []].allSatisfy { !$0.dependsOnUsage },
                    "\(name) has a usage-dependent item at \(scenario)", sourceLocation: sourceLocation)
        }
    }
}
