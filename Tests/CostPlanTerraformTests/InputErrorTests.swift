import CostPlan
import Foundation
import Testing

/// What people pass by mistake, and output captured through setup-terraform.
@Suite struct InputErrorTests {
    @Test(arguments: [
        ("this is not json", "not JSON"),
        ("{\"terraform_version\": \"1.5.0\", \"planned_values\": {}}", "no `format_version`"),
        ("{\"format_version\": \"2.0\", \"resource_changes\": []}", "unsupported plan format_version 2.0"),
        ("{\"version\": 4, \"terraform_version\": \"1.5.0\", \"serial\": 3, \"lineage\": \"x\", \"resources\": []}", "Terraform state file"),
        ("{\"format_version\": \"1.0\", \"terraform_version\": \"1.5.0\", \"values\": {\"root_module\": {}}}", "this is Terraform state"),
        ("{\"@level\":\"info\",\"@message\":\"Terraform 1.5.0\",\"type\":\"version\"}\n{\"@level\":\"info\",\"@message\":\"Plan: 1 to add\",\"type\":\"change_summary\"}\n",
         "`terraform plan -json` message stream"),
        ("[1, 2]", "not an object"),
    ])
    func badInputIsAClearError(text: String, expected: String) throws {
        let error = #expect(throws: TerraformPlanError.self) { try TerraformPlanReader.parse(text, file: "plan.json") }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("plan.json: error: ") == true)
        #expect(error?.hint != nil)
    }

    @Test func setupTerraformWrapperLinesAreStripped() throws {
        var plan = SyntheticPlan()
        plan.add("aws_instance", "web", after: ["instance_type": "t3.small"])
        let wrapped = "[command]/home/runner/work/_temp/abc/terraform-bin show -json tfplan\n" + plan.json
            + "\n::debug::Terraform exited with code 0.\n::debug::stdout: \(plan.json)\n::set-output name=exitcode::0\n"
        #expect(TerraformPlanReader.isTerraformJSON(wrapped))
        let parsed = try TerraformPlanReader.parse(wrapped, file: "wrapped.json")
        #expect(parsed.formatVersion == "1.2")
        #expect(try TerraformImport(parsed).plan().environments[0].components.map(\.id) == ["instance.web", "instance.web.root_block_device"])
    }

    @Test func aCostplanPlanIsNotTakenForTerraform() {
        #expect(!TerraformPlanReader.isTerraformJSON("{\"version\": 1, \"name\": \"x\", \"environments\": {}}"))
        #expect(!TerraformPlanReader.isTerraformJSON("version: 1\nname: x\n"))
        // Told by the first byte that is not white space; a wrapper line or JSON later in a YAML
        // file does not make it Terraform.
        #expect(!TerraformPlanReader.isTerraformJSON("# plan\n[command]x\n{\"format_version\": \"1.2\"}\n"))
        #expect(!TerraformPlanReader.isTerraformJSON("\n\n"))
    }

    @Test func terraformJSONIsRecognisedAfterWhiteSpaceOrAWrapperLine() {
        let json = "{\"format_version\": \"1.2\", \"resource_changes\": []}"
        #expect(TerraformPlanReader.isTerraformJSON(" \r\n\t" + json))
        #expect(TerraformPlanReader.isTerraformJSON("\u{00A0}" + json))   // Unicode white space takes the full check
        #expect(TerraformPlanReader.isTerraformJSON("::debug::x\n" + json))
        #expect(!TerraformPlanReader.isTerraformJSON("[1, 2]"))
    }

    @Test func aBadUsageFileNamesTheFieldAndLine() {
        let error = #expect(throws: PlanError.self) {
            try TerraformUsage.parse("resources:\n  aws_instance.web:\n    type: ec2\n", file: "usage.yaml")
        }
        #expect(error?.diagnostics.first?.description == "usage.yaml:3: error: resources.aws_instance.web.type: the component type comes from the Terraform resource\n    hint: remove `type`; give the fields of the type the resource maps to")
    }

    @Test func anInvalidUsageValueNamesTheResource() throws {
        var plan = SyntheticPlan()
        plan.add("aws_nat_gateway", "nat", after: [:])
        let imported = try plan.imported(usage: "resources:\n  aws_nat_gateway.nat: {data_procesed_gb: 5}\n")
        let error = #expect(throws: PlanError.self) { try imported.plan() }
        let text = error?.description ?? ""
        #expect(text.contains("synthetic.json: error: aws_nat_gateway.nat.data_procesed_gb: unknown field 'data_procesed_gb'"), "\(text)")
        #expect(text.contains("usage file usage.yaml"))
    }

    @Test func sensitiveValuesNeverReachAnyOutput() throws {
        var plan = SyntheticPlan()
        let secret = "s3cr3t-value-do-not-print"
        plan.add("aws_db_instance", "db", after: ["engine": "postgres", "instance_class": secret, "password": secret, "allocated_storage": 20],
                 afterSensitive: ["instance_class": true, "password": true])
        plan.add("aws_instance", "web", after: ["instance_type": "t3.small", "user_data": secret, "tags": ["env": secret]],
                 afterSensitive: ["user_data": true, "tags": ["env": true]])
        let imported = try plan.imported(split: .tag("env"))
        #expect(!imported.planText.contains(secret))
        #expect(imported.report.unresolved.map(\.address) == ["aws_db_instance.db"])
        #expect(imported.report.unresolved[0].reason.contains("instance_class"))
        #expect(try imported.plan().environments.map(\.name) == ["default"])
        #expect(!"\(imported.report)".contains(secret))
    }
}

extension InputErrorTests {
    @Test func deferredChangesErrorsAndUnknownActionsAreReported() throws {
        var plan = SyntheticPlan()
        plan.add("aws_instance", "web", ["teleport"], after: ["instance_type": "t3.small"])
        var json = plan.json
        json.removeLast()  // the closing brace
        json += ",\"errored\":true,\"deferred_changes\":[{\"reason\":\"instance_count_unknown\",\"resource_change\":{\"address\":\"aws_instance.later[0]\",\"mode\":\"managed\",\"type\":\"aws_instance\",\"change\":{\"actions\":[\"create\"]}}}]}"
        let report = TerraformImport(try TerraformPlanReader.parse(json, file: "p.json")).report
        #expect(report.notPriced.map(\.address) == ["aws_instance.later[0]"])
        #expect(report.notPriced.first?.reason.contains("instance_count_unknown") == true)
        #expect(report.notes.contains { $0.contains("[\"teleport\"]") })
        #expect(report.notes.contains { $0.contains("may be incomplete") })
        #expect(report.priced.map(\.address) == ["aws_instance.web"])
    }
}

extension InputErrorTests {
    @Test func numbersStayExactDecimals() throws {
        let json = """
            {"format_version":"1.1","terraform_version":"1.4.0","resource_changes":[{"address":"aws_db_instance.db","mode":"managed",\
            "type":"aws_db_instance","name":"db","change":{"actions":["create"],"before":null,"after":{"engine":"mysql",\
            "instance_class":"db.t3.small","allocated_storage":20.1,"multi_az":false,"storage_type":"gp2"},"after_unknown":{}}}]}
            """
        let imported = TerraformImport(try TerraformPlanReader.parse(json, file: "p.json"))
        #expect(try imported.settings("db_instance.db")?["storage_gb"] == "20.1")
        #expect(imported.planText.contains("storage_gb: 20.1\n"))
        // No provider configuration and no region attribute: assumed, and said so.
        #expect(imported.planText.contains("region: \"us-east-1\"  # assumed"))
    }
}
