import CostPlanForge
import CostPlanHTTP

/// `costplan comment github|gitlab`: reads the body, the token and the API root, then publishes
/// the comment, printing each action. Bad input exits 2; a failed request exits 1.
public enum CommentRun {
    /// Posts to GitHub pull request `pullRequest` of `repository` (OWNER/REPO), with the token in
    /// `$tokenEnv` and the API root `apiURL`, else `$GITHUB_API_URL`, else `GitHubComments.defaultAPIURL`.
    public static func gitHub(repository: String, pullRequest: Int, tokenEnv: String, apiURL: String?,
                              bodyFile: String, behavior: CommentPublisher.Behavior, dryRun: Bool) async throws {
        try await post(bodyFile: bodyFile, behavior: behavior, dryRun: dryRun, forge: "GitHub", limit: 65_536, tokenEnv: tokenEnv,
            tokenHint: "Set it to a token that may write pull request comments (GitHub Actions: `env: \(tokenEnv): ${{ secrets.GITHUB_TOKEN }}`), or name another variable with --token-env.",
            apiURL: apiURL, variable: "GITHUB_API_URL", fallback: GitHubComments.defaultAPIURL) { token, url, transport in
            GitHubComments(repository: repository, pullRequest: pullRequest, token: token, tokenSource: "$\(tokenEnv)", apiURL: url,
                           transport: transport)
        }
    }

    /// Posts to GitLab merge request `mergeRequest` of `project` (ID or path), with the token in
    /// `$tokenEnv` and the API root `apiURL`, else `$CI_API_V4_URL`, else `GitLabNotes.defaultAPIURL`.
    public static func gitLab(project: String, mergeRequest: Int, tokenEnv: String, apiURL: String?,
                              bodyFile: String, behavior: CommentPublisher.Behavior, dryRun: Bool) async throws {
        try await post(bodyFile: bodyFile, behavior: behavior, dryRun: dryRun, forge: "GitLab", limit: 1_000_000, tokenEnv: tokenEnv,
            tokenHint: "Set it to a project access token with the `api` scope (a masked CI/CD variable), or name another variable with --token-env.",
            apiURL: apiURL, variable: "CI_API_V4_URL", fallback: GitLabNotes.defaultAPIURL) { token, url, transport in
            GitLabNotes(project: project, mergeRequest: mergeRequest, token: token, tokenSource: "$\(tokenEnv)", apiURL: url,
                        transport: transport)
        }
    }

    /// Reads the body from `bodyFile` (at most `limit` characters), the token from `$tokenEnv` and
    /// the API root (`apiURL`, else `$variable`, else `fallback`), then publishes with the comments
    /// `make` builds from the token, the URL and a transport.
    static func post(bodyFile: String, behavior: CommentPublisher.Behavior, dryRun: Bool, forge: String, limit: Int,
                            tokenEnv: String, tokenHint: String, apiURL option: String?, variable: String, fallback: String,
                            make: @escaping @Sendable (String?, String, HTTPTransport) -> any ForgeComments) async throws {
        let body = try checked { try CommentInput.body(file: bodyFile, limit: limit, forge: forge) }
        let token = try checked {
            try CommentInput.token(from: tokenEnv, dryRun: dryRun, hint: tokenHint, note: { Output.error($0) })
        }
        let url = try checked { try CommentInput.apiURL(option, variable: variable, fallback: fallback) }
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
