import CostPlan
import Foundation

/// Where `costplan diff` reads one side's plan from: a file, or `REF:PATH` read from git with
/// `git show REF:PATH` (e.g. `origin/main:infra/costplan.yaml`).
enum PlanSource {
    case file(String)
    case git(ref: String, path: String)

    /// An existing file is a file; otherwise `REF:PATH` (text on both sides of a colon) is git.
    init(_ argument: String) {
        if FileManager.default.fileExists(atPath: argument) { self = .file(argument); return }
        if let colon = argument.firstIndex(of: ":"), colon != argument.startIndex, argument.index(after: colon) != argument.endIndex {
            self = .git(ref: String(argument[..<colon]), path: String(argument[argument.index(after: colon)...]))
        } else {
            self = .file(argument)
        }
    }

    /// Reads and parses the plan; throws `PlanReadError` (no such file, a bad ref or path) or
    /// `PlanError` (an invalid plan).
    func plan() throws -> Plan {
        switch self {
        case let .file(path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw PlanReadError(message: "\(path): no such file",
                                    hint: "pass a plan file (.yaml, .yml or .json), or REF:PATH to read one from git")
            }
            return try PlanParser.parse(contentsOf: path)
        case let .git(ref, path):
            return try PlanParser.parse(try Self.gitShow(ref: ref, path: path), file: "\(ref):\(path)")
        }
    }

    /// The text of `PATH` at `REF`, via `git show` in the current directory.
    static func gitShow(ref: String, path: String) throws -> String {
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

/// A plan that cannot be read: no such file, or `git show` failed (a bad ref or path, no git).
struct PlanReadError: Error, CustomStringConvertible {
    var message: String
    var hint: String?

    var description: String { message + (hint.map { "\n    hint: \($0)" } ?? "") }
}

/// Standard error of `git show`, filled by a background read (the group's wait orders access).
private final class ErrorOutput: @unchecked Sendable {
    var data = Data()
}
