import Foundation
import Testing
@testable import CostPlan

/// Every derivation from demand, table-driven, with the arithmetic in a comment.
struct CapacityDerivationTests {
    /// A counted derivation: a component, the environment's demand, and what must come out.
    struct CountCase: CustomTestStringConvertible, Sendable {
        var name: String
        var component: String
        var demand: String
        var atPeak: Int
        var atAverage: Int
        var desired: Int
        var saturatesAtRPS: String?
        var headroom: String?
        var warned: Bool
        var testDescription: String { name }
    }

    static let countCases: [CountCase] = [
        // ceil(900 ÷ 120) = ceil(7.5) = 8; ceil(300 ÷ 120) = ceil(2.5) = 3, within 2..10;
        // saturates at 10 × 120 = 1,200 rps; headroom 1,200 ÷ 900 = 1.3333
        CountCase(name: "fargate, the issue's example",
                  component: "{type: fargate, cpu: 1, memory_gb: 2, tasks: {min: 2, max: 10}, capacity: {rps_per_task: 120}}",
                  demand: "{peak_rps: 900, average_rps: 300}",
                  atPeak: 8, atAverage: 3, desired: 3, saturatesAtRPS: "1200", headroom: "1.3333", warned: false),
        // ceil(100 ÷ 120) = 1; ceil(50 ÷ 120) = 1, clamped up to min 2; 10 × 120 = 1,200; 1,200 ÷ 100 = 12
        CountCase(name: "fargate, desired clamped up to min",
                  component: "{type: fargate, cpu: 1, memory_gb: 2, tasks: {min: 2, max: 10}, capacity: {rps_per_task: 120}}",
                  demand: "{peak_rps: 100, average_rps: 50}",
                  atPeak: 1, atAverage: 1, desired: 2, saturatesAtRPS: "1200", headroom: "12", warned: false),
        // ceil(1,500 ÷ 120) = ceil(12.5) = 13 > max 10 → warning; ceil(1,440 ÷ 120) = 12, clamped down to 10;
        // 1,200 ÷ 1,500 = 0.8
        CountCase(name: "fargate, peak above max",
                  component: "{type: fargate, cpu: 1, memory_gb: 2, tasks: {min: 2, max: 10}, capacity: {rps_per_task: 120}}",
                  demand: "{peak_rps: 1500, average_rps: 1440}",
                  atPeak: 13, atAverage: 12, desired: 10, saturatesAtRPS: "1200", headroom: "0.8", warned: true),
        // explicit desired 4 wins over ceil(300 ÷ 120) = 3
        CountCase(name: "fargate, explicit desired wins",
                  component: "{type: fargate, cpu: 1, memory_gb: 2, tasks: {min: 2, max: 10, desired: 4}, capacity: {rps_per_task: 120}}",
                  demand: "{peak_rps: 900, average_rps: 300}",
                  atPeak: 8, atAverage: 3, desired: 4, saturatesAtRPS: "1200", headroom: "1.3333", warned: false),
        // average_rps defaults to peak: ceil(250 ÷ 100) = 3 both; 4 × 100 = 400; 400 ÷ 250 = 1.6
        CountCase(name: "ec2, average defaults to peak",
                  component: "{type: ec2, instance_type: t3.large, count: {min: 1, max: 4}, capacity: {rps_per_instance: 100}}",
                  demand: "{peak_rps: 250}",
                  atPeak: 3, atAverage: 3, desired: 3, saturatesAtRPS: "400", headroom: "1.6", warned: false),
        // reads: ceil(3,000 ÷ 1,000) = 3 > max 2 → warning; average reads 3,000 × 300 ÷ 900 = 1,000 → 1;
        // desired follows the peak: 3 clamped to 0..2 = 2; saturates at 2 × 1,000 = 2,000 reads/s
        // = 2,000 × 900 ÷ 3,000 = 600 peak rps; headroom 2,000 ÷ 3,000 = 0.6667
        CountCase(name: "rds replicas, reads above max",
                  component: "{type: rds, engine: postgres, instance_class: db.t3.medium, replicas: {min: 0, max: 2}, capacity: {reads_per_replica: 1000}}",
                  demand: "{peak_rps: 900, average_rps: 300, peak_read_rps: 3000}",
                  atPeak: 3, atAverage: 1, desired: 2, saturatesAtRPS: "600", headroom: "0.6667", warned: true),
        // ceil(1,500 ÷ 1,000) = 2; average 1,500 × 300 ÷ 900 = 500 → 1; desired = peak 2; 3 × 1,000 = 3,000 reads/s
        // = 3,000 × 900 ÷ 1,500 = 1,800 rps; headroom 3,000 ÷ 1,500 = 2
        CountCase(name: "rds replicas sized at the peak",
                  component: "{type: rds, engine: postgres, instance_class: db.t3.medium, replicas: {min: 0, max: 3}, capacity: {reads_per_replica: 1000}}",
                  demand: "{peak_rps: 900, average_rps: 300, peak_read_rps: 1500}",
                  atPeak: 2, atAverage: 1, desired: 2, saturatesAtRPS: "1800", headroom: "2", warned: false),
        // usable = 10 GB × (100 − 0) ÷ 100 = 10; shards ceil(25 ÷ 10) = 3 within 1..4; 4 × 10 = 40 GB; 40 ÷ 25 = 1.6
        CountCase(name: "elasticache shards from the working set",
                  component: "{type: elasticache, node_type: cache.r6g.large, shards: {min: 1, max: 4}, replicas_per_shard: 1, capacity: {memory_per_node_gb: 10, reserved_memory_percent: 0}}",
                  demand: "{peak_rps: 900, working_set_gb: 25}",
                  atPeak: 3, atAverage: 3, desired: 3, saturatesAtRPS: nil, headroom: "1.6", warned: false),
        // usable = 4 × 75 ÷ 100 = 3 GB; ceil(10 ÷ 3) = 4 nodes; 5 × 3 = 15 GB; 15 ÷ 10 = 1.5
        CountCase(name: "memcached nodes from the working set",
                  component: "{type: elasticache, engine: memcached, node_type: cache.t3.medium, nodes: {min: 1, max: 5}, capacity: {memory_per_node_gb: 4}}",
                  demand: "{peak_rps: 900, working_set_gb: 10}",
                  atPeak: 4, atAverage: 4, desired: 4, saturatesAtRPS: nil, headroom: "1.5", warned: false),
    ]

