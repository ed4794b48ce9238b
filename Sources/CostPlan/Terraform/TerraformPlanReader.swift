import Foundation

/// Reads `terraform show -json PLANFILE` output into a `TerraformPlan`, and tells it apart from
/// what people pass by mistake: a costplan plan file, Terraform state, the `terraform plan -json`
/// UI stream, or output captured through the `hashicorp/setup-terraform` wrapper (whose
/// `[command]…` and `::…` lines are stripped, as Infracost does).
public enum TerraformPlanReader {
    /// Largest plan accepted (real plans of large systems run to tens of megabytes).
    public static let maxBytes = 256 * 1024 * 1024

    /// True when `text` is meant for this reader: JSON (possibly wrapped by setup-terraform)
    /// whose keys say Terraform — a plan, state or the UI stream — rather than a costplan plan.
    public static func isTerraformJSON(_ text: String) -> Bool {
        // A plan file (YAML) is told apart by its first byte, without a scan of the whole text:
        // only `{` (JSON) or `[` / `:` (a setup-terraform `[command]` or `::` line) can start one.
        switch text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"), nil: break
        case let first?: if first < 0x80 { return false }
        }
        let body = stripSetupTerraformWrapper(text).drop { $0.isWhitespace }
        guard body.first == "{" else { return false }
        let head = body.prefix(65_536)
        return ["\"format_version\"", "\"terraform_version\"", "\"resource_changes\"", "\"planned_values\"", "\"@level\"", "\"lineage\""]
            .contains { head.contains($0) }
    }

    /// Reads and parses the plan at `path`.
    public static func read(contentsOf path: String) throws -> TerraformPlan {
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= maxBytes else {
                throw TerraformPlanError(file: path, message: "the file is \(size) bytes; Terraform plans are limited to \(maxBytes) bytes")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as TerraformPlanError {
            throw error
        } catch {
            throw TerraformPlanError(file: path, message: "cannot read the file",
                                     hint: "check that the path exists; make it with `terraform show -json tfplan > plan.json`")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TerraformPlanError(file: path, message: "the file is not UTF-8 text",
                                     hint: "a binary plan (terraform plan -out) must be converted: terraform show -json tfplan > plan.json")
        }
        return try parse(text, file: path)
    }

    /// Parses plan text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws -> TerraformPlan {
        let body = stripSetupTerraformWrapper(text)
        let lines = body.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
        if lines.count > 1, lines[0].contains("\"@level\"") || lines[0].contains("\"@message\"") {
            throw TerraformPlanError(file: file,
                message: "this is the `terraform plan -json` message stream, which carries no attribute values",
                hint: "save the plan and convert it: terraform plan -out=tfplan && terraform show -json tfplan > plan.json")
        }
        let root: PlanNode
        do {
            root = try JSONDecoder().decode(JSONTree.self, from: Data(body.utf8)).node
        } catch {
            throw TerraformPlanError(file: file, message: "not JSON (\(describe(error)))",
                hint: "pass the output of `terraform show -json tfplan`; if it was captured in CI, make sure nothing else was printed into it")
        }
        guard root.entries != nil else {
            throw TerraformPlanError(file: file, message: "not a Terraform plan: the JSON is \(root.kindName), not an object",
                                     hint: "pass the output of `terraform show -json tfplan`")
        }
        if root["lineage"] != nil || root["serial"] != nil {
            throw TerraformPlanError(file: file, message: "this is a Terraform state file (terraform.tfstate), not a plan",
                hint: "price a plan: terraform plan -out=tfplan && terraform show -json tfplan > plan.json")
        }
        guard let version = root["format_version"]?.text else {
            throw TerraformPlanError(file: file, message: "not a Terraform plan: no `format_version`",
                hint: "pass the output of `terraform show -json tfplan` (format 0.1 to 1.x)")
        }
        let major = Int(version.split(separator: ".").first ?? "") ?? -1
        guard major == 0 || major == 1 else {
            throw TerraformPlanError(file: file, message: "unsupported plan format_version \(version)",
                hint: "this costplan reads plan JSON format 0.x and 1.x (Terraform 0.12 and later)")
        }
        if root["values"] != nil, root["planned_values"] == nil, root["resource_changes"] == nil {
            throw TerraformPlanError(file: file, message: "this is Terraform state (`terraform show -json` without a plan file), not a plan",
                hint: "pass the plan: terraform plan -out=tfplan && terraform show -json tfplan > plan.json")
        }
        guard root["planned_values"] != nil || root["resource_changes"] != nil || root["configuration"] != nil else {
            throw TerraformPlanError(file: file, message: "not a Terraform plan: it has no `resource_changes` or `planned_values`",
                hint: "pass the output of `terraform show -json tfplan`")
        }
        let resources = (root["resource_changes"]?.items ?? []).compactMap(resource)
        let configuration = TerraformConfiguration(root: root.value(at: [.key("configuration"), .key("root_module")]),
                                                   providers: root.value(at: [.key("configuration"), .key("provider_config")]),
                                                   variables: root["variables"])
        var plan = TerraformPlan(file: file, formatVersion: version, terraformVersion: root["terraform_version"]?.text,
                                 resources: resources, configuration: configuration)
        plan.errored = root["errored"]?.flag == true
        plan.deferred = (root["deferred_changes"]?.items ?? []).compactMap { entry in
            guard let change = entry["resource_change"], let address = change["address"]?.text, change["mode"]?.text != "data" else { return nil }
            return (address, change["type"]?.text ?? "", entry["reason"]?.text ?? "unspecified")
        }
        return plan
    }

    /// Removes the lines `hashicorp/setup-terraform`'s wrapper adds around captured output:
    /// `[command]/…/terraform-bin show -json tfplan` and workflow commands such as `::debug::…`.
    public static func stripSetupTerraformWrapper(_ text: String) -> String {
        guard text.contains("[command]") || text.contains("\n::") || text.hasPrefix("::") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("[command]") && !$0.hasPrefix("::") }
            .joined(separator: "\n")
    }

    private static func resource(_ node: PlanNode) -> TerraformResource? {
        guard node["mode"]?.text != "data", let address = node["address"]?.text, let type = node["type"]?.text,
              let name = node["name"]?.text, let change = node["change"] else { return nil }
        return TerraformResource(address: address, moduleAddress: node["module_address"]?.text, type: type, name: name,
                                 index: node["index"], actions: change["actions"]?.items.compactMap(\.text) ?? ["no-op"],
                                 deposed: node["deposed"]?.text, change: change)
    }

    private static func describe(_ error: Error) -> String {
        if case let DecodingError.dataCorrupted(context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}

/// A file that is not a usable Terraform plan: what is wrong and how to get a good one.
public struct TerraformPlanError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var hint: String?

    public init(file: String, message: String, hint: String? = nil) {
        self.file = file
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(file): error: \(message)" + (hint.map { "\n    hint: \($0)" } ?? "") }
}

/// Any JSON document decoded into a `PlanNode` tree, numbers kept as exact decimals.
private struct JSONTree: Decodable {
    let node: PlanNode

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            node = PlanNode(.null)
        } else if let flag = try? container.decode(Bool.self) {
            node = PlanNode(.bool(flag))
        } else if let text = try? container.decode(String.self) {
            node = PlanNode(.string(text))
        } else if let number = try? container.decode(Decimal.self) {
            node = PlanNode(.number(number, Money.plain(number)))
        } else if let items = try? container.decode([JSONTree].self) {
            node = PlanNode(.list(items.map(\.node)))
        } else {
            let object = try container.decode([String: JSONTree].self)
            node = PlanNode(.map(object.sorted { $0.key < $1.key }.map { ($0.key, $0.value.node) }))
        }
    }
}
