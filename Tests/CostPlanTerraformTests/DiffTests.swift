import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// One plan's before → after: the diff is exactly estimate(after) − estimate(before).
@Suite struct TerraformDiffTests {
    static let example = TestRepository.root.appendingPathComponent("examples/terraform/plan.json").path
    static let usage = TestRepository.root.appendingPathComponent("examples/terraform/plan.usage.yaml").path

    static func sides(_ file: String = example) throws -> (before: Plan, after: Plan) {
        let plan = try TerraformPlanReader.read(contentsOf: file)
        let usage = try TerraformUsage.read(contentsOf: usage)
        return (try TerraformImport(plan, options: .init(side: .before, usage: usage)).plan(),
                try TerraformImport(plan, options: .init(side: .after, usage: usage)).plan())
    }

    @Test func diffEqualsAfterMinusBeforeExactly() throws {
        let (before, after) = try Self.sides()
        let estimator = Estimator(catalog: TestRepository.catalog)
        let b = try estimator.estimate(before), a = try estimator.estimate(after)
        let diff = try ReportDiff.between(before, after, catalog: TestRepository.catalog)
        for scenario in [\Band.min, \Band.desired, \Band.max] {
            let total = a.environments.map { $0.monthly[keyPath: scenario] }.reduce(0, +) - b.environments.map { $0.monthly[keyPath: scenario] }.reduce(0, +)
            #expect(diff.cost.delta[keyPath: scenario] == total)
        }
        #expect(diff.cost.delta.desired != 0)
    }

    @Test func replaceUpdateAndCreateShowAsComponentChanges() throws {
        let (before, after) = try Self.sides()
        let diff = try ReportDiff.between(before, after, catalog: TestRepository.catalog)
        let env = try #require(diff.environments.first)
        let status = Dictionary(uniqueKeysWithValues: env.components.map { ($0.id, $0.status.rawValue) })
        // The task definition is replaced (["delete","create"]) with a bigger size: the service changes.
        #expect(status["ecs_service.api"] == "changed")
        #expect(status["nat_gateway.az.c"] == "added")
        #expect(status["nat_gateway.az.a"] == "unchanged")
        #expect(status["elasticache_replication_group.cache"] == "changed")
        #expect(status["workers.autoscaling_group.workers"] == "added")
        #expect(status["db_instance.main"] == "changed")  // a read replica is added
        let service = try #require(env.components.first { $0.id == "ecs_service.api" })
        #expect(service.fieldChanges.map(\.field).sorted() == ["cpu", "memory_gb"])
    }

    @Test func syntheticReplaceAndDelete() throws {
        var plan = SyntheticPlan()
        plan.add("aws_instance", "web", ["delete", "create"], before: ["instance_type": "t3.small"], after: ["instance_type": "t3.large"],
                 unknown: ["id": true])
        plan.add("aws_nat_gateway", "old", ["delete"], before: [:], after: nil)
        plan.add("aws_instance", "cbd", ["create", "delete"], before: ["instance_type": "t3.micro"], after: ["instance_type": "t3.micro"])
        let before = try plan.imported(.before).plan(), after = try plan.imported(.after).plan()
        #expect(before.environments[0].components.map(\.id) == ["instance.web", "instance.web.root_block_device", "nat_gateway.old",
                                                                "instance.cbd", "instance.cbd.root_block_device"])
        #expect(after.environments[0].components.map(\.id) == ["instance.web", "instance.web.root_block_device", "instance.cbd", "instance.cbd.root_block_device"])
        let diff = try ReportDiff.between(before, after, catalog: TestRepository.catalog)
        let rates = TestRepository.catalog
        func hourly(_ item: String) throws -> Decimal { try rates.lookup(service: "AmazonEC2", region: "us-east-1", item: item)[0].usd }
        // (t3.large − t3.small) × 730 − NAT hours × 730; the create-before-destroy replace costs nothing extra, and the
        // root volumes (8 GB gp2, guessed) are the same on both sides.
        let expected = (try hourly("instance/t3.large") - hourly("instance/t3.small") - hourly("nat-gateway/hours")) * 730
        #expect(diff.cost.delta.desired == expected)
    }

    @Test func markdownCarriesTheNotPricedResources() throws {
        let (before, after) = try Self.sides()
        let plan = try TerraformPlanReader.read(contentsOf: Self.example)
        let usage = try TerraformUsage.read(contentsOf: Self.usage)
        let head = TerraformImport(plan, options: .init(side: .after, usage: usage)).report
        let base = TerraformImport(plan, options: .init(side: .before, usage: usage)).report
        let diff = try ReportDiff.between(before, after, catalog: TestRepository.catalog)
        let markdown = TerraformDiffNotes(head: head, base: base).markdown(diff, violations: [])
        #expect(markdown.hasPrefix(DiffMarkdown.marker))
        #expect(markdown.contains("**1 not priced** (aws\\_lambda\\_function ×1)") || markdown.contains("**1 not priced** (aws_lambda_function ×1)"))
        #expect(markdown.contains("`aws_lambda_function.thumbnails` (create)"))
        #expect(markdown.utf16.count <= DiffMarkdown.characterLimit)
    }
}
