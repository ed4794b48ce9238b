import Foundation

/// What `costplan comment` reads before it posts: the body, the token and the API root, each
/// checked with a message that says what is wrong and how to fix it (`CommentInputError`).
public enum CommentInput {
    /// The comment body from `file` (`-`: standard input): UTF-8, not empty, at most `limit`
    /// characters (what `forge` accepts).
    public static func body(file: String, limit: Int?, forge: String) throws -> String {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: file) else {
                throw CommentInputError("\(file): error: cannot read the comment body (--body-file)")
            }
            data = read
        }
        let source = file == "-" ? "standard input" : file
        guard let body = String(data: data, encoding: .utf8) else {
            throw CommentInputError("\(source): error: the comment body is not UTF-8 text")
        }
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CommentInputError("\(source): error: the comment body is empty (did the command before the pipe fail? its error is above); nothing was posted")
        }
        if let limit, body.count > limit {
            throw CommentInputError("\(source): error: the comment has \(body.count) characters; \(forge) accepts at most \(limit) (try --env to diff fewer environments)")
        }
        return body
    }

    /// The token in the environment variable `name`, or nil when a dry run goes on without one
    /// (`note` hears why); without one otherwise, an error with `hint`.
    public static func token(from name: String, dryRun: Bool, hint: String, note: (String) -> Void) throws -> String? {
        if let token = ProcessInfo.processInfo.environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            return token
        }
        guard dryRun else { throw CommentInputError("error: no token: $\(name) is not set or empty. \(hint)") }
        note("costplan: note: $\(name) is not set; the dry run reads the comments without a token")
        return nil
    }

    /// `--api-url`, else the environment variable `variable`, else `fallback`; must be http(s).
    public static func apiURL(_ option: String?, variable: String, fallback: String) throws -> String {
        let url = option ?? ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
              components.host?.isEmpty == false else {
            throw CommentInputError("error: --api-url \(url): not an http:// or https:// URL (from \(option == nil ? "$\(variable)" : "--api-url"))")
        }
        return url
    }

    /// A value given by option, else by the environment variable `variable` (empty counts as unset).
    public static func option(_ value: String?, orEnvironment variable: String) -> String? {
        value ?? ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A comment input that cannot be used; the description is the whole message.
public struct CommentInputError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension CommentPublisher.Action {
    /// `created comment 42 on octo/app pull request #12: https://…`, for the command's output.
    public func line(on target: String) -> String {
        switch self {
        case let .created(comment): "created comment \(comment.id) on \(target)\(comment.webURL.map { ": \($0)" } ?? "")"
        case let .updated(comment): "updated comment \(comment.id) on \(target)\(comment.webURL.map { ": \($0)" } ?? "")"
        case let .unchanged(comment): "comment \(comment.id) on \(target) is already up to date"
        case let .deleted(id): "deleted comment \(id) on \(target)"
        case let .wouldSend(request): "dry run: would send \(request)"
        }
    }
}
