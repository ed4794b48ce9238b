import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// The real `terraform show -json` samples (copied byte for byte from open-source projects, see
/// `Samples/SOURCES.md`): the imported plan file and the estimate (or its error) as golden files.
@Suite struct SampleGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = GoldenFiles(directory: directory.appendingPathComponent("Golden"))
    static let samples = ["checkov_ecs-task-definition.format-1.0", "infracost_plan-with-target.format-0.2",
                          "terracost_asg-plan.format-1.2", "terracost_example-plan.format-0.1"]

    static func read(_ sample: String) throws -> TerraformPlan {
        let text = try String(contentsOf: directory.appendingPathComponent("Samples/\(sample).json"), encoding: .utf8)
        return try TerraformPlanReader.parse(text, file: "\(sample).json")
    }

    @Test(arguments: samples)
    func importedPlanFile(sample: String) throws {
        let imported = TerraformImport(try Self.read(sample))
        try Self.golden.check(imported.planText, "\(sample).import.yaml")
        // The plan file parses, and parsing it again gives the same components.
        let reparsed = try PlanParser.parse(imported.planText, file: "\(sample).import.yaml")
        #expect(reparsed.environments.flatMap(\.components).map(\.settings) == (try imported.plan()).environments.flatMap(\.components).map(\.settings))
    }

    @Test(arguments: samples)
    func estimate(sample: String) throws {
        let imported = TerraformImport(try Self.read(sample))
        let output: String
        do {
            let estimate = try Estimator(catalog: TestRepository.catalog).estimate(try imported.plan())
            output = EstimateTable.render(Report(estimate)) + TerraformNotes.text(imported.report)
        } catch {
            output = "error:\n\(error)\n" + TerraformNotes.text(imported.report)
        }
        try Self.golden.check(output.replacingOccurrences(of: TestRepository.catalog.snapshot.id, with: "SNAPSHOT"), "\(sample).estimate.txt")
    }

    /// terracost example: a new stack in eu-west-1 (every resource created). Its diff is all
    /// "added", with no region change from the empty before side (issue 14, item 7).
    @Test func newStackDiff() throws {
        let plan = try Self.read("terracost_example-plan.format-0.1")
        let base = TerraformImport(plan, options: .init(side: .before)), head = TerraformImport(plan, options: .init(side: .after))
        let diff = try ReportDiff.between(try base.plan(), try head.plan(), catalog: TestRepository.catalog)
        let markdown = TerraformDiffNotes(head: head.report, base: base.report).markdown(diff, violations: [])
        try Self.golden.check(markdown.replacingOccurrences(of: TestRepository.catalog.snapshot.id, with: "SNAPSHOT"),
                              "terracost_example-plan.format-0.1.diff.md")
        #expect(diff.environments.allSatisfy { $0.settingChanges.isEmpty })
        #expect(!markdown.contains("us-east-1"))
    }

    @Test func sampleFacts() throws {
        // infracost: a real update t3.micro → t3.small of the one targeted instance.
        let target = try Self.read("infracost_plan-with-target.format-0.2")
        #expect(try TerraformImport(target, options: .init(side: .before)).settings("instance.web_app_1")?["instance_type"] == "t3.micro")
        #expect(try TerraformImport(target).settings("instance.web_app_1")?["instance_type"] == "t3.small")
        // terracost asg: templates linked through configuration references while their ids are unknown.
        let asg = TerraformImport(try Self.read("terracost_asg-plan.format-1.2"))
        #expect(try asg.settings("magento.autoscaling_group.lt")?["instance_type"] == "t3.large")
        #expect(try asg.settings("magento.autoscaling_group.lc")?["instance_type"] == "m4.large")
        #expect(try asg.settings("magento.autoscaling_group.mixed")?["instance_type"] == "c4.large")
        #expect(try asg.settings("magento.autoscaling_group.lt")?["count.max"] == "10")
        // terracost example: the aliased provider's region, and the pre-1.2 "ec2:aws" keys falling back to "aws".
        let example = TerraformImport(try Self.read("terracost_example-plan.format-0.1"))
        let regions = try example.plan().environments[0].components.map { "\($0.id)=\($0.region)" }
        #expect(regions.contains("instance.example=eu-west-3"))
        #expect(regions.contains("ec2.instance.front.0=eu-west-1"))
        // Its classic load balancer is priced (clb), and its database's 10 GB of gp2 storage, below RDS's 20 GB
        // minimum for new instances, is priced as stated with a note: nothing is left out.
        #expect(example.report.notPriced.isEmpty && example.report.unresolved.isEmpty)
        #expect(try example.settings("ec2.elb.front") != nil)
        #expect(try example.settings("rds.db_instance.db")?["storage_gb"] == "10")
        #expect(try example.settings("ec2.instance.front.0.root_block_device")?["storage_gb"] == "123")
    }

    @Test func importedPlanPricesLikeTheEstimate() throws {
        let plan = try TerraformPlanReader.read(contentsOf: TerraformDiffTests.example)
        let usage = try TerraformUsage.read(contentsOf: TerraformDiffTests.usage)
        let imported = TerraformImport(plan, options: .init(usage: usage))
        let estimator = Estimator(catalog: TestRepository.catalog)
        let direct = try estimator.estimate(try imported.plan())
        let roundTrip = try estimator.estimate(try PlanParser.parse(imported.planText, file: "costplan.yaml"))
        #expect(EstimateJSON.render(Report(direct)) == EstimateJSON.render(Report(roundTrip)))
    }
}

/// A Terraform resource whose rate is missing is not priced and named by its address.
struct TerraformUnpricedTests {
    @Test func theUnpricedListAndStrictErrorNameTheAddress() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Samples/terracost_asg-plan.format-1.2.json")
        let plan = try TerraformPlanReader.parse(try String(contentsOf: url, encoding: .utf8), file: "plan.json")
        let estimate = try Estimator(catalog: TestRepository.catalog).estimate(try TerraformImport(plan).plan())
        let items = estimate.environments.flatMap(\.unpriced)
        // the catalog has no m4 (previous generation) rates: the launch-configuration group is
        // not priced, named by its address; the other groups are priced
        let item = try #require(items.first { $0.key.item == "instance/m4.large" })
        #expect(item.component == "magento.autoscaling_group.lc" && item.address == "module.magento.aws_autoscaling_group.lc")
        #expect(item.fix == "costplan pricing fetch --service AmazonEC2 --region eu-west-1")
        let error = "\(try #require(EstimateError(incomplete: estimate)))"
        #expect(error.contains("plan.json: error: module.magento.aws_autoscaling_group.lc: no rate for AmazonEC2 'instance/m4.large' in eu-west-1"))
        #expect(!error.contains("environments.default.components"))
    }
}
