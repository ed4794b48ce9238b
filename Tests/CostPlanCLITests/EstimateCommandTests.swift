import Foundation
import Testing

/// `costplan estimate` end to end on the examples and on bad input.
@Suite(.serialized)
struct EstimateCommandTests {
    @Test func estimatesAnExampleSideBySide() throws {
        let result = try CLI.run(["estimate", "examples/muejam-library.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        let header = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("COMPONENT") })
        #expect(header.contains("PRODUCTION") && header.contains("STAGING") && header.contains("DEV"))
        // production db: 1,031.50 (see ExampleGoldenTests for the arithmetic)
        #expect(result.stdout.contains("1,031.50"))
        #expect(result.stdout.contains("reference estimate"))
        #expect(result.stdout.contains("Priced with snapshot"))
    }

    @Test func jsonFollowsTheContract() throws {
        let result = try CLI.run(["estimate", "examples/cloudweave.yaml", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["plan"] as? String == "cloudweave")
        #expect(json["currency"] as? String == "USD")
        #expect(json["hours_per_month"] as? Int == 730)
        let envs = try #require(json["environments"] as? [[String: Any]])
        #expect(envs.map { $0["name"] as? String } == ["production", "staging"])
        let monthly = try #require(envs[0]["monthly"] as? [String: String])
        #expect(Set(monthly.keys) == ["min", "desired", "max"])
        let component = try #require((envs[0]["components"] as? [[String: Any]])?.first)
        let item = try #require((component["line_items"] as? [[String: Any]])?.first)
        for key in ["name", "unit", "quantity", "unit_price", "monthly", "price_source"] { #expect(item[key] != nil, "\(key)") }
    }

    @Test func envFiltersTheTiers() throws {
        let result = try CLI.run(["estimate", "examples/muejam-library.yaml", "--env", "staging", "--details"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("STAGING") && !result.stdout.contains("PRODUCTION"))
        #expect(result.stdout.contains("line items at desired scale"))
    }

    @Test func unknownEnvIsAnError() throws {
        let result = try CLI.run(["estimate", "examples/muejam-library.yaml", "--env", "prod"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such environment") && result.stderr.contains("production"))
        #expect(result.stdout.isEmpty)
    }

    @Test func anInvalidPlanListsEveryProblemWithLineAndExits2() throws {
        let path = try CLI.plan("""
            version: 1
            name: broken
            region: us-east-1
            environments:
              production:
                components:
                  web:
                    type: ec2
                    instance_type: t3.large
                    count: {min: 5, max: 2}
                  api:
                    type: fargate
                    cpu: 1
                    memory_gb: 64
                    taks: 3
            """)
        let result = try CLI.run(["estimate", path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "nothing half-written")
        #expect(result.stderr.contains("\(path):10: error: environments.production.components.web.count.min: min (5) is greater than max (2)"))
        #expect(result.stderr.contains("\(path):14: error: environments.production.components.api.memory_gb"))
        #expect(result.stderr.contains("\(path):15: error: environments.production.components.api.taks: unknown field 'taks'"))
        #expect(result.stderr.contains("did you mean 'tasks'?"))
        #expect(result.stderr.contains("3 errors in the plan."))
    }

    @Test func aMissingRateNamesTheLookupAndNearbyRates() throws {
        let path = try CLI.plan("""
            version: 1
            name: far
            region: eu-west-2
            environments:
              production:
                components:
                  cache: {type: elasticache, node_type: cache.c7gn.4xlarge, nodes: 2}
            """)
        let result = try CLI.run(["estimate", path])
        #expect(result.status == 2)
        // elasticache-ondemand-2025.csv has cache.c7gn.* in us-east-1 ("us-east-1,cache.c7gn.4xlarge,redis,2.037"), not in eu-west-2
        #expect(result.stderr.contains("no rate for AmazonElastiCache 'node/redis/cache.c7gn.4xlarge' in eu-west-2"))
        #expect(result.stderr.contains("node/redis/cache.c7gn.4xlarge in us-east-1 = $2.037/node-hour"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aMissingFileIsAClearError() throws {
        let result = try CLI.run(["estimate", "examples/nope.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("examples/nope.yaml: error: cannot read the file"))
    }

    @Test func helpDescribesEveryOption() throws {
        let result = try CLI.run(["estimate", "--help"])
        #expect(result.status == 0)
        for option in ["--env", "--format", "--details", "--pricing-dir", "--catalog"] {
            #expect(result.stdout.contains(option), "\(option)")
        }
        #expect(result.stdout.contains("Output format: table (terminal) or json"))
    }

    /// Several processes that find no catalog build it at the same time and all succeed (the
    /// losers of the race to create the schema retry, the loaders wait for the write lock).
    @Test func concurrentFirstRunsShareOneNewCatalog() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-race-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<6 {
                group.addTask { try CLI.run(["estimate", "examples/shangwellness.yaml", "--format", "json"], catalogPath: path).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 0, count: 6))
    }

    @Test func validateAndPricingInfoWork() throws {
        let validate = try CLI.run(["validate", "examples/cloudweave.yaml", "examples/shangwellness.yaml"])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("examples/cloudweave.yaml: ok — 2 environments"))
        let info = try CLI.run(["pricing", "info"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("AmazonRDS") && info.stdout.contains("ap-south-1"))
        let rates = try CLI.run(["pricing", "rates", "--service", "AmazonEC2", "--region", "us-east-1", "--item", "t3.large"])
        #expect(rates.stdout.contains("instance/t3.large") && rates.stdout.contains("0.0832"))
    }
}
