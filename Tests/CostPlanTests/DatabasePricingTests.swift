import Foundation
import Testing
@testable import CostPlan

/// Databases and caches: rds, aurora (provisioned and Serverless v2), elasticache.
struct DatabasePricingTests {
    static let cases: [PricingCase] = [
        PricingCase("rds single-AZ, default gp3", "{type: rds, engine: postgres, instance_class: db.t3.medium, storage_gb: 100}",
                    // 730 h × $0.072 = $52.56 + 100 GB × $0.115 = $11.50
                    flat: d("64.06")),
        PricingCase("rds multi-AZ with replicas of their own class",
                    """
                    {type: rds, engine: postgres, instance_class: db.r6g.xlarge, multi_az: true, storage_gb: 100, \
                    replicas: {min: 0, max: 2, desired: 1}, replica_instance_class: db.r6g.large}
                    """,
                    // primary: 730 h × $0.9 (Multi-AZ rate) = $657 + 100 GB × $0.23 (Multi-AZ storage) = $23 → $680
                    // each replica (Single-AZ): 730 h × $0.225 = $164.25 + its own 100 GB × $0.115 = $11.50 → $175.75
                    min: d("680"),         // no replica
                    desired: d("855.75"),  // $680 + 1 × $175.75
                    max: d("1031.5")),     // $680 + 2 × $175.75
        PricingCase("rds gp3 IOPS above the 12,000 baseline (>= 400 GB), replica too",
                    "{type: rds, engine: mysql, instance_class: db.t3.medium, storage_gb: 400, iops: 15000, replicas: 1}",
                    // primary: 730 × $0.068 = $49.64 + 400 GB × $0.115 = $46 + (15000 − 12000) IOPS × $0.02 = $60 → $155.64
                    // replica: same again (own storage and IOPS, Single-AZ) → $155.64
                    flat: d("311.28")),
        PricingCase("rds io1 Multi-AZ with backup beyond the free allowance",
                    """
                    {type: rds, engine: postgres, instance_class: db.t3.medium, multi_az: true, storage_type: io1, \
                    storage_gb: 200, iops: 2000, additional_backup_gb: 50}
                    """,
                    // 730 × $0.144 = $105.12 + 200 GB × $0.25 = $50 + 2000 IOPS × $0.2 = $400 + 50 GB × $0.095 = $4.75
                    flat: d("559.87")),
        PricingCase("rds gp2", "{type: rds, engine: mariadb, instance_class: db.t3.small, storage_type: gp2, storage_gb: 50}",
                    // 730 × $0.034 = $24.82 + 50 GB × $0.115 = $5.75
                    flat: d("30.57")),
        PricingCase("aurora provisioned",
                    """
                    {type: aurora, engine: aurora-postgresql, instance_class: db.r6g.large, \
                    instances: {min: 2, max: 4, desired: 3}, storage_gb: 200, io_requests_millions: 50}
                    """,
                    // per instance 730 h × $0.26 = $189.80; one cluster volume 200 GB × $0.1 = $20; 50M I/O × $0.2 = $10
                    min: d("409.6"),       // 2 × $189.80 + $30
                    desired: d("599.4"),   // 3 × $189.80 + $30
                    max: d("789.2")),      // 4 × $189.80 + $30
        PricingCase("aurora serverless v2 min/average/max ACU",
                    """
                    {type: aurora, engine: aurora-mysql, serverless_v2: {min_acu: 0.5, max_acu: 16, average_acu: 4}, \
                    storage_gb: 50, io_requests_millions: 10}
                    """,
                    // 1 ACU × 730 h × $0.12 = $87.60; storage 50 GB × $0.1 = $5 + 10M I/O × $0.2 = $2 → $7
                    min: d("50.8"),        // 0.5 × $87.60 + $7
                    desired: d("357.4"),   // 4 × $87.60 + $7
                    max: d("1408.6")),     // 16 × $87.60 + $7
        PricingCase("elasticache nodes", "{type: elasticache, node_type: cache.r6g.large, nodes: {min: 2, max: 6, desired: 3}}",
                    // redis (default) node: 730 h × $0.206 = $150.38
                    min: d("300.76"),      // 2 × $150.38
                    desired: d("451.14"),  // 3 × $150.38
                    max: d("902.28")),     // 6 × $150.38
        PricingCase("elasticache shards × (replicas + 1)",
                    "{type: elasticache, node_type: cache.r6g.large, shards: {min: 2, max: 4, desired: 3}, replicas_per_shard: 2}",
                    min: d("902.28"),      // 2 shards × 3 nodes × $150.38
                    desired: d("1353.42"), // 3 × 3 × $150.38
                    max: d("1804.56")),    // 4 × 3 × $150.38
        PricingCase("elasticache valkey", "{type: elasticache, engine: valkey, node_type: cache.r6g.large, nodes: 2}",
                    // 2 × 730 h × $0.1648
                    flat: d("240.608")),
        PricingCase("elasticache memcached", "{type: elasticache, engine: memcached, node_type: cache.t3.medium, nodes: 3}",
                    // 3 × 730 h × $0.068
                    flat: d("148.92")),
    ]

