import Foundation
import Testing
@testable import CostPlan

/// Reading plans: extends chains, inheritance of region and hours, JSON = YAML.
struct PlanParserTests {
    static let chain = """
        version: 1
        name: library-app
        region: us-east-1
        environments:
          production:
            hours_per_month: 700
            components:
              web:
                type: ec2
                instance_type: t3.large
                count: {min: 2, max: 10, desired: 4}
              lb:
                type: alb
                usage: {new_connections_per_second: 50, processed_gb_per_hour: 2}
              nat: {type: nat_gateway, count: 3, data_processed_gb: 500}
          staging:
            extends: production
            region: eu-west-1
            components:
              web: {count: {min: 1, max: 3}}
              lb: {usage: {new_connections_per_second: 25}}
          dev:
            extends: staging
            hours_per_month: 260
            components:
              web: {instance_type: t3.small}
              nat: null
              logs: {type: ecr, storage_gb: 5, region: us-west-2}
        """

    private func environment(_ plan: Plan, _ name: String) throws -> Environment {
        try #require(plan.environments.first { $0.name == name })
    }

    private func component(_ env: Environment, _ id: String) throws -> Component {
        try #require(env.components.first { $0.id == id })
    }

    @Test func extendsChainOfThreeLevels() throws {
        let plan = try parsePlan(Self.chain)
        #expect(plan.environments.map(\.name) == ["production", "staging", "dev"])
        let production = try environment(plan, "production")
        let staging = try environment(plan, "staging")
        let dev = try environment(plan, "dev")
        #expect(staging.extends == "production")
        #expect(dev.extends == "staging")
        #expect(production.components.map(\.id) == ["web", "lb", "nat"])
        #expect(staging.components.map(\.id) == ["web", "lb", "nat"])
        #expect(dev.components.map(\.id) == ["web", "lb", "logs"]) // nat: null removed it

        // production as written
        let prodWeb = try component(production, "web")
        #expect(prodWeb.settings == ["type": "ec2", "instance_type": "t3.large",
                                     "count.min": "2", "count.max": "10", "count.desired": "4"])
        // staging replaces the whole range (desired is not kept from production: it defaults to min)
        // and keeps instance_type.
        let stagingWeb = try component(staging, "web")
        #expect(stagingWeb.settings == ["type": "ec2", "instance_type": "t3.large", "count.min": "1", "count.max": "3"])
        let stagingSpec = try #require(stagingWeb.spec as? EC2Instances)
        #expect(stagingSpec.count.range == CountRange(min: 1, desired: 1, max: 3))
        #expect(stagingSpec.instanceType == "t3.large")
        // dev changes only instance_type and keeps staging's range
        let devSpec = try #require(try component(dev, "web").spec as? EC2Instances)
        #expect(devSpec.instanceType == "t3.small")
        #expect(devSpec.count.range == CountRange(min: 1, desired: 1, max: 3))
        // a usage block is replaced whole, not merged key by key
        #expect(try component(staging, "lb").settings == ["type": "alb", "usage.new_connections_per_second": "25"])
        let devLB = try #require(try component(dev, "lb").spec as? LoadBalancer.ALB)
        #expect(devLB.settings.units == 1) // 25 new connections/s ÷ 25; production's 2 GB/h is gone
    }

    @Test func regionAtPlanEnvironmentAndComponentLevel() throws {
        let plan = try parsePlan(Self.chain)
        let production = try environment(plan, "production")
        let staging = try environment(plan, "staging")
        let dev = try environment(plan, "dev")
        #expect(production.region == "us-east-1") // plan level
        #expect(production.components.allSatisfy { $0.region == "us-east-1" })
        #expect(staging.region == "eu-west-1")    // environment level
        #expect(staging.components.allSatisfy { $0.region == "eu-west-1" })
        #expect(dev.region == "eu-west-1")        // inherited through extends
        #expect(try component(dev, "web").region == "eu-west-1")
        #expect(try component(dev, "logs").region == "us-west-2") // component level
    }

    @Test func hoursAreInheritedAndOverridden() throws {
        let plan = try parsePlan(Self.chain)
        #expect(try environment(plan, "production").hoursPerMonth == 700)
        #expect(try environment(plan, "staging").hoursPerMonth == 700) // inherited
        #expect(try environment(plan, "dev").hoursPerMonth == 260)     // own
        #expect(try environment(plan, "dev").components.allSatisfy { $0.hoursPerMonth == 260 })
    }

    @Test func defaultHoursAre730() throws {
        let plan = try parsePlan(singleComponentPlan("{type: ecr, storage_gb: 1}"))
        #expect(plan.environments[0].hoursPerMonth == 730)
        #expect(plan.environments[0].components[0].hoursPerMonth == 730)
    }

    @Test func componentHoursAreInheritedAsAField() throws {
        let plan = try parsePlan("""
            version: 1
            name: t
            region: us-east-1
            environments:
              a:
                components:
                  web: {type: ec2, instance_type: t3.large, hours_per_month: 100}
              b:
                extends: a
                hours_per_month: 300
                components:
                  web: {instance_type: t3.medium}
            """)
        let b = try environment(plan, "b")
        #expect(b.hoursPerMonth == 300)
        #expect(try component(b, "web").hoursPerMonth == 100) // the component's own setting wins
    }

    @Test func changingTheTypeReplacesTheComponentWhole() throws {
        let plan = try parsePlan("""
            version: 1
            name: t
            region: us-east-1
            environments:
              a:
                components:
                  cache: {type: elasticache, node_type: cache.r6g.large, nodes: 3}
              b:
                extends: a
                components:
                  cache: {type: fixed, monthly_usd: 50}
            """)
        let cache = try component(try environment(plan, "b"), "cache")
        #expect(cache.type == .fixed)
        #expect(cache.settings == ["type": "fixed", "monthly_usd": "50"]) // node_type and nodes are not carried over
    }

    @Test func jsonIsEquivalentToYAML() throws {
        let json = """
            {
              "version": 1,
              "name": "library-app",
              "region": "us-east-1",
              "environments": {
                "production": {
                  "hours_per_month": 700,
                  "components": {
                    "web": {"type": "ec2", "instance_type": "t3.large", "count": {"min": 2, "max": 10, "desired": 4}},
                    "lb": {"type": "alb", "usage": {"new_connections_per_second": 50, "processed_gb_per_hour": 2}},
                    "nat": {"type": "nat_gateway", "count": 3, "data_processed_gb": 500}
                  }
                },
                "staging": {
                  "extends": "production",
                  "region": "eu-west-1",
                  "components": {
                    "web": {"count": {"min": 1, "max": 3}},
                    "lb": {"usage": {"new_connections_per_second": 25}}
                  }
                },
                "dev": {
                  "extends": "staging",
                  "hours_per_month": 260,
                  "components": {
                    "web": {"instance_type": "t3.small"},
                    "nat": null,
                    "logs": {"type": "ecr", "storage_gb": 5, "region": "us-west-2"}
                  }
                }
              }
            }
            """
        let fromJSON = try parsePlan(json)
        let fromYAML = try parsePlan(Self.chain)
        #expect(fromJSON.name == fromYAML.name)
        #expect(fromJSON.environments.map(\.name) == fromYAML.environments.map(\.name))
        for (j, y) in zip(fromJSON.environments, fromYAML.environments) {
            #expect(j.region == y.region)
            #expect(j.hoursPerMonth == y.hoursPerMonth)
            #expect(j.extends == y.extends)
            #expect(j.components.map(\.id) == y.components.map(\.id))
            #expect(j.components.map(\.settings) == y.components.map(\.settings))
            #expect(j.components.map(\.region) == y.components.map(\.region))
        }
    }

    @Test func decimalsStayExact() throws {
        // 0.1 + 0.2 style values must not pass through Double.
        let plan = try parsePlan(singleComponentPlan("{type: fixed, monthly_usd: 1234.56789}"))
        let spec = try #require(plan.environments[0].components[0].spec as? FixedCost)
        #expect(spec.monthlyUSD == d("1234.56789"))
        #expect(plan.environments[0].components[0].settings["monthly_usd"] == "1234.56789")
    }

    @Test func quotedNumbersAreStrings() throws {
        let errors = diagnostics(singleComponentPlan("{type: fixed, monthly_usd: '12'}"))
        #expect(errors.map(\.path) == ["environments.test.components.c.monthly_usd"])
        #expect(errors.first?.message == "expected a number (USD), found a string")
    }

    @Test func referenceEstimateAndDescriptions() throws {
        let plan = try parsePlan("""
            version: 1
            name: t
            description: the plan
            region: us-east-1
            environments:
              prod:
                description: production tier
                reference_estimate: {low: 200, high: 260, source: design doc}
                components:
                  c: {type: ecr, storage_gb: 1, description: images}
            """)
        #expect(plan.description == "the plan")
        #expect(plan.environments[0].description == "production tier")
        #expect(plan.environments[0].referenceEstimate == ReferenceEstimate(low: 200, high: 260, source: "design doc"))
        #expect(plan.environments[0].components[0].description == "images")
    }
}
