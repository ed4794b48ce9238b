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

    public init(side: TerraformSide = .after, split: EnvironmentSplit = .workspace, environment: String = "default", usage: TerraformUsage? = nil) {
        self.side = side
        self.split = split
        self.environment = environment
        self.usage = usage
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

    public init(_ plan: TerraformPlan, options: TerraformImportOptions = TerraformImportOptions()) {
        imported = TerraformImporter(plan: plan, options: options).run()
        report = imported.report
        planText = PlanFileWriter.write(imported, plan: plan, options: options)
    }

    /// The plan, parsed from `planText`. Throws `PlanError` when the mapped or usage-supplied
    /// values are invalid; each problem names the resource (and usage file) it came from.
    public func plan() throws -> Plan {
        let file = report.planFile + (report.side == .before ? " (before)" : "")
        do {
            var plan = try PlanParser.parse(planText, file: file)
            plan.file = file
            return plan
        } catch let error as PlanError {
            throw PlanError(error.diagnostics.map(explain))
        }
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
