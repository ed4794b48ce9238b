@testable import CostPlan
import Foundation
import Testing

/// The input layer the CLI and the server share: where a plan comes from, plan file or
/// Terraform plan JSON, the usage file's errors and the `--env` check.
@Suite struct PlanInputTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let terraformPlan = root.appendingPathComponent("examples/terraform/plan.json").path
    static let planFile = root.appendingPathComponent("examples/muejam-library.yaml").path
    static let yaml = "version: 1\nname: p\nregion: us-east-1\nenvironments:\n  prod:\n    components:\n      nat: {type: nat_gateway}\n  dev:\n    components:\n      nat: {type: nat_gateway}\n"

    @Test func argumentsAreFilesOrGitRevisions() {
        #expect(PlanSource(argument: Self.planFile) == .file(Self.planFile))
        #expect(PlanSource(argument: "origin/main:infra/costplan.yaml") == .git(ref: "origin/main", path: "infra/costplan.yaml"))
        #expect(PlanSource(argument: "missing.yaml") == .file("missing.yaml"))
        #expect(PlanSource(argument: ":x") == .file(":x"))
        #expect(PlanSource(argument: "origin/main:infra/costplan.yaml").name == "origin/main:infra/costplan.yaml")
    }

    @Test func postedTextIsAPlanFileOrATerraformPlan() throws {
        let plan = try PlanInput.load(.text(Self.yaml, name: "request"))
        #expect(plan.plan.environments.map(\.name) == ["prod", "dev"])
        #expect(plan.terraform == nil)

        let text = try String(contentsOfFile: Self.terraformPlan, encoding: .utf8)
        let terraform = try PlanInput.load(.text(text, name: "request"), options: TerraformInputOptions(workspace: "staging"))
        #expect(terraform.terraform != nil)
        #expect(terraform.plan.environments.map(\.name) == ["staging"])
        #expect(terraform.plan.name == "request")
    }

    @Test func aMissingFileAndABeforeStateOfAPlanFileAreReadErrors() throws {
        #expect(throws: PlanReadError.self) { try PlanInput.load(.file("/nonexistent/plan.yaml")) }
        let error = #expect(throws: PlanReadError.self) { try PlanInput.load(.text(Self.yaml, name: "base"), side: .before) }
        #expect(error?.message == "base: a costplan plan file has no before and after state")
        // An unreadable path read as a plan file gets the plan parser's own error.
        #expect(throws: PlanError.self) { try PlanInput.load(path: "/nonexistent/plan.yaml") }
    }

    @Test func usageFileProblemsAreSaidOfTheUsageFile() throws {
        let usage = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-usage-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: usage) }
        try "region: eu-west-l\nname: 'bad name'\n".write(to: usage, atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: Self.terraformPlan, encoding: .utf8)
        let error = #expect(throws: UsageFileError.self) {
            try PlanInput.load(.text(text, name: "plan.json"), options: TerraformInputOptions(usagePath: usage.path, workspace: "default"))
        }
        let description = error?.description ?? ""
        #expect(description.contains("in the usage file."))
        #expect(!description.contains("in the plan."))
        // The region check is the plan file's own, with its suggestion.
        #expect(description.contains("unknown AWS region 'eu-west-l'"))
        #expect(description.contains("did you mean 'eu-west-1'?"))
        #expect(description.contains("'bad name' is not a valid name"))
    }

    @Test func environmentSelectionNamesWhatIsMissing() throws {
        let plan = try PlanParser.parse(Self.yaml, file: "p.yaml")
        #expect(EnvironmentSelection([]).only == nil)
        #expect(EnvironmentSelection(["prod"]).only == ["prod"])
        #expect(EnvironmentSelection(["prod"]).problem(in: plan, file: "p.yaml") == nil)
        #expect(EnvironmentSelection(["prod", "qa"]).problem(in: plan, file: "p.yaml")
                == "p.yaml: error: --env qa: no such environment (the plan has: prod, dev)")
        #expect(EnvironmentSelection(["qa"]).problem(inEither: plan, plan)
                == "error: --env qa: no such environment in either plan (they have: dev, prod)")
        #expect(EnvironmentSelection(["dev"]).contains("dev") && !EnvironmentSelection(["dev"]).contains("prod"))
    }

    @Test func pricingDaysAreStrictISODates() {
        #expect(TerraformInputOptions.day("2026-12-01") != nil)
        #expect(TerraformInputOptions.day("2026-02-30") == nil)
        #expect(TerraformInputOptions.day("2026-1-01") == nil)
    }
}
