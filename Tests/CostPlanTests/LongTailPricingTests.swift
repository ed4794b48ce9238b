import Foundation
import Testing
@testable import CostPlan

/// The long tail of per-unit services, ebs, and fixed amounts.
struct LongTailPricingTests {
    static let cases: [PricingCase] = [
        PricingCase("ecr", "{type: ecr, storage_gb: 25}",
                    flat: d("2.5")),       // 25 GB × $0.10
        PricingCase("cloudwatch_logs", "{type: cloudwatch_logs, ingestion_gb: 100, storage_gb: 500, insights_scanned_gb: 1000}",
                    // 100 GB × $0.50 = $50 + 500 GB-mo × $0.03 = $15 + 1,000 GB × $0.005 = $5
                    flat: d("70")),
        PricingCase("cloudwatch", "{type: cloudwatch, custom_metrics: 50, alarms: 20, dashboards: 2}",
                    // 50 × $0.30 = $15 + 20 × $0.10 = $2 + 2 × $3 = $6
                    flat: d("23")),
        PricingCase("secrets_manager", "{type: secrets_manager, secrets: 10, api_requests: 1000000}",
                    // 10 × $0.40 = $4 + 1,000,000 / 10K = 100 × $0.05 = $5
                    flat: d("9")),
        PricingCase("route53 tiered queries",
                    "{type: route53, hosted_zones: 2, queries_millions: 1500, latency_queries_millions: 10, geo_queries_millions: 5}",
                    // 2 × $0.50 = $1 + standard 1,000M × $0.40 = $400 + 500M × $0.20 = $100
                    // + latency 10M × $0.60 = $6 + geo 5M × $0.70 = $3.50
                    flat: d("510.5")),
        PricingCase("kms", "{type: kms, keys: 3, requests: 500000}",
                    // 3 × $1 + 500,000 / 10K = 50 × $0.03 = $1.50
                    flat: d("4.5")),
        PricingCase("waf", "{type: waf, web_acls: 1, rules: 10, requests_millions: 20}",
                    // $5 + 10 × $1 + 20M × $0.60 = $12
                    flat: d("27")),
        PricingCase("codepipeline V1", "{type: codepipeline, pipelines: 3}",
                    flat: d("3")),         // 3 × $1
        PricingCase("codepipeline V1 + V2", "{type: codepipeline, pipelines: 2, action_minutes: 500}",
                    flat: d("3")),         // 2 × $1 + 500 min × $0.002 = $1
        PricingCase("codepipeline V2 only", "{type: codepipeline, action_minutes: 1000}",
                    flat: d("2")),         // 1,000 min × $0.002
        PricingCase("codebuild medium", "{type: codebuild, build_minutes: 2000, compute_type: general1.medium}",
                    flat: d("20")),        // 2,000 min × $0.01
        PricingCase("codebuild default small", "{type: codebuild, build_minutes: 1000}",
                    flat: d("5")),         // 1,000 min × $0.005
        PricingCase("dynamodb with pitr and backups",
                    """
                    {type: dynamodb, storage_gb: 100, write_request_units_millions: 10, read_request_units_millions: 40, \
                    pitr: true, backup_gb: 200}
                    """,
                    // 10M × $0.625 = $6.25 + 40M × $0.125 = $5 + 100 GB × $0.25 = $25
                    // + PITR 100 GB × $0.20 = $20 + backups 200 GB × $0.10 = $20
                    flat: d("76.25")),
        PricingCase("dynamodb without pitr",
                    "{type: dynamodb, storage_gb: 100, write_request_units_millions: 10, read_request_units_millions: 40}",
                    flat: d("36.25")),     // $6.25 + $5 + $25
        PricingCase("ebs gp3 extra IOPS and throughput",
                    "{type: ebs, storage_gb: 500, count: {min: 1, max: 3, desired: 2}, iops: 6000, throughput_mbps: 250}",
                    // per volume: 500 GB × $0.08 = $40 + (6000 − 3000) IOPS × $0.005 = $15 + (250 − 125) MB/s × $0.04 = $5
                    min: d("60"),          // 1 × $60
                    desired: d("120"),     // 2 × $60
                    max: d("180")),        // 3 × $60
        PricingCase("ebs gp3 at baseline", "{type: ebs, storage_gb: 100, iops: 3000, throughput_mbps: 125}",
                    flat: d("8")),         // 100 GB × $0.08; baseline IOPS and throughput are included
        PricingCase("ebs io1", "{type: ebs, volume_type: io1, storage_gb: 100, iops: 1000}",
                    flat: d("77.5")),      // 100 GB × $0.125 = $12.50 + 1,000 IOPS × $0.065 = $65
        PricingCase("sns", "{type: sns, requests_millions: 5, email_notifications: 200000, http_notifications_millions: 3}",
                    // 5M × $0.50 = $2.50 + 200,000 / 100K = 2 × $2 = $4 + 3M × $0.60 = $1.80
                    flat: d("8.3")),
        PricingCase("xray", "{type: xray, traces_recorded_millions: 2, traces_retrieved_millions: 10}",
                    flat: d("15")),        // 2M × $5 + 10M × $0.50
        PricingCase("fixed", "{type: fixed, monthly_usd: 1234.56, description: Business support}",
                    flat: d("1234.56")),   // as given
    ]

    @Test(arguments: cases)
    func monthlyCost(_ testCase: PricingCase) throws {
        try testCase.check()
    }

    @Test func route53TierSplit() throws {
        let items = try priceComponent("{type: route53, hosted_zones: 1, queries_millions: 1500}").lineItems[.desired, default: []]
        #expect(items.map(\.rate.key.item) == ["hosted-zone", "queries/standard", "queries/standard"])
        #expect(items.map(\.quantity) == [d("1"), d("1000"), d("500")])
        #expect(items.map(\.name) == ["Hosted zones", "Standard queries (first 1B)", "Standard queries (over 1B)"])
    }

    @Test func fixedAmountIsNotTimeBilled() throws {
        let estimate = try priceComponent("{type: fixed, monthly_usd: 100, hours_per_month: 100}")
        #expect(estimate.monthly.desired == d("100"))
        #expect(estimate.lineItems[.desired, default: []].map(\.isTimeBilled) == [false])
    }
}
