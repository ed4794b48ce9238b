import CostPlanTestSupport
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
            region: eu-west-1
            environments:
              production:
                components:
                  cache: {type: elasticache, node_type: cache.m9.large, nodes: 2}
            """)
        let result = try CLI.run(["estimate", path])
        #expect(result.status == 0, "\(result.stderr)")
        for text in [result.stdout, result.stderr] {
            #expect(text.contains("no rate for AmazonElastiCache 'node/redis/cache.m9.large' in eu-west-1; known nearby: node/redis/cache."))
            #expect(text.contains("fix: costplan pricing fetch --service AmazonElastiCache --region eu-west-1"))
        }
        let strict = try CLI.run(["estimate", path, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("no rate for AmazonElastiCache 'node/redis/cache.m9.large' in eu-west-1"))
        #expect(strict.stdout.isEmpty)
    }

    /// The acceptance test: one known and one unknown instance type. The known one is
    /// priced (web: 2 × 730 h × $0.0832 = $121.47), the unknown listed with its fix, exit 0;
    /// `--strict` restores the old behaviour (exit 2, nothing on standard output).
    @Test func aKnownAndAnUnknownInstanceTypePricesTheKnownAndListsTheUnknown() throws {
        let path = try CLI.plan("""
            version: 1
            name: mixed
            region: us-east-1
            environments:
              production:
                components:
                  web: {type: ec2, instance_type: t3.large, count: 2}
                  batch: {type: ec2, instance_type: m9.large}
            """)
        let result = try CLI.run(["estimate", path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("web ") && $0.hasSuffix(" 121.47") })
        #expect(lines.contains { $0.hasPrefix("batch ") && $0.hasSuffix(" not priced") })
        #expect(lines.contains { $0.hasPrefix("TOTAL") && $0.hasSuffix("≥ 121.47") })
        let block = """
            NOT PRICED (not in the totals, which are lower bounds): 1 item
              production/batch: Instance (Linux, on-demand, 1 × m9.large)
            """
        #expect(result.stdout.contains(block))
        #expect(result.stdout.contains("    fix: costplan pricing fetch --service AmazonEC2 --region us-east-1\n"))
        #expect(result.stderr.hasPrefix(block) && result.stderr.contains("fix: costplan pricing fetch --service AmazonEC2 --region us-east-1"))

        let json = try CLI.run(["estimate", path, "--format", "json"])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["complete"] as? Bool == false)
        let env = try #require((document["environments"] as? [[String: Any]])?.first)
        #expect(env["complete"] as? Bool == false)
        #expect((env["monthly"] as? [String: String])?["desired"] == "121.472")
        let unpriced = try #require(env["unpriced"] as? [[String: Any]])
        #expect(unpriced.count == 1)
        #expect(unpriced.first?["component"] as? String == "batch")
        #expect(unpriced.first?["service"] as? String == "AmazonEC2")
        #expect(unpriced.first?["region"] as? String == "us-east-1")
        #expect(unpriced.first?["fix"] as? String == "costplan pricing fetch --service AmazonEC2 --region us-east-1")

        let strict = try CLI.run(["estimate", path, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stdout.isEmpty, "nothing half-written")
        #expect(strict.stderr.contains("\(path): error: environments.production.components.batch: no rate for AmazonEC2 'instance/m9.large' in us-east-1"))
        #expect(strict.stderr.contains("1 missing rate; nothing was priced."))
    }

    /// `csv`, `diff` and `report` take `--strict` too: exit 2 with the missing-rate error.
    @Test func strictFailsEveryPricingCommand() throws {
        let plan = TestRepository.fixture("unpriced/unpriced.yaml")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-strict-\(UUID().uuidString)").path
        for arguments in [["csv", plan, "--month", "2027-02"], ["diff", plan, plan], ["report", plan, "--out", out]] {
            let lenient = try CLI.run(arguments)
            #expect(lenient.status == 0, "\(arguments[0]): \(lenient.stderr)")
            #expect(lenient.stderr.contains("fix: costplan pricing fetch --service AmazonEC2 --region us-east-1"), "\(arguments[0])")
            let strict = try CLI.run(arguments + ["--strict"])
            #expect(strict.status == 2, "\(arguments[0])")
            #expect(strict.stderr.contains("no rate for AmazonEC2 'instance/m9.large' in us-east-1"), "\(arguments[0]): \(strict.stderr)")
        }
        try? FileManager.default.removeItem(atPath: out)
    }

    /// `capacity` never aborts on a missing rate: costs are lower bounds, the items listed.
    @Test func capacityListsUnpricedItemsInsteadOfFailing() throws {
        let result = try CLI.run(["capacity", TestRepository.fixture("unpriced/unpriced.yaml")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Monthly: ≥ $132.97"))
        #expect(result.stdout.contains("production/batch: Instance (Linux, on-demand, 1 × m9.large)"))
    }

    @Test func aMissingFileIsAClearError() throws {
        let result = try CLI.run(["estimate", "examples/nope.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("examples/nope.yaml: error: cannot read the file"))
    }

    @Test func helpDescribesEveryOption() throws {
        let result = try CLI.run(["estimate", "--help"])
        #expect(result.status == 0)
        for option in ["--env", "--format", "--details", "--strict", "--pricing-dir", "--catalog"] {
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
