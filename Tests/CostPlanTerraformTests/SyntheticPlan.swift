import CostPlan
import Foundation

/// Hand-written (synthetic) Terraform plans for tests, built from the attribute shapes in the
/// reference (`terraform-plan-json.md` §3): one `resource_changes` entry per instance, with
/// `after_unknown` markers, plus configuration entries for references.
struct SyntheticPlan {
    var changes: [[String: Any]] = []
    var rootResources: [[String: Any]] = []
    var modules: [String: [[String: Any]]] = [:]
    var providerRegion: String? = "us-east-1"
    var formatVersion = "1.2"

    /// Adds a resource change. `module` is e.g. `module.app`; `index` an Int (count) or String (for_each).
    mutating func add(_ type: String, _ name: String, _ actions: [String] = ["create"], before: [String: Any]? = nil,
                      after: [String: Any]?, unknown: [String: Any] = [:], module: String? = nil, index: Any? = nil,
                      afterSensitive: [String: Any] = [:], references: [String: [String]] = [:]) {
        var address = (module.map { "\($0)." } ?? "") + "\(type).\(name)"
        if let i = index as? Int { address += "[\(i)]" } else if let key = index as? String { address += "[\"\(key)\"]" }
        var change: [String: Any] = ["actions": actions, "before": before ?? NSNull(), "after": after ?? NSNull(),
                                     "after_unknown": unknown, "before_sensitive": before == nil ? false : [:],
                                     "after_sensitive": after == nil ? false : afterSensitive]
        if after == nil { change["after_unknown"] = false }
        var entry: [String: Any] = ["address": address, "mode": "managed", "type": type, "name": name,
                                    "provider_name": "registry.terraform.io/hashicorp/aws", "change": change]
        if let module { entry["module_address"] = module }
        if let index { entry["index"] = index }
        changes.append(entry)
        guard !references.isEmpty else { return }
        var expressions: [String: Any] = [:]
        for (path, refs) in references { Self.set(&expressions, path.split(separator: ".").map(String.init), ["references": refs]) }
        let config: [String: Any] = ["address": "\(type).\(name)", "mode": "managed", "type": type, "name": name,
                                     "provider_config_key": "aws", "expressions": expressions]
        if let module { modules[String(module.dropFirst("module.".count)), default: []].append(config) } else { rootResources.append(config) }
    }

    /// Sets a nested expression: numeric steps are block positions (lists).
    private static func set(_ object: inout [String: Any], _ path: [String], _ value: [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 { object[first] = value; return }
        if let position = Int(path[1]) {
            var list = object[first] as? [[String: Any]] ?? []
            while list.count <= position { list.append([:]) }
            var element = list[position]
            set(&element, Array(path.dropFirst(2)), value)
            if path.count == 2 { element = value }
            list[position] = element
            object[first] = list
        } else {
            var child = object[first] as? [String: Any] ?? [:]
            set(&child, Array(path.dropFirst()), value)
            object[first] = child
        }
    }

    var json: String {
        var providers: [String: Any] = [:]
        if let providerRegion { providers["aws"] = ["name": "aws", "expressions": ["region": ["constant_value": providerRegion]]] }
        var calls: [String: Any] = [:]
        for (name, resources) in modules { calls[name] = ["source": "./\(name)", "module": ["resources": resources]] }
        let plan: [String: Any] = ["format_version": formatVersion, "terraform_version": "1.9.8", "resource_changes": changes,
                                   "planned_values": ["root_module": [:]],
                                   "configuration": ["provider_config": providers, "root_module": ["resources": rootResources, "module_calls": calls]]]
        let data = try! JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    func parsed(file: String = "synthetic.json") throws -> TerraformPlan {
        try TerraformPlanReader.parse(json, file: file)
    }

    func imported(_ side: TerraformSide = .after, split: EnvironmentSplit = .workspace, usage: String? = nil) throws -> TerraformImport {
        let usageFile = try usage.map { try TerraformUsage.parse($0, file: "usage.yaml") }
        return TerraformImport(try parsed(), options: TerraformImportOptions(side: side, split: split, environment: "default", usage: usageFile))
    }
}

extension TerraformImport {
    /// The settings of component `id` in environment `env` (flattened plan fields), or nil.
    func settings(_ id: String, env: String = "default") throws -> [String: String]? {
        try plan().environments.first { $0.name == env }?.components.first { $0.id == id }?.settings
    }
}
