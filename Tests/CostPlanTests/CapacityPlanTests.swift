import Foundation
import Testing
@testable import CostPlan

/// `demand:` and `capacity:` in plan files: strict parsing, errors with paths, `extends`.
struct CapacityPlanTests {
    static let api = "{type: fargate, cpu: 1, memory_gb: 2, tasks: {min: 2, max: 10}, capacity: {rps_per_task: 120}}"

    @Test func aCapacityBlockNeedsADemand() {
        let found = diagnostics(singleComponentPlan(Self.api))
        #expect(found.map(\.path) == ["environments.test.demand"])
        #expect(found.first?.message.contains("component 'c' has a capacity block") == true)
    }

    @Test func rdsCapacityNeedsAReadRate() {
        let found = diagnostics(singleComponentPlan(
            "{type: rds, engine: postgres, instance_class: db.t3.medium, capacity: {reads_per_replica: 1000}}",
            environment: "demand: {peak_rps: 10}"))
        #expect(found.map(\.path) == ["environments.test.demand.peak_read_rps"])
    }

    @Test(arguments: [
        // (component, demand, path of the error, part of its message)
        ("{type: fargate, cpu: 1, memory_gb: 2, capacity: {rps_per_tsk: 120}}", "{peak_rps: 10}",
         "environments.test.components.c.capacity.rps_per_tsk", "unknown field 'rps_per_tsk'"),
        ("{type: fargate, cpu: 1, memory_gb: 2, capacity: {rps_per_task: 0}}", "{peak_rps: 10}",
         "environments.test.components.c.capacity.rps_per_task", "must be more than 0"),
        ("{type: s3, storage_gb: 1, capacity: {rps: 1}}", "{peak_rps: 10}",
         "environments.test.components.c.capacity", "unknown field 'capacity'"),
        ("{type: ec2, instance_type: t3.large}", "{peak_rps: 10, average_rps: 20}",
         "environments.test.demand.average_rps", "is above peak_rps"),
        ("{type: ec2, instance_type: t3.large}", "{average_rps: 20}",
         "environments.test.demand.peak_rps", "is required"),
        ("{type: ec2, instance_type: t3.large}", "{peak_rps: 10, peak_rsp: 3}",
         "environments.test.demand.peak_rsp", "unknown field"),
        ("{type: elasticache, node_type: cache.x9.huge, capacity: {}}", "{peak_rps: 10, working_set_gb: 1}",
         "environments.test.components.c.capacity", "not in costplan's node table"),
        ("{type: alb, capacity: {requests_per_connection: 2}}", "{peak_rps: 10}",
         "environments.test.components.c.capacity.average_response_kb", "is required"),
        ("{type: nat_gateway, capacity: {egress_share: 2}}", "{peak_rps: 10, egress_gb: 5}",
         "environments.test.components.c.capacity.egress_share", "must be at most 1"),
    ])
    func badCapacityInputIsAnError(_ component: String, _ demand: String, _ path: String, _ message: String) {
        let found = diagnostics(singleComponentPlan(component, environment: "demand: \(demand)"))
        #expect(found.contains { $0.path == path && $0.message.contains(message) }, "\(found)")
    }

    @Test func anInvalidDemandIsReportedOnce() {
        let found = diagnostics(singleComponentPlan(Self.api, environment: "demand: {peak_rps: 10, average_rps: 20}"))
        #expect(found.map(\.path) == ["environments.test.demand.average_rps"])
        let missingPeak = diagnostics(singleComponentPlan(Self.api, environment: "demand: {average_rps: 20}"))
        #expect(missingPeak.map(\.path) == ["environments.test.demand.peak_rps"])
    }

    @Test func extendsInheritsDemandAndCapacityAndMayReplaceThem() throws {
        let plan = try parsePlan("""
            version: 1
            name: t
            region: us-east-1
            environments:
              production:
                demand: {peak_rps: 900, average_rps: 300}
                components:
                  api: \(Self.api)
              staging:
                extends: production
                demand: {peak_rps: 120, average_rps: 30}
              dev:
                extends: staging
                components:
                  api: {capacity: {rps_per_task: 10}}
            """)
        let desired = plan.environments.map { $0.components[0].capacity?.configured?.desired }
        // production ceil(300 ÷ 120) = 3; staging ceil(30 ÷ 120) = 1 → min 2; dev inherits staging's demand:
        // ceil(30 ÷ 10) = 3 and its peak ceil(120 ÷ 10) = 12 > 10 → warning
        #expect(desired == [3, 2, 3])
        #expect(plan.environments.map { $0.demand?.peakRPS } == [900, 120, 120])
        #expect(plan.environments[2].warnings.map(\.needed) == [12])
        #expect(plan.environments[2].warnings.first?.description
            == "dev: api saturates at 100 rps (tasks.max 10); the peak of 120 rps needs 12 tasks — raise tasks.max to 12")
    }

    @Test func demandScalingResizesFromTheSettingsAsWritten() throws {
        let plan = try parsePlan(singleComponentPlan(Self.api, environment: "demand: {peak_rps: 900, average_rps: 300}"))
        let env = plan.environments[0]
        // 3×: average 900 → ceil(900 ÷ 120) = 8 tasks; peak 2,700 → 23 > 10
        let tripled = env.atDemand(env.demand!.scaled(by: 3))
        #expect(tripled.components[0].capacity?.configured?.desired == 8)
        #expect(tripled.warnings.first?.needed == 23)
        // back to 1× from the tripled environment: not compounded
        let back = tripled.atDemand(env.demand!)
        #expect(back.components[0].capacity?.configured?.desired == 3)
        #expect(back.warnings.isEmpty)
    }
}
