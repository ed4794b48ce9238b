import ArgumentParser
import CostPlan
import Foundation

/// How a Terraform plan (`terraform show -json` output) is read; shared by estimate, diff and import.
struct TerraformOptions: ParsableArguments {
    @Option(name: .customLong("usage"), help: ArgumentHelp(
        "Usage file for a Terraform plan (YAML): usage and values Terraform cannot know.",
        discussion: "Default: PLAN.usage.yaml (or .yml) beside PLAN.json, else costplan-usage.yaml in the same folder. See README: \"Terraform plans\".",
        valueName: "file"))
    var usagePath: String?

    @Option(name: .customLong("env-from"), help: ArgumentHelp(
        "How a Terraform plan's resources split into environments: workspace (one environment, the default), module (one per top-level module call) or tag:KEY (one per value of tag KEY).",
        valueName: "split"))
    var envFrom: String = "workspace"

    @Option(name: .customLong("pricing-date"), help: ArgumentHelp(
        "The day a Terraform plan is priced for (YYYY-MM-DD, UTC; default today): date-dependent charges such as RDS Extended Support year 1–2 or year 3 are those in effect on it.",
        valueName: "date"))
    var pricingDate: String?

    func validate() throws {
        if EnvironmentSplit(argument: envFrom) == nil {
            Output.error("error: --env-from \(envFrom): expected workspace, module or tag:KEY (e.g. tag:Environment)")
            throw ExitCode(2)
        }
        if let pricingDate, Self.day(pricingDate) == nil {
            Output.error("error: --pricing-date \(pricingDate): expected a day as YYYY-MM-DD (e.g. 2026-12-01)")
            throw ExitCode(2)
        }
    }

    /// Midnight UTC of `text` (`YYYY-MM-DD`), or nil.
    static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard text.count == 10, let date = formatter.date(from: text), formatter.string(from: date) == text else { return nil }
        return date
    }

    /// The import options for the plan at `planPath` (its usage file read), or exit 2 on a bad usage file.
    func importOptions(planPath: String?, side: TerraformSide) throws -> TerraformImportOptions {
        var usage: TerraformUsage?
        if let path = usagePath ?? planPath.flatMap(TerraformUsage.discover(besidePlan:)) {
            do { usage = try TerraformUsage.read(contentsOf: path) } catch let error as PlanError {
                Output.error(error.description.replacingOccurrences(of: "in the plan.", with: "in the usage file."))
                throw ExitCode(2)
            }
        }
        return TerraformImportOptions(side: side, split: EnvironmentSplit(argument: envFrom) ?? .workspace,
                                      environment: Self.workspace(besidePlan: planPath), usage: usage,
                                      pricingDate: pricingDate.flatMap(Self.day) ?? Date())
    }

    /// The Terraform workspace: `$TF_WORKSPACE`, else `.terraform/environment` beside the plan or
    /// in the current folder (what `terraform workspace select` writes), else `default`.
    static func workspace(besidePlan planPath: String?) -> String {
        if let name = ProcessInfo.processInfo.environment["TF_WORKSPACE"], !name.isEmpty { return name }
        let folder = planPath.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        for candidate in [folder.isEmpty ? nil : "\(folder)/.terraform/environment", ".terraform/environment"].compactMap({ $0 }) {
            if let text = try? String(contentsOfFile: candidate, encoding: .utf8) {
                let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !name.isEmpty { return name }
            }
        }
        return "default"
    }
}

/// A plan argument that may be a costplan plan file or a Terraform plan: the `Plan` to price,
/// plus the Terraform report when it was a Terraform plan.
struct LoadedPlan {
    var plan: Plan
    var terraform: TerraformReport?
}

extension PlanSource {
    /// The plan's text (a file, or `git show REF:PATH`).
    func text() throws -> String {
        switch self {
        case let .file(path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw PlanReadError(message: "\(path): no such file",
                                    hint: "pass a plan file (.yaml, .yml or .json), a Terraform plan JSON, or REF:PATH to read one from git")
            }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw PlanReadError(message: "\(path): cannot read the file as UTF-8 text",
                                    hint: "a binary Terraform plan must be converted: terraform show -json tfplan > plan.json")
            }
            return text
        case let .git(ref, path):
            return try Self.gitShow(ref: ref, path: path)
        }
    }

    var name: String {
        switch self {
        case let .file(path): path
        case let .git(ref, path): "\(ref):\(path)"
        }
    }

    /// Reads the plan: a Terraform plan JSON becomes a plan through `TerraformImport` (the
    /// `side` state), anything else is parsed as a costplan plan file. Throws `PlanReadError`,
    /// `TerraformPlanError` or `PlanError`.
    func load(side: TerraformSide, terraform: TerraformOptions, requireTerraform: Bool = false) throws -> LoadedPlan {
        let text = try text()
        guard TerraformPlanReader.isTerraformJSON(text) || requireTerraform else {
            if side == .before {
                throw PlanReadError(message: "\(name): a costplan plan file has no before and after state",
                                    hint: "--before and a one-argument diff apply to Terraform plans (terraform show -json); diff needs BASE and HEAD plan files")
            }
            return LoadedPlan(plan: try plan())
        }
        let terraformPlan = try TerraformPlanReader.parse(text, file: name)
        var localPath: String?
        if case let .file(path) = self { localPath = path }
        let imported = TerraformImport(terraformPlan, options: try terraform.importOptions(planPath: localPath, side: side))
        return LoadedPlan(plan: try imported.plan(), terraform: imported.report)
    }
}
