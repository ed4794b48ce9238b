import Foundation

/// A plan argument read and resolved: the `Plan` to price, plus the Terraform report when the
/// source was a Terraform plan JSON (`terraform show -json`). The one way the command line and
/// the server turn what they are given into a plan.
public struct PlanInput: Sendable {
    public var plan: Plan
    /// What the Terraform mapping priced, left out or guessed; nil for a costplan plan file.
    public var terraform: TerraformReport?

    public init(plan: Plan, terraform: TerraformReport? = nil) {
        self.plan = plan
        self.terraform = terraform
    }

    /// Reads `source`: a Terraform plan JSON becomes a plan through `TerraformImport` (its
    /// `side` state), anything else is parsed as a costplan plan file (`requireTerraform`
    /// treats everything as Terraform JSON, so that other text gets the Terraform reader's
    /// error). Throws `PlanReadError`, `TerraformPlanError`, `UsageFileError` or `PlanError`.
    public static func load(_ source: PlanSource, side: TerraformSide = .after, options: TerraformInputOptions = .init(),
                            requireTerraform: Bool = false) throws -> PlanInput {
        let text = try source.text()
        guard TerraformPlanReader.isTerraformJSON(text) || requireTerraform else {
            if side == .before {
                throw PlanReadError(message: "\(source.name): a costplan plan file has no before and after state",
                                    hint: "--before and a one-argument diff apply to Terraform plans (terraform show -json); diff needs BASE and HEAD plan files")
            }
            // The text in hand is parsed as it is (the parser checks its size, as for a file).
            return PlanInput(plan: try PlanParser.parse(text, file: source.name))
        }
        let terraformPlan = try TerraformPlanReader.parse(text, file: source.name)
        let imported = TerraformImport(terraformPlan, options: try options.importOptions(planPath: source.localPath, side: side))
        return PlanInput(plan: try imported.plan(), terraform: imported.report)
    }

    /// Reads the plan file or Terraform plan JSON at `path`, as `load(_:side:options:requireTerraform:)`
    /// does, except that an unreadable file gets the plan parser's own "cannot read" `PlanError`
    /// (what `estimate`, `csv` and `capacity` report for a plan file).
    public static func load(path: String, side: TerraformSide = .after, options: TerraformInputOptions = .init(),
                            requireTerraform: Bool = false) throws -> PlanInput {
        if !requireTerraform, !FileManager.default.isReadableFile(atPath: path) {
            return PlanInput(plan: try PlanParser.parse(contentsOf: path))
        }
        return try load(.file(path), side: side, options: options, requireTerraform: requireTerraform)
    }
}

/// How a Terraform plan is read: the usage file, how resources split into environments, the
/// workspace and the day it is priced for.
public struct TerraformInputOptions: Sendable {
    /// The usage file; nil looks for one beside the plan (`TerraformUsage.discover(besidePlan:)`).
    public var usagePath: String?
    public var split: EnvironmentSplit
    /// The workspace (the default environment's name); nil reads it from `$TF_WORKSPACE` or
    /// `.terraform/environment` (see `workspace(besidePlan:)`).
    public var workspace: String?
    public var pricingDate: Date

    public init(usagePath: String? = nil, split: EnvironmentSplit = .workspace, workspace: String? = nil, pricingDate: Date = Date()) {
        self.usagePath = usagePath
        self.split = split
        self.workspace = workspace
        self.pricingDate = pricingDate
    }

    /// The import options for the plan at `planPath` (nil: not a local file), its usage file read.
    /// Throws `UsageFileError` for a usage file that cannot be read or is invalid.
    public func importOptions(planPath: String?, side: TerraformSide) throws -> TerraformImportOptions {
        var usage: TerraformUsage?
        if let path = usagePath ?? planPath.flatMap(TerraformUsage.discover(besidePlan:)) {
            do { usage = try TerraformUsage.read(contentsOf: path) } catch let error as PlanError {
                throw UsageFileError(underlying: error)
            }
        }
        return TerraformImportOptions(side: side, split: split, environment: workspace ?? Self.workspace(besidePlan: planPath),
                                      usage: usage, pricingDate: pricingDate)
    }

    /// The Terraform workspace: `$TF_WORKSPACE`, else `.terraform/environment` beside the plan or
    /// in the current folder (what `terraform workspace select` writes), else `default`.
    public static func workspace(besidePlan planPath: String?) -> String {
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

    /// Midnight UTC of `text` (`YYYY-MM-DD`), or nil.
    public static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard text.count == 10, let date = formatter.date(from: text), formatter.string(from: date) == text else { return nil }
        return date
    }
}

/// A usage file that cannot be read or is invalid: the `PlanError`'s problems, said of the usage file.
public struct UsageFileError: Error, Sendable, CustomStringConvertible {
    public var underlying: PlanError

    public var description: String {
        underlying.description.replacingOccurrences(of: "in the plan.", with: "in the usage file.")
    }
}
