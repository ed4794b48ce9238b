import Foundation

/// The plan's `configuration` section: the parsed (unevaluated) configuration, used for the
/// references that link resources whose ids are unknown until apply, and for the provider
/// region. Resource entries are module-relative and never indexed, so every instance of a
/// `count`/`for_each` resource shares one entry.
struct TerraformConfiguration: Sendable {
    let root: PlanNode?
    let providers: PlanNode?
    let variables: PlanNode?

    /// The configuration entry of `resource`: walks `module_calls.<name>.module` for each module
    /// step of its address (instance keys dropped), then matches `type.name`.
    func entry(for resource: TerraformResource) -> PlanNode? {
        guard var module = root else { return nil }
        for call in Self.moduleCalls(resource.moduleAddress) {
            guard let next = module.value(at: [.key("module_calls"), .key(call), .key("module")]) else { return nil }
            module = next
        }
        return module["resources"]?.items.first { $0["address"]?.text == "\(resource.type).\(resource.name)" && $0["mode"]?.text != "data" }
    }

    /// The references of the expression at `path` in the resource's configuration (blocks are
    /// lists, so `launch_template.0.id`), e.g. `["aws_launch_template.web.id", "aws_launch_template.web"]`.
    func references(of resource: TerraformResource, _ path: String) -> [String] {
        let expression = entry(for: resource)?.value(at: [.key("expressions")] + AttributeStep.parse(path))
        return expression?["references"]?.items.compactMap(\.text) ?? []
    }

    /// The constant value of the expression at `path`, when the configuration sets one.
    func constant(of resource: TerraformResource, _ path: String) -> PlanNode? {
        entry(for: resource)?.value(at: [.key("expressions")] + AttributeStep.parse(path) + [.key("constant_value")])
    }

    /// The region of the provider configuration the resource uses: `provider_config[key]`'s
    /// `region` constant, or a root variable it references; the default `aws` configuration
    /// when the key has no entry (pre-1.2 `"<call>:aws"` keys, providers passed to modules).
    func providerRegion(for resource: TerraformResource) -> String? {
        let key = entry(for: resource)?["provider_config_key"]?.text ?? "aws"
        for candidate in [key, "aws"] {
            guard let config = providers?[candidate], let region = config.value(at: [.key("expressions"), .key("region")]) else { continue }
            if let constant = region["constant_value"]?.text { return constant }
            if let reference = region["references"]?.items.first?.text, reference.hasPrefix("var.") {
                let name = String(reference.dropFirst(4))
                if let value = variables?.value(at: [.key(name), .key("value")])?.text { return value }
            }
        }
        return nil
    }

    /// The module call names in a module address: `module.a["x"].module.b` → `[a, b]`.
    static func moduleCalls(_ moduleAddress: String?) -> [String] {
        guard let moduleAddress else { return [] }
        var calls: [String] = []
        var rest = Substring(moduleAddress)
        while rest.hasPrefix("module.") {
            rest = rest.dropFirst("module.".count)
            let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
            calls.append(String(rest[..<end]))
            rest = rest[end...]
            if rest.hasPrefix("[") {
                // Skip the instance key, which may itself contain dots or brackets inside quotes.
                var inQuotes = false, index = rest.startIndex
                while index < rest.endIndex {
                    let c = rest[index]
                    if c == "\"" { inQuotes.toggle() } else if c == "]" && !inQuotes { break }
                    index = rest.index(after: index)
                }
                rest = index < rest.endIndex ? rest[rest.index(after: index)...] : ""
            }
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
        }
        return calls
    }
}
