import Foundation

/// Resolves `extends` chains: an environment starts from its parent's resolved components,
/// replaces the fields its overrides name (each field's value whole), removes components set
/// to `null`, and adds its own. Region, hours and demand (a `demand:` block is replaced whole)
/// are inherited too. Cycles are errors.
final class ExtendsResolver {
    struct Resolved {
        var region: String?
        var hours: Decimal?
        var demand: Demand?
        var components: [(id: String, fields: [(key: String, field: Field)], path: String, line: Int?)]
    }

    private let raw: [String: PlanParser.RawEnvironment]
    private let diagnostics: DiagnosticCollector
    private var cache: [String: Resolved?] = [:]
    private var visiting: [String] = []

    init(raw: [PlanParser.RawEnvironment], diagnostics: DiagnosticCollector) {
        self.raw = Dictionary(raw.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.diagnostics = diagnostics
    }

    /// The environment's resolved components, or nil when its chain is broken (reported).
    func resolve(_ name: String) -> Resolved? {
        if let cached = cache[name] { return cached }
        guard let env = raw[name] else { return nil }
        if let start = visiting.firstIndex(of: name) {
            let cycle = (visiting[start...] + [name]).joined(separator: " → ")
            diagnostics.error(join(env.path, "extends"), line: env.extends?.field.node.line,
                              "extends cycle: \(cycle)", hint: "one environment in the chain must not extend another")
            return nil
        }
        visiting.append(name)
        defer { visiting.removeLast() }

        var resolved = Resolved(region: nil, hours: nil, demand: nil, components: [])
        if let (parentName, field) = env.extends {
            guard raw[parentName] != nil else {
                diagnostics.error(field.path, line: field.node.line, "extends unknown environment '\(parentName)'",
                    hint: suggestion(parentName, Array(raw.keys)).map { "did you mean '\($0)'?" }
                        ?? "environments: \(raw.keys.sorted().joined(separator: ", "))")
                cache[name] = .some(nil)
                return nil
            }
            guard let parent = resolve(parentName) else {
                cache[name] = .some(nil)
                return nil
            }
            resolved = parent
        }
        resolved.region = env.region ?? resolved.region
        resolved.hours = env.hours ?? resolved.hours
        resolved.demand = env.demand ?? resolved.demand
        for (id, fields, path, line) in env.components {
            let index = resolved.components.firstIndex { $0.id == id }
            guard let fields else {
                if let index { resolved.components.remove(at: index) } else {
                    diagnostics.error(path, line: line, "null removes an inherited component, but '\(name)' inherits no '\(id)'",
                                      hint: env.extends == nil ? "this environment extends nothing" : "check the component id")
                }
                continue
            }
            guard let index else {
                resolved.components.append((id, fields, path, line))
                continue
            }
            resolved.components[index] = (id, merge(resolved.components[index].fields, fields), path, line)
        }
        cache[name] = resolved
        return resolved
    }

    /// Field-by-field override; a different `type` replaces the component whole.
    private func merge(_ base: [(key: String, field: Field)], _ override: [(key: String, field: Field)]) -> [(key: String, field: Field)] {
        func type(_ fields: [(key: String, field: Field)]) -> String? {
            guard case let .string(t)? = fields.first(where: { $0.key == "type" })?.field.node.value else { return nil }
            return t
        }
        if let newType = type(override), newType != type(base) { return override }
        var merged = base
        for entry in override {
            if let index = merged.firstIndex(where: { $0.key == entry.key }) { merged[index] = entry } else { merged.append(entry) }
        }
        return merged
    }
}
