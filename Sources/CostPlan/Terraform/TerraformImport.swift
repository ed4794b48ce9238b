import Foundation

/// How the resources of a Terraform plan split into costplan environments.
public enum EnvironmentSplit: Sendable, Equatable, CustomStringConvertible {
    /// One environment (named after the workspace): a plan is one workspace's state.
    case workspace
    /// One environment per top-level module call (`module.prod.…` → `prod`; with a key,
    /// `module.env["prod"]` → `prod`); root-module resources go to the workspace environment.
    case module
    /// One environment per value of the tag KEY (`tags_all`, else `tags`); untagged resources go
    /// to the workspace environment.
    case tag(String)

    /// Parses `workspace`, `module` or `tag:KEY`.
    public init?(argument: String) {
        switch argument {
        case "workspace": self = .workspace
        case "module": self = .module
        default:
            guard argument.hasPrefix("tag:"), argument.count > 4 else { return nil }
            self = .tag(String(argument.dropFirst(4)))
        }
    }

    public var description: String {
        switch self {
        case .workspace: "workspace"
        case .module: "module"
        case let .tag(key): "tag:\(key)"
        }
    }
}

/// Options for turning a Terraform plan into a costplan plan.
public struct TerraformImportOptions: Sendable {
    public var side: TerraformSide
    public var split: EnvironmentSplit
    /// The environment every resource goes to unless `split` says otherwise (the workspace name).
    public var environment: String
    public var usage: TerraformUsage?
    /// The day the plan is priced for: date-dependent charges (RDS Extended Support year 1–2 or
    /// year 3) are those in effect on it. Default: now.
    public var pricingDate: Date

    public init(side: TerraformSide = .after, split: EnvironmentSplit = .workspace, environment: String = "default",
                usage: TerraformUsage? = nil, pricingDate: Date = Date()) {
        self.side = side
        self.split = split
        self.environment = environment
        self.usage = usage
        self.pricingDate = pricingDate
    }
}

/// A Terraform plan turned into a costplan plan file (one mapping for `estimate`, `diff` and
/// `import terraform`): Terraform JSON → components → plan-file text → `PlanParser`. Writing the
/// plan file and parsing it back means an imported plan prices exactly as the estimate did, and
/// every rule and check of hand-written plans applies unchanged.
public struct TerraformImport: Sendable {
    /// The plan file (YAML), with a comment on every guessed value.
    public let planText: String
    /// What was not priced, folded, free or guessed.
    public let report: TerraformReport
    let imported: ImportedPlan

    /// The plan parsed from `planText` (parsed once, here), or the problems found.
    private let parsed: Result<Plan, PlanError>

    public init(_ plan: TerraformPlan, options: TerraformImportOptions = TerraformImportOptions()) {
        var imported = TerraformImporter(plan: plan, options: options).run()
        var text = PlanFileWriter.write(imported, plan: plan, options: options)
        let file = imported.report.planFile + (options.side == .before ? " (before)" : "")
        var parsed = Self.parse(text, file: file)
        // A value the mapping produced that the plan format rejects (e.g. an io1 volume without
        // IOPS) leaves that resource out as "not priced: value rejected (why)"; a bad usage-file
        // value stays an error of the whole plan, naming the file.
        if case let .failure(error) = parsed, Self.excludeInvalid(error, from: &imported) {
            text = PlanFileWriter.write(imported, plan: plan, options: options)
            parsed = Self.parse(text, file: file)
        }
        self.imported = imported
        self.parsed = parsed.map { Self.addressed($0, imported) }
        report = imported.report
        planText = text
    }

    /// The plan, parsed from `planText`. Throws `PlanError` when the usage-supplied values are
    /// invalid; each problem names the resource and the usage file it came from.
    public func plan() throws -> Plan {
        switch parsed {
        case let .success(plan): return plan
        case let .failure(error): throw PlanError(error.diagnostics.map(explain))
        }
    }

    /// `plan` with each component's Terraform address, so errors and the not-priced list name
    /// the resource (`aws_instance.web[0]`), not the generated plan file's field path.
    private static func addressed(_ plan: Plan, _ imported: ImportedPlan) -> Plan {
        var plan = plan
        for e in plan.environments.indices {
            let name = plan.environments[e].name
            for c in plan.environments[e].components.indices {
                let id = plan.environments[e].components[c].id
                plan.environments[e].components[c].address =
                    imported.components.first { $0.environment == name && $0.id == id }?.address
            }
        }
        return plan
    }

