import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// `examples/terraform/plan.json` (synthetic, with its usage file) through every renderer.
@Suite struct ExampleGoldenTests {
    static func reports() throws -> (plan: TerraformPlan, usage: TerraformUsage) {
        (try TerraformPlanReader.read(contentsOf: TerraformDiffTests.example), try TerraformUsage.read(contentsOf: TerraformDiffTests.usage))
    }

    static func normalise(_ text: String) -> String {
        text.replacingOccurrences(of: TestRepository.catalog.snapshot.id, with: "SNAPSHOT")
            .replacingOccurrences(of: TestRepository.root.path + "/", with: "")
    }

    @Test func estimateTableAndJSON() throws {
        let (plan, usage) = try Self.reports()
        let imported = TerraformImport(plan, options: .init(environment: "default", usage: usage))
        let estimate = try Estimator(catalog: TestRepository.catalog).estimate(try imported.plan())
        try SampleGoldenTests.golden.check(Self.normalise(EstimateTable.render(Report(estimate)) + TerraformNotes.text(imported.report)), "example.estimate.txt")
        let json = TerraformNotes.adding(TerraformNotes.json(imported.report), to: EstimateJSON.document(Report(estimate))).rendered()
        try SampleGoldenTests.golden.check(Self.normalise(json), "example.estimate.json")
        try SampleGoldenTests.golden.check(Self.normalise(imported.planText), "example.import.yaml")
        #expect(!json.contains("example-secret-never-printed"))
    }

    @Test func diffMarkdownAndJSON() throws {
        let (plan, usage) = try Self.reports()
        let base = TerraformImport(plan, options: .init(side: .before, usage: usage))
        let head = TerraformImport(plan, options: .init(side: .after, usage: usage))
        let diff = try ReportDiff.between(try base.plan(), try head.plan(), catalog: TestRepository.catalog)
        let notes = TerraformDiffNotes(head: head.report, base: base.report)
        let markdown = notes.markdown(diff, violations: [])
        try SampleGoldenTests.golden.check(Self.normalise(markdown), "example.diff.md")
        try SampleGoldenTests.golden.check(Self.normalise(notes.json(diff, violations: []).rendered()), "example.diff.json")
        #expect(!markdown.contains("example-secret-never-printed"))
    }
}