    @Test(arguments: cases)
    func monthlyCost(_ testCase: PricingCase) throws {
        try testCase.check()
    }

    @Test func rdsLineItemsUseDeploymentRates() throws {
        let estimate = try priceComponent("""
            {type: rds, engine: postgres, instance_class: db.r6g.xlarge, multi_az: true, storage_gb: 100, \
            replicas: 2, replica_instance_class: db.r6g.large}
            """)
        let items = estimate.lineItems[.desired, default: []]
        #expect(items.map(\.rate.key.item) == [
            "instance/postgres/db.r6g.xlarge/multi-az", "storage/gp3/multi-az",
            "instance/postgres/db.r6g.large/single-az", "storage/gp3/single-az",
        ])
        #expect(items.map(\.quantity) == [d("730"), d("100"),
                                          d("1460"),  // 2 replicas × 730 h
                                          d("200")])  // 2 replicas × 100 GB
    }

    @Test func rdsGp3BelowBaselineIsNotBilledForIOPS() throws {
        // 3,000 IOPS is the included baseline below 400 GB: no IOPS line.
        let items = try priceComponent("{type: rds, engine: postgres, instance_class: db.t3.medium, storage_gb: 100, iops: 3000}")
            .lineItems[.desired, default: []]
        #expect(!items.contains { $0.rate.key.item.hasPrefix("iops/") })
        #expect(items.count == 2)
    }

    @Test func auroraServerlessInstancesMultiplyACUs() throws {
        // average_acu defaults to min_acu; storage and I/O unstated → depend on usage.
        let estimate = try priceComponent(
            "{type: aurora, engine: aurora-mysql, instances: 2, serverless_v2: {min_acu: 1, max_acu: 8}}")
        #expect(estimate.monthly == Band(min: d("175.2"),     // 2 instances × 1 ACU × 730 h × $0.12
                                         desired: d("175.2"), // average defaults to min_acu
                                         max: d("1401.6")))   // 2 × 8 ACU × 730 h × $0.12
        let items = estimate.lineItems[.max, default: []]
        #expect(items.map(\.rate.key.item) == ["aurora/serverless-v2", "aurora/storage", "aurora/io-requests"])
        #expect(items.map(\.quantity) == [d("11680"), nil, nil]) // 2 × 8 ACU × 730 h
    }

    @Test func elastiCacheNodeItem() throws {
        let items = try priceComponent(
            "{type: elasticache, engine: valkey, node_type: cache.r6g.large, shards: 3, replicas_per_shard: 1}")
            .lineItems[.desired, default: []]
        #expect(items.map(\.rate.key.item) == ["node/valkey/cache.r6g.large"])
        #expect(items.map(\.quantity) == [d("4380")]) // 3 shards × 2 nodes × 730 h
    }
}
