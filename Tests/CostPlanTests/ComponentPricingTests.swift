import Foundation
import Testing
@testable import CostPlan

/// Compute and load balancing: fargate, ec2, nat_gateway, alb, nlb (us-east-1 list rates, 730 h).
struct ComponentPricingTests {
    static let cases: [PricingCase] = [
        PricingCase("fargate x86_64", "{type: fargate, cpu: 0.5, memory_gb: 1, tasks: {min: 1, max: 4, desired: 2}}",
                    // per task: 0.5 vCPU × 730 h × $0.04048 = $14.7752, + 1 GB × 730 h × $0.004445 = $3.24485 → $18.02005
                    min: d("18.02005"),   // 1 task
                    desired: d("36.0401"), // 2 tasks × $18.02005
                    max: d("72.0802")),    // 4 tasks × $18.02005
        PricingCase("fargate arm64", "{type: fargate, cpu: 1, memory_gb: 2, architecture: arm64, tasks: {min: 2, max: 6, desired: 3}}",
                    // per task: 1 vCPU × 730 h × $0.03238 = $23.6374, + 2 GB × 730 h × $0.00356 = $5.1976 → $28.835
                    min: d("57.67"),       // 2 × $28.835
                    desired: d("86.505"),  // 3 × $28.835
                    max: d("173.01")),     // 6 × $28.835
        PricingCase("fargate ephemeral storage above 20 GB",
                    "{type: fargate, cpu: 0.25, memory_gb: 0.5, ephemeral_storage_gb: 50, tasks: 2}",
                    // 2 tasks × 730 h × (0.25 × $0.04048 + 0.5 × $0.004445 + (50 − 20) GB × $0.000111)
                    // = 1460 × ($0.01012 + $0.0022225 + $0.00333) = 1460 × $0.0156725 = $22.88185
                    flat: d("22.88185")),
        PricingCase("fargate 20 GB ephemeral storage is free",
                    "{type: fargate, cpu: 0.25, memory_gb: 0.5, ephemeral_storage_gb: 20}",
                    // 730 h × ($0.01012 + $0.0022225) = $9.010025, no storage line
                    flat: d("9.010025")),
        PricingCase("ec2", "{type: ec2, instance_type: t3.large, count: {min: 2, max: 10, desired: 3}}",
                    min: d("121.472"),     // 2 × 730 h × $0.0832
                    desired: d("182.208"), // 3 × 730 h × $0.0832
                    max: d("607.36")),     // 10 × 730 h × $0.0832
        PricingCase("nat_gateway", "{type: nat_gateway, count: {min: 1, max: 3, desired: 2}, data_processed_gb: 500}",
                    // data: 500 GB × $0.045 = $22.50 (all gateways together, does not scale)
                    min: d("55.35"),       // 1 × 730 h × $0.045 = $32.85 + $22.50
                    desired: d("88.2"),    // 2 × 730 h × $0.045 = $65.70 + $22.50
                    max: d("121.05")),     // 3 × 730 h × $0.045 = $98.55 + $22.50
        PricingCase("alb from usage",
                    """
                    {type: alb, count: {min: 1, max: 3, desired: 2}, usage: {new_connections_per_second: 40, \
                    active_connections_per_minute: 2400, processed_gb_per_hour: 0.8, rule_evaluations_per_second: 60}}
                    """,
                    // LCU = max(40/25, 2400/3000, 0.8/1, 60/1000) = max(1.6, 0.8, 0.8, 0.06) = 1.6
                    // per ALB: 730 h × $0.0225 = $16.425 + 1.6 LCU × 730 h × $0.008 = $9.344 → $25.769
                    min: d("25.769"),      // 1 × $25.769
                    desired: d("51.538"),  // 2 × $25.769
                    max: d("77.307")),     // 3 × $25.769
        PricingCase("alb processed bytes dominate",
                    "{type: alb, usage: {new_connections_per_second: 10, processed_gb_per_hour: 3}}",
                    // LCU = max(10/25, 0, 3/1, 0) = 3 → $16.425 + 3 × 730 × $0.008 = $17.52 → $33.945
                    flat: d("33.945")),
        PricingCase("alb from lcu", "{type: alb, lcu: 2.5, count: 2}",
                    // 2 × 730 h × $0.0225 = $32.85 + 2 × 2.5 LCU × 730 h × $0.008 = $29.20
                    flat: d("62.05")),
        PricingCase("nlb from usage",
                    "{type: nlb, usage: {new_connections_per_second: 1600, active_connections_per_minute: 50000, processed_gb_per_hour: 0.5}}",
                    // NLCU = max(1600/800, 50000/100000, 0.5/1) = 2
                    // 730 h × $0.0225 = $16.425 + 2 × 730 h × $0.006 = $8.76
                    flat: d("25.185")),
        PricingCase("nlb from lcu", "{type: nlb, lcu: 1.5, count: {min: 1, max: 2}}",
                    // per NLB: $16.425 + 1.5 NLCU × 730 h × $0.006 = $6.57 → $22.995; desired defaults to min
                    min: d("22.995"), desired: d("22.995"),
                    max: d("45.99")),      // 2 × $22.995
    ]

    @Test(arguments: cases)
    func monthlyCost(_ testCase: PricingCase) throws {
        try testCase.check()
    }

    @Test func fargateLineItems() throws {
        let estimate = try priceComponent("{type: fargate, cpu: 0.25, memory_gb: 0.5, ephemeral_storage_gb: 50, tasks: 2}")
        let items = estimate.lineItems[.desired, default: []]
        #expect(items.map(\.rate.key.item) == ["fargate/x86_64/vcpu", "fargate/x86_64/memory", "fargate/ephemeral-storage"])
        #expect(items.map(\.quantity) == [d("365"),  // 2 tasks × 0.25 vCPU × 730 h
                                          d("730"),  // 2 tasks × 0.5 GB × 730 h
                                          d("43800")]) // 2 tasks × 30 GB × 730 h
        #expect(items.map(\.unit) == ["vCPU-hours", "GB-hours", "GB-hours"])
        #expect(items.allSatisfy { $0.isTimeBilled })
    }

    @Test func loadBalancerItems() throws {
        let estimate = try priceComponent("{type: alb, lcu: 2.5, count: 2}")
        let items = estimate.lineItems[.desired, default: []]
        #expect(items.map(\.rate.key.item) == ["alb/hours", "alb/lcu"])
        #expect(items.map(\.quantity) == [d("1460"),  // 2 LBs × 730 h
                                          d("3650")]) // 2 LBs × 2.5 LCU × 730 h
    }

    @Test func natGatewayDataIsNotTimeBilled() throws {
        let items = try priceComponent("{type: nat_gateway, count: 3, data_processed_gb: 500}").lineItems[.max, default: []]
        #expect(items.map(\.isTimeBilled) == [true, false])
        #expect(items.map(\.quantity) == [d("2190"), d("500")]) // 3 × 730 h; 500 GB
    }
}
