import CostPlanTestSupport
import Foundation
import Testing

/// `estimate`, `diff` and `import terraform` on a Terraform plan, end to end.
@Suite struct TerraformCommandTests {
    static let plan = "examples/terraform/plan.json"
    static let secret = "example-secret-never-printed"

    @Test func estimateListsWhatIsNotPriced() throws {
        let result = try CLI.run(["estimate", Self.plan])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("NOT PRICED (not in the totals): 1 — aws_lambda_function ×1"))
        #expect(result.stdout.contains("usage from examples/terraform/plan.usage.yaml"))
        #expect(!result.stdout.contains(Self.secret))
        let json = try CLI.run(["estimate", Self.plan, "--format", "json", "--before"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let terraform = try #require(object["terraform"] as? [String: Any])
        #expect(terraform["side"] as? String == "before")
        #expect(!json.stdout.contains(Self.secret))
    }

    /// A PostgreSQL 11 database (past standard support since 2024-04-01, year 3 from 2026-04-01).
    static let oldDatabase = #"""
        {"format_version": "1.2", "terraform_version": "1.9.8", "resource_changes": [{"address": "aws_db_instance.old",
          "mode": "managed", "type": "aws_db_instance", "name": "old", "provider_name": "registry.terraform.io/hashicorp/aws",
          "change": {"actions": ["create"], "before": null, "after_unknown": {}, "after": {"engine": "postgres",
          "engine_version": "11.22", "instance_class": "db.m5.large", "allocated_storage": 20, "storage_type": "gp2"}}}],
          "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "us-east-1"}}}},
          "root_module": {}}}
        """#

    @Test func pricingDateChoosesTheExtendedSupportYear() throws {
        let plan = try CLI.plan(Self.oldDatabase, name: "old.json")
        // 2 vCPU × 730 h × $0.10 (year 1–2) = $146.00; × $0.20 (year 3) = $292.00.
        let early = try CLI.run(["estimate", plan, "--details", "--pricing-date", "2025-01-01"])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stdout.contains("Extended Support (year 1-2, 1 × 2 vCPU)"))
        #expect(early.stdout.contains("146.00"))
        let late = try CLI.run(["estimate", plan, "--details", "--pricing-date", "2026-12-01"])
        #expect(late.stdout.contains("Extended Support (year 3, 1 × 2 vCPU)") && late.stdout.contains("292.00"))
        let bad = try CLI.run(["estimate", plan, "--pricing-date", "2026-13-01"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--pricing-date 2026-13-01: expected a day as YYYY-MM-DD"))
    }

    @Test func validateMapsATerraformPlanAndTurnsStateAway() throws {
        let result = try CLI.run(["validate", Self.plan, "examples/cloudweave.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\(Self.plan): ok — Terraform plan: 1 environment, 10 components; 14 resources priced, 4 free, 1 not priced"))
        #expect(result.stdout.contains("examples/cloudweave.yaml: ok — 2 environments, 35 components"))
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-state-\(UUID().uuidString).json")
        try #"{"format_version": "1.0", "terraform_version": "1.9.0", "values": {"root_module": {}}}"#
            .write(to: state, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: state) }
        let bad = try CLI.run(["validate", state.path, "examples/cloudweave.yaml"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("Terraform state"))
        #expect(bad.stdout.contains("examples/cloudweave.yaml: ok"))   // the other files are still checked
    }

    @Test func diffOfOnePlanWithBudgetGate() throws {
        let result = try CLI.run(["diff", Self.plan, "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<!-- costplan-diff -->\n"))
        #expect(result.stdout.contains("**Terraform**"))
        #expect(!result.stdout.contains(Self.secret))
        let gated = try CLI.run(["diff", Self.plan, "--fail-above", "1"])
        #expect(gated.status == 1)
        #expect(gated.stderr.contains("budget exceeded"))
    }

    @Test func importWritesAPlanThatPricesTheSame() throws {
        let imported = try CLI.run(["import", "terraform", Self.plan])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stdout.contains(Self.secret))
        let file = try CLI.plan(imported.stdout, name: "costplan.yaml")
        let fromFile = try CLI.run(["estimate", file, "--format", "json"])
        let fromTerraform = try CLI.run(["estimate", Self.plan, "--format", "json"])
        func totals(_ text: String) throws -> [[String: String]] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return (object["environments"] as? [[String: Any]])?.map { $0["monthly"] as? [String: String] ?? [:] } ?? []
        }
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(try totals(fromFile.stdout) == totals(fromTerraform.stdout))
        #expect(try totals(fromFile.stdout).first?["desired"] == "1180.913")
    }

    @Test func badTerraformInputExitsTwo() throws {
        let state = try CLI.plan("{\"version\": 4, \"terraform_version\": \"1.5.0\", \"serial\": 1, \"lineage\": \"x\", \"resources\": []}", name: "terraform.tfstate.json")
        let result = try CLI.run(["estimate", state])
        #expect(result.status == 2)
        #expect(result.stderr.contains("this is a Terraform state file"))
        #expect(result.stdout.isEmpty)
        let notJSON = try CLI.plan("not json at all", name: "plan.json")
        let imported = try CLI.run(["import", "terraform", notJSON])
        #expect(imported.status == 2 && imported.stderr.contains("not JSON") && imported.stdout.isEmpty)
        let yamlPlan = try CLI.run(["diff", "examples/muejam-library.yaml"])
        #expect(yamlPlan.status == 2 && yamlPlan.stderr.contains("no before and after state"))
    }
}

extension TerraformCommandTests {
    @Test func diffOfTwoTerraformPlans() throws {
        let same = try CLI.run(["diff", Self.plan, Self.plan, "--format", "json"])
        #expect(same.status == 0, "\(same.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(same.stdout.utf8)) as? [String: Any])
        #expect(object["has_cost_change"] as? Bool == false)
        let terraform = try #require(object["terraform"] as? [String: Any])
        #expect((terraform["base"] as? [String: Any])?["side"] as? String == "after")
        let before = try CLI.run(["diff", "Tests/CostPlanTerraformTests/Samples/infracost_plan-with-target.format-0.2.json"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("instance_type"))
    }
}