    @Test(arguments: countCases)
    func countedDerivation(_ c: CountCase) throws {
        let plan = try parsePlan(singleComponentPlan(c.component, environment: "demand: \(c.demand)"))
        let component = try #require(plan.environments.first?.components.first)
        let capacity = try #require(component.capacity)
        #expect(capacity.requiredAtPeak == Decimal(c.atPeak))
        #expect(capacity.requiredAtAverage == Decimal(c.atAverage))
        #expect(capacity.configured?.desired == c.desired)
        #expect(capacity.saturatesAtRPS == c.saturatesAtRPS.map(d))
        #expect(capacity.headroom.map { Money.rounded($0, scale: 4) } == c.headroom.map(d))
        #expect((capacity.warning != nil) == c.warned)
        #expect(!capacity.derived.isEmpty)
        // The priced count is the derived one.
        #expect(component.scalingRange?.range.desired == c.desired)
    }

    @Test func cacheNodeMemoryComesFromTheNodeTable() throws {
        // cache.r6g.large maxmemory 14,037,181,030 B ÷ 2^30 = 13.0731 GiB; × 0.75 = 9.8048 usable;
        // ceil(20 ÷ 9.8048) = 3 shards; 6 nodes with one replica each.
        let memory = try #require(ElastiCacheNodeMemory.gibibytes("cache.r6g.large"))
        #expect(Money.rounded(memory, scale: 4) == d("13.0731"))
        #expect(ElastiCacheNodeMemory.bytes("cache.t4g.small") == 1_471_026_299)
        #expect(ElastiCacheNodeMemory.bytes("cache.x1.huge") == nil)
        let component = try priceComponent(
            "{type: elasticache, node_type: cache.r6g.large, shards: {min: 1, max: 4}, replicas_per_shard: 1, capacity: {}}",
            environment: "demand: {peak_rps: 10, working_set_gb: 20}")
        #expect(component.capacity?.configured?.desired == 3)
        // 6 nodes × 730 h × $0.206 = $902.28
        #expect(component.monthly.desired == d("902.28"))
        #expect(component.capacity?.derived.first?.contains("cache.r6g.large maxmemory") == true)
    }

    @Test func aRedisReplicationGroupIsCheckedNotResized() throws {
        // One shard: 13.0731 × 0.75 = 9.8048 GB usable < 20 GB → ceil(20 ÷ 9.8048) = 3 shards needed, warning.
        let component = try priceComponent("{type: elasticache, node_type: cache.r6g.large, nodes: 2, capacity: {}}",
                                           environment: "demand: {peak_rps: 10, working_set_gb: 20}")
        #expect(component.capacity?.requiredAtPeak == 3)
        #expect(component.capacity?.warning?.field == "shards.max")
        // nodes stay 2: 2 × 730 × 0.206 = 300.76
        #expect(component.monthly.desired == d("300.76"))
    }

    /// A load balancer derivation: capacity block, demand, LCUs per hour per load balancer.
    struct LCUCase: CustomTestStringConvertible, Sendable {
        var name: String
        var component: String
        var demand: String
        var unitsPerHour: String
        var atPeak: String
        var testDescription: String { name }
    }

