import Foundation

/// Where a plan is read from: a file, `REF:PATH` read from git with `git show REF:PATH` (e.g.
/// `origin/main:infra/costplan.yaml`), or text already in hand (a request body). The text may
/// be a costplan plan file or a Terraform plan JSON; `PlanInput` tells them apart.
public enum PlanSource: Sendable, Equatable {
    case file(String)
    case git(ref: String, path: String)
    /// Text received some other way (e.g. an HTTP request body), named `name` in messages.
    case text(String, name: String)

    /// A command-line argument: an existing file is a file; otherwise `REF:PATH` (text on both
    /// sides of a colon) is git; anything else is a file (that will be reported missing).
    public init(argument: String) {
        if FileManager.default.fileExists(atPath: argument) { self = .file(argument); return }
        if let colon = argument.firstIndex(of: ":"), colon != argument.startIndex, argument.index(after: colon) != argument.endIndex {
            self = .git(ref: String(argument[..<colon]), path: String(argument[argument.index(after: colon)...]))
        } else {
            self = .file(argument)
        }
    }

    /// The name messages use: the path, `REF:PATH`, or the given name.
    public var name: String {
        switch self {
        case let .file(path): path
        case let .git(ref, path): "\(ref):\(path)"
        case let .text(_, name): name
        }
    }

    /// The local file, when the source is one (usage files and the workspace are looked up beside it).
    public var localPath: String? {
        if case let .file(path) = self { return path }
        return nil
    }

    /// The source's text; throws `PlanReadError` (no such file, not UTF-8, a bad ref or path).
    public func text() throws -> String {
        switch self {
        case let .file(path):
            try Self.requireFile(path, hint: "pass a plan file (.yaml, .yml or .json), a Terraform plan JSON, or REF:PATH to read one from git")
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw PlanReadError(message: "\(path): cannot read the file as UTF-8 text",
                                    hint: "a binary Terraform plan must be converted: terraform show -json tfplan > plan.json")
            }
            return text
        case let .git(ref, path):
            return try GitShow.text(ref: ref, path: path)
        case let .text(text, _):
            return text
        }
    }

    /// Reads and parses a costplan plan file; throws `PlanReadError` or `PlanError` (an invalid plan).
    public func plan() throws -> Plan {
        switch self {
        case let .file(path):
            try Self.requireFile(path, hint: "pass a plan file (.yaml, .yml or .json), or REF:PATH to read one from git")
            return try PlanParser.parse(contentsOf: path)
        case .git, .text:
            return try PlanParser.parse(try text(), file: name)
        }
    }

    /// Throws "no such file" unless `path` is an existing file (not a folder).
    private static func requireFile(_ path: String, hint: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw PlanReadError(message: "\(path): no such file", hint: hint)
        }
    }
}

/// A plan that cannot be read: no such file, or `git show` failed (a bad ref or path, no git).
public struct PlanReadError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?

    public init(message: String, hint: String?) {
        self.message = message
        self.hint = hint
    }

    public var description: String { message + (hint.map { "\n    hint: \($0)" } ?? "") }
}
