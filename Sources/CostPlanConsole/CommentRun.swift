import CostPlanForge
import CostPlanHTTP

/// `costplan comment github|gitlab`: reads the body, the token and the API root, then publishes
/// the comment, printing each action. Bad input exits 2; a failed request exits 1.
public enum CommentRun {
    /// Reads the body from `bodyFile` (at most the forge's limit), the token from `$tokenEnv` and the
    /// API root (`apiURL`, else the forge's CI variable, else its public API root), then publishes
    /// with the comments `make` builds from the token, the URL and a transport.
    public static func post(to forge: CommentForge, tokenEnv: String, apiURL option: String?, bodyFile: String,
                            behavior: CommentPublisher.Behavior, dryRun: Bool,
                            make: @escaping @Sendable (String?, String, HTTPTransport) -> any ForgeComments) async throws {
        let body = try checked { try CommentInput.body(file: bodyFile, limit: forge.limit, forge: forge.name) }
        let token = try checked {
            try CommentInput.token(from: tokenEnv, dryRun: dryRun, hint: forge.tokenHint(tokenEnv), note: { Output.error($0) })
        }
        let url = try checked { try CommentInput.apiURL(option, variable: forge.apiURLVariable, fallback: forge.defaultAPIURL) }
        try await HTTPTransport.with { transport in
            try await publish(body, behavior: behavior, dryRun: dryRun, comments: make(token, url, transport))
        }
    }

    /// `read()`, or its `CommentInputError` as a failure with exit status 2.
    static func checked<T>(_ read: () throws -> T) throws -> T {
        do { return try read() } catch let error as CommentInputError {
            throw CommandFailure(error.description, status: 2)
        }
    }

    /// Publishes with `comments`, printing each action; a failed request exits 1.
    static func publish(_ body: String, behavior: CommentPublisher.Behavior, dryRun: Bool, comments: any ForgeComments) async throws {
        let publisher = CommentPublisher(comments: comments)
        let actions: [CommentPublisher.Action]
        do { actions = try await publisher.publish(body, behavior: behavior, dryRun: dryRun) } catch {
            throw CommandFailure("\(error)", status: 1)
        }
        var lines = actions.map { $0.line(on: comments.target) }
        if dryRun { lines.append("dry run: nothing was written to \(comments.target)") }
        Output.write(lines.joined(separator: "\n") + "\n")
    }
}
