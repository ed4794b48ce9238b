import Foundation

/// The usage file beside a Terraform plan: what Terraform cannot know (data processed, storage
/// in use, average ACUs) and values it only knows after apply. YAML (or JSON):
///
/// ```yaml
/// name: shop              # the plan's name (default: the plan file's name)
/// environment: production # the environment's name (default: the Terraform workspace)
/// region: eu-west-1       # for resources whose region the plan does not give (default us-east-1)
/// resources:
///   aws_nat_gateway.main: {data_processed_gb: 500}          # one resource, every instance of it
///   module.db.aws_rds_cluster.main: {storage_gb: 200}
///   'aws_instance.web[0]': {instance_type: t3.large}        # one instance
///   aws_s3_bucket: {storage_gb: 100, get_requests: 2000}    # every resource of a type
/// ```
///
/// Resource entries take the plan-file fields of the component the resource maps to and
/// replace the mapped value of each field they name (a whole field: a range or a block is not
/// merged key by key). The most specific entry wins: the exact address, then the address
/// without its instance key, then the resource type.
public struct TerraformUsage: Sendable {
    public var file: String
    public var name: String?
    public var environment: String?
    public var region: String?
    /// Entries in file order: key (address or type) → fields.
    var resources: [(key: String, fields: [(key: String, node: PlanNode)])]

    /// Reads the usage file at `path`; throws `PlanError` naming the file, field and line.
    public static func read(contentsOf path: String) throws -> TerraformUsage {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PlanError([Diagnostic(file: path, path: "", line: nil, message: "cannot read the usage file",
                                        hint: "check the path, or leave --usage out to price without usage")])
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> TerraformUsage {
        let root = try PlanDocument.parse(text, file: file)
        let diagnostics = DiagnosticCollector(file: file)
        var usage = TerraformUsage(file: file, resources: [])
        guard let top = FieldReader.map(root, path: "", diagnostics: diagnostics) else { throw PlanError(diagnostics.diagnostics) }
        _ = top.int("version", min: 1, max: 1)
        usage.name = top.identifier("name")
        usage.environment = top.identifier("environment")
        usage.region = top.region("region")
        if let resources = top.field("resources") {
            if let entries = resources.node.entries {
                for (key, node) in entries {
                    guard let fields = node.entries else {
                        diagnostics.error("resources.\(key)", line: node.line, "expected a mapping of plan fields, found \(node.kindName)",
                                          hint: "e.g. \(key): {data_processed_gb: 500}")
                        continue
                    }
                    for (field, value) in fields {
                        if field == "type" {
                            diagnostics.error("resources.\(key).type", line: value.line, "the component type comes from the Terraform resource",
                                              hint: "remove `type`; give the fields of the type the resource maps to")
                        }
                        if case .list = value.value {
                            diagnostics.error("resources.\(key).\(field)", line: value.line, "lists are not plan-file values")
                        }
                    }
                    usage.resources.append((key, fields))
                }
            } else {
                top.error(resources, "expected a mapping of resource address (or type) to fields, found \(resources.node.kindName)")
            }
        }
        top.finish(what: "a usage file")
        if !diagnostics.diagnostics.isEmpty { throw PlanError(diagnostics.diagnostics) }
        return usage
    }

    /// The fields for `resource`, least specific first (type, address without key, exact address),
    /// each with the entry key it came from.
    func fields(for resource: TerraformResource) -> [(entry: String, key: String, node: PlanNode)] {
        var result: [(String, String, PlanNode)] = []
        for candidate in [resource.type, resource.baseAddress, resource.address] {
            for entry in resources where entry.key == candidate {
                for field in entry.fields { result.append((entry.key, field.key, field.node)) }
            }
            if candidate == resource.baseAddress && resource.baseAddress == resource.address { break }
        }
        return result
    }

    /// The usage-file path found beside `planPath` by convention: `NAME.usage.yaml` (or `.yml`)
    /// where the plan is `NAME.json`, then `costplan-usage.yaml` (or `.yml`) in the same folder.
    public static func discover(besidePlan planPath: String) -> String? {
        let folder = (planPath as NSString).deletingLastPathComponent
        let stem = ((planPath as NSString).lastPathComponent as NSString).deletingPathExtension
        for name in ["\(stem).usage.yaml", "\(stem).usage.yml", "costplan-usage.yaml", "costplan-usage.yml"] {
            let candidate = folder.isEmpty ? name : "\(folder)/\(name)"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }
}

extension PlanFieldValue {
    /// A usage-file value as a plan-file value (nil for lists and null).
    init?(_ node: PlanNode) {
        switch node.value {
        case let .number(number, _): self = .number(number)
        case let .string(text): self = .string(text)
        case let .bool(flag): self = .bool(flag)
        case let .map(entries):
            var values: [(String, PlanFieldValue)] = []
            for (key, child) in entries { guard let value = PlanFieldValue(child) else { return nil }; values.append((key, value)) }
            self = .map(values)
        case .null, .list: return nil
        }
    }
}
