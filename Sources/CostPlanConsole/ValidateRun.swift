import CostPlan
import Foundation

/// `costplan validate`: checks plan files and Terraform plans without pricing them, one line per
/// valid file and every problem on standard error; any invalid file exits 2.
public enum ValidateRun {
    /// Checks the plan files among `planPaths` (files, or folders of them).
    public static func run(planPaths: [String], options: TerraformInputOptions) throws {
        var failed = false
        var paths: [String] = []
        for path in planPaths {
            // A path that does not exist is kept, so that checking it reports it as unreadable.
            guard FileManager.default.fileExists(atPath: path) else { paths.append(path); continue }
            let scan = PlanFiles.scan([path])
            for warning in scan.warnings { Output.error(warning) }
            paths += scan.files
        }
        if paths.isEmpty {
            throw CommandFailure("costplan: error: no plan files in \(planPaths.joined(separator: ", "))", status: 2)
        }
        for path in paths {
            do { Output.write("\(path): ok — \(try PlanInput.check(path: path, options: options))\n") } catch {
                Output.error("\(error)")
                failed = true
            }
        }
        if failed { throw CommandFailure(status: 2) }
    }

    /// `costplan import terraform`: prints the plan file equivalent to the Terraform plan at `planPath`
    /// and, on standard error, what was priced; a plan that cannot be imported exits 2 (nothing printed).
    public static func importTerraform(planPath: String, side: TerraformSide, options: TerraformInputOptions) throws {
        let imported = try CommandFailure.mapping(status: 2) {
            let plan = try TerraformPlanReader.read(contentsOf: planPath)
            let imported = TerraformImport(plan, options: try options.importOptions(planPath: planPath, side: side))
            _ = try imported.plan()
            return imported
        }
        Output.write(imported.planText)
        let report = imported.report
        Output.error("costplan: \(report.priced.count) resources priced; \(report.notPriced.count) not priced, "
                     + "\(report.unresolved.count) waiting for values known after apply, \(report.free.count) free "
                     + "(listed at the end of the plan file).")
    }
}
