import CostPlan
import CostPlanReports
import CostPlanServer
import CostPlanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /api/estimate` and `POST /api/diff` take a Terraform plan JSON (`terraform show -json`)
/// as `costplan estimate` and `costplan diff` do, on a live server: the real application (every
/// middleware) on a loopback port.
@Suite(.serialized)
struct TerraformAPITests {
    let server: LiveServer
    init() throws { server = try LiveServer() }

    /// The repository's example Terraform plan (synthetic, see examples/terraform/README.md).
    static let planPath = TestRepository.root.appendingPathComponent("examples/terraform/plan.json").path
    static var planText: String { get throws { try String(contentsOfFile: planPath, encoding: .utf8) } }
    static let json: HTTPFields = [.contentType: "application/json"]

    /// What the API must answer: the plan mapped as the CLI maps it (default workspace, no usage
    /// file, priced after apply), its estimate JSON with the Terraform notes.
    static func expectedEstimate() throws -> String {
        let imported = TerraformImport(try TerraformPlanReader.parse(try planText, file: "request"), options: .init(environment: "default"))
        let estimate = try Estimator(catalog: TestRepository.catalog).estimate(try imported.plan())
        return TerraformNotes.adding(TerraformNotes.json(imported.report), to: EstimateJSON.document(Report(estimate))).rendered()
    }

    @Test func estimateTakesATerraformPlan() async throws {
        let expected = try Self.expectedEstimate()
        let body = ByteBuffer(string: try Self.planText)
        try await server.run(server.settings()) { client, _ in
            try await client.execute(uri: "/api/estimate", method: .post, headers: Self.json, body: body) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let text = String(buffer: response.body)
                #expect(text == expected)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let environments = json?["environments"] as? [[String: Any]]
                #expect(environments?.map { $0["name"] as? String } == ["default"])
                // The Terraform notes: what was priced and what not, as `costplan estimate plan.json --format json`.
                let terraform = json?["terraform"] as? [String: Any]
                #expect(terraform != nil)
                #expect(!text.contains("example-secret-never-printed"))
            }
        }
    }

    @Test func diffTakesATerraformPlanAloneOrOnBothSides() async throws {
        let plan = try Self.planText
        let imported = { (side: TerraformSide) throws -> TerraformImport in
            TerraformImport(try TerraformPlanReader.parse(plan, file: side == .before ? "base" : "head"),
                            options: .init(side: side, environment: "default"))
        }
        let (before, after) = (try imported(.before), try imported(.after))
        let diff = try ReportDiff.between(try before.plan(), try after.plan(), catalog: TestRepository.catalog)
        let expected = TerraformDiffNotes(head: after.report, base: before.report).json(diff, violations: []).rendered()
        try await server.run(server.settings()) { client, _ in
            // One Terraform plan: its state before apply → after apply, as `costplan diff plan.json`.
            let alone = ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["base": plan]))
            try await client.execute(uri: "/api/diff", method: .post, headers: Self.json, body: alone) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == expected)
            }
            // The same plan after apply on both sides: nothing changes.
            try await client.execute(uri: "/api/diff", method: .post, headers: Self.json, body: try DiffRouteTests.body(plan, plan)) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["has_cost_change"] as? Bool == false)
                let monthly = json?["monthly"] as? [String: Any]
                #expect((monthly?["delta"] as? [String: String])?["desired"] == "0")
            }
        }
    }

    /// A Terraform JSON the reader turns away (state, not a plan) is a 400 naming the problem, as
    /// the CLI's message; a posted plan file's errors keep their shape.
    @Test func badTerraformInputIsABadRequest() async throws {
        let state = "{\"format_version\": \"1.0\", \"terraform_version\": \"1.9.8\", \"values\": {\"root_module\": {}}}"
        try await server.run(server.settings()) { client, _ in
            try await client.execute(uri: "/api/estimate", method: .post, headers: Self.json, body: ByteBuffer(string: state)) { response in
                #expect(response.status == .badRequest)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["error"] as? String == "the plan cannot be read")
                #expect((json?["errors"] as? [String])?.first?.hasPrefix("request: error: ") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            let body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["base": state]))
            try await client.execute(uri: "/api/diff", method: .post, headers: Self.json, body: body) { response in
                #expect(response.status == .badRequest)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["error"] as? String == "the base plan is invalid")
            }
        }
    }
}