    private static func parse(_ text: String, file: String) -> Result<Plan, PlanError> {
        do { return .success(try PlanParser.parse(text, file: file)) } catch let error as PlanError {
            return .failure(error)
        } catch {
            return .failure(PlanError([Diagnostic(file: file, path: "", line: nil, message: "\(error)", hint: nil)]))
        }
    }

    /// Moves the components the diagnostics are about (unless a usage-file value is involved) to
    /// the report's not-priced list, with the reasons. True when any was moved.
    private static func excludeInvalid(_ error: PlanError, from imported: inout ImportedPlan) -> Bool {
        var reasons: [String: [String]] = [:]  // component address → problems
        for d in error.diagnostics {
            for c in imported.components {
                let prefix = "environments.\(c.environment).components.\(c.id)"
                guard d.path == prefix || d.path.hasPrefix(prefix + ".") else { continue }
                let field = String(d.path.dropFirst(prefix.count).drop { $0 == "." })
                let fromUsage = c.fields.contains { $0.comment?.hasPrefix("from usage file") == true && field.hasPrefix($0.key) }
                if !fromUsage { reasons[c.address, default: []].append((field.isEmpty ? "" : "\(field): ") + d.message) }
            }
        }
        guard !reasons.isEmpty else { return false }
        var report = imported.report
        for c in imported.components {
            guard let why = reasons[c.address] else { continue }
            // Known values that the plan format rejects: not priced, saying why (not "waiting
            // for values known after apply").
            let rejected = "value rejected (\(why.joined(separator: "; ")))"
            let owned = report.priced.filter { $0.environment == c.environment && $0.component == c.id }
            if owned.isEmpty {  // a volume that comes with an instance
                report.notPriced.append(TerraformReport.Resource(address: c.address, type: c.resourceType, action: c.action, reason: rejected))
            }
            for priced in owned {
                let reason = priced.address == c.address ? rejected : "part of \(c.address), whose value was rejected"
                report.notPriced.append(TerraformReport.Resource(address: priced.address, type: priced.type, action: priced.action, reason: reason))
            }
            report.priced.removeAll { $0.environment == c.environment && $0.component == c.id }
            report.guesses.removeAll { $0.environment == c.environment && $0.component == c.id }
        }
        report.notPriced.sort { $0.address < $1.address }
        imported.components.removeAll { reasons[$0.address] != nil }
        if imported.components.isEmpty || !imported.environments.allSatisfy({ env in imported.components.contains { $0.environment == env } }) {
            let kept = imported.environments.filter { env in imported.components.contains { $0.environment == env } }
            imported.environments = kept.isEmpty ? [imported.environments.first ?? "default"] : kept
        }
        imported.report = report
        return true
    }

    /// Rewrites a diagnostic about the generated plan text so it names the Terraform resource.
    private func explain(_ diagnostic: Diagnostic) -> Diagnostic {
        var result = diagnostic
        result.file = report.planFile
        result.line = nil
        let parts = diagnostic.path.split(separator: ".", maxSplits: 4, omittingEmptySubsequences: false)
        if parts.count >= 4, parts[0] == "environments", parts[2] == "components",
           let component = imported.components.first(where: { $0.environment == parts[1] && diagnostic.path.hasPrefix("environments.\($0.environment).components.\($0.id)") }) {
            let field = String(diagnostic.path.dropFirst("environments.\(component.environment).components.\(component.id)".count).drop { $0 == "." })
            let fromUsage = component.fields.first { field.hasPrefix($0.key) }?.comment?.hasPrefix("from usage file") == true
            result.path = component.address + (field.isEmpty ? "" : ".\(field)")
            result.message += " (mapped to a \(component.type) component"
                + (fromUsage ? "; the value comes from usage file \(report.usageFile ?? "")" : "") + ")"
            if result.hint == nil { result.hint = "fix the value in the usage file's entry for \(component.address)" }
        }
        return result
    }
}
