import Foundation

/// Reads one file of a git revision with `git show REF:PATH` in the current directory.
enum GitShow {
    /// The text of `PATH` at `REF`; throws `PlanReadError` naming `REF:PATH`.
    static func text(ref: String, path: String) throws -> String {
        let name = "\(ref):\(path)"
        func failure(_ message: String, _ hint: String?) -> PlanReadError {
            PlanReadError(message: "\(name): \(message)", hint: hint)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", "--no-textconv", "--end-of-options", name]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw failure("cannot run git to read \(name)", "install git, or pass a plan file instead of REF:PATH")
        }
        // Read stderr in the background so neither pipe can fill up and block git.
        let errors = ErrorOutput(), group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.data, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
            throw failure("cannot read the plan from git: \(message.isEmpty ? "git show failed" : message)",
                          "check the ref (`git fetch` it first in CI) and that PATH is relative to the repository root, "
                          + "e.g. origin/main:infra/costplan.yaml")
        }
        guard data.count <= PlanDocument.maxBytes else {
            throw failure("the plan is \(data.count) bytes; plans are limited to \(PlanDocument.maxBytes) bytes", nil)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw failure("the plan is not UTF-8 text", "save the plan as UTF-8")
        }
        return text
    }
}

/// Standard error of `git show`, filled by a background read (the group's wait orders access).
private final class ErrorOutput: @unchecked Sendable {
    var data = Data()
}
