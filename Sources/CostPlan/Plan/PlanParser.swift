import Foundation

/// Reads a plan file (YAML or JSON, format version 1) into a validated `Plan`:
/// parse → resolve `extends` chains field by field → decode each component strictly.
/// Every problem found is reported at once, each with the file, field path and line.
public enum PlanParser {
    /// Identifiers of plans, environments and components: stable, URL- and file-safe.
    static let identifierCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")

    /// Reads and parses the plan file at `path`.
    public static func parse(contentsOf path: String) throws -> Plan {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            // `stat`, not FileManager's attribute dictionary: this is on every cold run's path.
            var info = stat()
            if stat(path, &info) == 0, case let size = Int(info.st_size), size > PlanDocument.maxBytes {
                throw PlanError([Diagnostic(file: path, path: "", line: nil,
                    message: "the file is \(size) bytes; plans are limited to \(PlanDocument.maxBytes) bytes", hint: nil)])
            }
            data = try Data(contentsOf: url)
        } catch let error as PlanError {
            throw error
        } catch {
            throw PlanError([Diagnostic(file: path, path: "", line: nil, message: "cannot read the file",
                hint: "check that the path exists and is a readable plan file (.yaml, .yml or .json)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlanError([Diagnostic(file: path, path: "", line: nil, message: "the file is not UTF-8 text",
                hint: "save the plan as UTF-8")])
        }
        return try parse(text, file: path)
    }

    /// Parses plan text; `file` names it in error messages.
    public static func parse(_ text: String, file: String) throws -> Plan {
        let root = try PlanDocument.parse(text, file: file)
        // Any YAML or JSON file may sit in a plan folder, and its problems are shown on served
        // pages: a file that is not a plan at all is named, and none of its content is echoed.
        guard root.entries?.contains(where: { $0.key == "version" }) == true else {
            throw PlanError([Diagnostic(file: file, path: "", line: nil,
                message: "not a costplan plan: the file has no top-level `version:`",
                hint: "a plan starts with `version: 1`, `name:` and `environments:`; keep other YAML and JSON files out of plan folders")])
        }
        let diagnostics = DiagnosticCollector(file: file)
        let plan = decodePlan(root, file: file, diagnostics: diagnostics)
        if !diagnostics.diagnostics.isEmpty { throw PlanError(diagnostics.diagnostics) }
        guard let plan else { throw PlanError([Diagnostic(file: file, path: "", line: nil, message: "invalid plan", hint: nil)]) }
        return plan
    }

    // MARK: - Top level

    private static func decodePlan(_ root: PlanNode, file: String, diagnostics: DiagnosticCollector) -> Plan? {
        guard let top = FieldReader.map(root, path: "", diagnostics: diagnostics) else { return nil }
        if let version = top.int("version", required: true), version != 1 {
            top.error(at: "version", "unsupported version \(version)", hint: "this costplan reads plan format version 1")
        }
        let name = top.identifier("name", required: true) ?? "plan"
        let description = top.string("description")
        let planRegion = top.region("region")
        var environments: [Environment] = []
        if let envField = top.field("environments") {
            if let entries = envField.node.entries, !entries.isEmpty {
                let raw = entries.compactMap { readEnvironment($0.key, $0.node, path: join("environments", $0.key), diagnostics: diagnostics) }
                let resolver = ExtendsResolver(raw: raw, diagnostics: diagnostics)
                environments = raw.compactMap { decodeEnvironment($0, resolver: resolver, planRegion: planRegion, diagnostics: diagnostics) }
            } else {
                top.error(envField, "expected a mapping of at least one environment, found \(envField.node.kindName)",
                          hint: "e.g. environments: {production: {components: {...}}}")
            }
        } else {
            top.missing("environments", hint: "add at least one environment, e.g. `production:` with `components:`")
        }
        top.finish(what: "a plan")
        return Plan(name: name, description: description, file: file, environments: environments)
    }

    // MARK: - Environments

    /// An environment as written, before `extends` is resolved.
    struct RawEnvironment {
        var name: String
        var path: String
        var line: Int?
        var extends: (name: String, field: Field)?
        var region: String?
        var hours: Decimal?
        var description: String?
        var reference: ReferenceEstimate?
        var demand: Demand?
        /// Components as written: id → fields, or nil to remove an inherited component.
        var components: [(id: String, fields: [(key: String, field: Field)]?, path: String, line: Int?)]
    }

    private static func readEnvironment(_ name: String, _ node: PlanNode, path: String, diagnostics: DiagnosticCollector) -> RawEnvironment? {
        checkIdentifier(name, path: path, line: node.line, diagnostics: diagnostics)
        guard let env = FieldReader.map(node, path: path, diagnostics: diagnostics) else { return nil }
        var raw = RawEnvironment(name: name, path: path, line: node.line, components: [])
        if let field = env.field("extends") {
            if case let .string(parent) = field.node.value { raw.extends = (parent, field) } else {
                env.error(field, "expected the name of another environment, found \(field.node.kindName)")
            }
        }
        raw.region = env.region("region")
        raw.hours = env.decimal("hours_per_month", min: 0, max: 744, unit: "hours")
        if raw.hours == 0 { env.error(at: "hours_per_month", "must be more than 0 hours") }
        raw.description = env.string("description")
        raw.reference = referenceEstimate(env)
        raw.demand = Demand.read(env)
        if let components = env.field("components") {
            if let entries = components.node.entries {
                for (id, componentNode) in entries {
                    let componentPath = join(components.path, id)
                    checkIdentifier(id, path: componentPath, line: componentNode.line, diagnostics: diagnostics)
                    if componentNode.isNull {
                        raw.components.append((id, nil, componentPath, componentNode.line))
                    } else if let fields = componentNode.entries {
                        raw.components.append((id, fields.map { ($0.key, Field(node: $0.node, path: join(componentPath, $0.key))) },
                                               componentPath, componentNode.line))
                    } else {
                        diagnostics.error(componentPath, line: componentNode.line,
                            "expected a component mapping or null, found \(componentNode.kindName)",
                            hint: "write `\(id): {type: ..., ...}`, or `\(id): null` to remove an inherited component")
                    }
                }
            } else {
                env.error(components, "expected a mapping of component id to component, found \(components.node.kindName)")
            }
        } else if raw.extends == nil {
            env.missing("components", hint: "list the environment's components, or `extends:` another environment")
        }
        env.finish(what: "an environment")
        return raw
    }

    private static func decodeEnvironment(_ raw: RawEnvironment, resolver: ExtendsResolver, planRegion: String?,
                                          diagnostics: DiagnosticCollector) -> Environment? {
        guard let resolved = resolver.resolve(raw.name) else { return nil }
        let region = resolved.region ?? planRegion
        if region == nil {
            diagnostics.error(join(raw.path, "region"), line: raw.line, "no region for this environment",
                              hint: "set `region:` on the plan or on the environment, e.g. us-east-1")
        }
        let hours = resolved.hours ?? Money.hoursPerMonth
        let components = resolved.components.compactMap { id, fields, path, line in
            decodeComponent(id, fields: fields, path: path, line: line, envRegion: region ?? "us-east-1",
                            envHours: hours, diagnostics: diagnostics)
        }
        let environment = Environment(name: raw.name, extends: raw.extends?.name, region: region ?? "us-east-1",
                                      hoursPerMonth: hours, description: raw.description, referenceEstimate: raw.reference,
                                      demand: resolved.demand, components: components)
        return environment.sized(path: raw.path, line: raw.line, diagnostics: diagnostics)
    }

    // MARK: - Components

    private static func decodeComponent(_ id: String, fields: [(key: String, field: Field)], path: String, line: Int?,
                                        envRegion: String, envHours: Decimal, diagnostics: DiagnosticCollector) -> Component? {
        let reader = FieldReader(fields: fields, path: path, line: line, diagnostics: diagnostics)
        let typeName = reader.string("type", required: true,
            hint: "one of: \(ComponentType.allCases.map(\.rawValue).joined(separator: ", "))")
        let region = reader.region("region") ?? envRegion
        var hours = reader.decimal("hours_per_month", min: 0, max: 744, unit: "hours") ?? envHours
        if hours == 0 { reader.error(at: "hours_per_month", "must be more than 0 hours"); hours = envHours }
        let description = reader.string("description")
        guard let typeName else { return nil }
        guard let type = ComponentType(rawValue: typeName) else {
            let options = ComponentType.allCases.map(\.rawValue)
            reader.error(at: "type", "unknown component type '\(typeName)'",
                hint: suggestion(typeName, options).map { "did you mean '\($0)'?" } ?? "one of: \(options.joined(separator: ", "))")
            return nil
        }
        let spec = type.spec.init(reader)
        reader.finish(what: "type '\(type.rawValue)'")
        var settings: [String: String] = [:]
        for (key, field) in fields where !field.node.isNull { flatten(field.node, prefix: key, into: &settings) }
        return Component(id: id, type: type, region: region, hoursPerMonth: hours, description: description,
                         settings: settings, spec: spec, written: spec)
    }

    private static func flatten(_ node: PlanNode, prefix: String, into settings: inout [String: String]) {
        switch node.value {
        case .null: break
        case let .bool(value): settings[prefix] = value ? "true" : "false"
        case let .number(value, _): settings[prefix] = Money.plain(value)
        case let .string(text): settings[prefix] = text
        case let .list(items): settings[prefix] = items.map { "\($0.value)" }.joined(separator: ", ")
        case let .map(entries): for (key, child) in entries { flatten(child, prefix: "\(prefix).\(key)", into: &settings) }
        }
    }

    // MARK: - Shared fields

    /// True for a valid plan, environment or component name: 1–64 of `[A-Za-z0-9._-]`, not `.` or `..`.
    public static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.allSatisfy(identifierCharacters.contains) && text != "." && text != ".."
    }

    private static func checkIdentifier(_ name: String, path: String, line: Int?, diagnostics: DiagnosticCollector) {
        if !isIdentifier(name) {
            diagnostics.error(path, line: line, "'\(name)' is not a valid name", hint: "use 1–64 letters, digits, '-', '_' or '.'")
        }
    }

    private static func referenceEstimate(_ env: FieldReader) -> ReferenceEstimate? {
        guard let reference = env.nested("reference_estimate") else { return nil }
        defer { reference.finish(what: "reference_estimate") }
        let source = reference.string("source")
        if let monthly = reference.decimal("monthly_usd", unit: "USD") {
            return ReferenceEstimate(low: monthly, high: monthly, source: source)
        }
        let low = reference.decimal("low", unit: "USD"), high = reference.decimal("high", unit: "USD")
        guard let low, let high else {
            if !reference.has("monthly_usd") {
                reference.missing("monthly_usd", hint: "give `monthly_usd: N`, or a range `low: N, high: N`")
            }
            return nil
        }
        if low > high { reference.error(at: "low", "low (\(low)) is greater than high (\(high))"); return nil }
        return ReferenceEstimate(low: low, high: high, source: source)
    }
}