    static let lcuCases: [LCUCase] = [
        // new connections 300 ÷ 1 = 300/s ÷ 25 = 12; processed 300 × 3,600 × 4 KB ÷ 1,048,576 = 4.1199 GB/h → 12 LCU;
        // peak 900 ÷ 25 = 36
        LCUCase(name: "alb, new connections dominate",
                component: "{type: alb, capacity: {average_response_kb: 4}}",
                demand: "{peak_rps: 900, average_rps: 300}", unitsPerHour: "12", atPeak: "36"),
        // new connections 300 ÷ 100 = 3/s ÷ 25 = 0.12; processed 300 × 3,600 × 64 ÷ 1,048,576 = 65.91796875 GB/h → 65.91796875;
        // peak: 900 × 3,600 × 64 ÷ 1,048,576 = 197.75390625
        LCUCase(name: "alb, processed bytes dominate with connection reuse",
                component: "{type: alb, capacity: {average_response_kb: 64, requests_per_connection: 100}}",
                demand: "{peak_rps: 900, average_rps: 300}", unitsPerHour: "65.91796875", atPeak: "197.75390625"),
        // active connections 300/s × 30 s = 9,000 ÷ 3,000 = 3; new 300 ÷ 10 = 30 ÷ 25 = 1.2; rules 300 × (25 − 10) = 4,500 ÷ 1,000 = 4.5
        // → 4.5; peak: rules 900 × 15 = 13,500 ÷ 1,000 = 13.5
        LCUCase(name: "alb, rule evaluations dominate",
                component: "{type: alb, capacity: {average_response_kb: 1, requests_per_connection: 10, connection_seconds: 30, rules_per_request: 25}}",
                demand: "{peak_rps: 900, average_rps: 300}", unitsPerHour: "4.5", atPeak: "13.5"),
        // two load balancers share 12 LCU: 6 each
        LCUCase(name: "alb, shared by two",
                component: "{type: alb, count: 2, capacity: {average_response_kb: 4}}",
                demand: "{peak_rps: 900, average_rps: 300}", unitsPerHour: "6", atPeak: "36"),
        // NLB TCP: new 300 ÷ 800 = 0.375; processed 300 × 3,600 × 4 ÷ 1,048,576 = 4.119873046875 → 4.119873046875;
        // peak 3 × that = 12.359619140625
        LCUCase(name: "nlb, processed bytes",
                component: "{type: nlb, capacity: {average_response_kb: 4}}",
                demand: "{peak_rps: 900, average_rps: 300}", unitsPerHour: "4.119873046875", atPeak: "12.359619140625"),
    ]

    @Test(arguments: lcuCases)
    func loadBalancerDerivation(_ c: LCUCase) throws {
        let component = try priceComponent(c.component, environment: "demand: \(c.demand)")
        let lcu = try #require(component.lineItems[.desired]?.last)
        let count = component.lineItems[.desired]!.first!.quantity! / 730
        // LCU-hours = load balancers × LCU per hour × 730
        #expect(lcu.quantity == count * d(c.unitsPerHour) * 730)
        #expect(component.capacity?.requiredAtPeak == d(c.atPeak))
        #expect(component.capacity?.saturatesAtRPS == nil)
    }

    @Test func statedLCUWinsOverDerived() throws {
        let component = try priceComponent("{type: alb, lcu: 2, capacity: {average_response_kb: 4}}",
                                           environment: "demand: {peak_rps: 900, average_rps: 300}")
        // 2 LCU × 730 h = 1,460 LCU-hours, not 12 × 730
        #expect(component.lineItems[.desired]?.last?.quantity == 1460)
        #expect(component.capacity?.explicit.first?.contains("stated in the plan") == true)
    }

    @Test func natDataProcessedFromEgress() throws {
        // 500 GB × egress_share 0.5 = 250 GB × $0.045 = $11.25; plus 730 h × $0.045 = $32.85
        let derived = try priceComponent("{type: nat_gateway, capacity: {egress_share: 0.5}}",
                                         environment: "demand: {peak_rps: 10, egress_gb: 500}")
        #expect(derived.lineItems[.desired]?.last?.quantity == 250)
        #expect(derived.monthly.desired == d("44.10"))
        #expect(derived.capacity?.derived.first == "data_processed_gb = demand.egress_gb 500 × egress_share 0.5 = 250 GB a month")
        // stated data_processed_gb 100 wins
        let stated = try priceComponent("{type: nat_gateway, data_processed_gb: 100, capacity: {}}",
                                        environment: "demand: {peak_rps: 10, egress_gb: 500}")
        #expect(stated.lineItems[.desired]?.last?.quantity == 100)
    }

    @Test func fargateCostFollowsTheDerivedCount() throws {
        // 3 tasks × (1 vCPU × 0.04048 + 2 GB × 0.004445) × 730 h = 3 × 0.04937 × 730 = $108.1203
        let component = try priceComponent(
            "{type: fargate, cpu: 1, memory_gb: 2, tasks: {min: 2, max: 10}, capacity: {rps_per_task: 120}}",
            environment: "demand: {peak_rps: 900, average_rps: 300}")
        #expect(component.monthly.desired == d("108.1203"))
        #expect(component.monthly.max == d("360.401"))
    }
}
