import CostPlanForge

/// The pull or merge request `costplan comment github|gitlab` posts to, from the options or else
/// the CI's variables, then the post (`CommentRun.post`). A missing or malformed target is a usage
/// error built by `usageError` (the command line's own kind, so it prints with the usage).
public enum CommentTargets {
    /// What is wrong with `--pull-request` and `--repo`, if anything.
    public static func gitHubProblem(pullRequest: Int, repo: String?) -> String? {
        guard pullRequest > 0 else { return "--pull-request must be a positive number" }
        if let repo, !GitHubComments.isRepository(repo) { return "--repo \(repo): expected OWNER/REPO" }
        return nil
    }

    /// Posts to pull request `pullRequest` of `repo`, else of `$GITHUB_REPOSITORY`.
    public static func gitHub(repo: String?, pullRequest: Int, tokenEnv: String, apiURL: String?, bodyFile: String,
                              behavior: CommentPublisher.Behavior, dryRun: Bool, usageError: (String) -> any Error) async throws {
        guard let repository = CommentInput.option(repo, orEnvironment: "GITHUB_REPOSITORY") else {
            throw usageError("--repo OWNER/REPO is required (or $GITHUB_REPOSITORY)")
        }
        guard GitHubComments.isRepository(repository) else { throw usageError("$GITHUB_REPOSITORY \(repository): expected OWNER/REPO") }
        try await CommentRun.post(to: .gitHub, tokenEnv: tokenEnv, apiURL: apiURL, bodyFile: bodyFile,
                                  behavior: behavior, dryRun: dryRun) { token, url, transport in
            GitHubComments(repository: repository, pullRequest: pullRequest, token: token, tokenSource: "$\(tokenEnv)", apiURL: url,
                           transport: transport)
        }
    }

    /// Posts to merge request `mergeRequest` (else `$CI_MERGE_REQUEST_IID`) of `project` (else `$CI_PROJECT_ID`).
    public static func gitLab(project: String?, mergeRequest: Int?, tokenEnv: String, apiURL: String?, bodyFile: String,
                              behavior: CommentPublisher.Behavior, dryRun: Bool, usageError: (String) -> any Error) async throws {
        guard let project = CommentInput.option(project, orEnvironment: "CI_PROJECT_ID") else {
            throw usageError("--project ID|PATH is required (or $CI_PROJECT_ID)")
        }
        guard let mergeRequest = mergeRequest ?? CommentInput.option(nil, orEnvironment: "CI_MERGE_REQUEST_IID").flatMap({ Int($0) }),
              mergeRequest > 0 else {
            throw usageError("--merge-request N is required, a positive number (or $CI_MERGE_REQUEST_IID)")
        }
        try await CommentRun.post(to: .gitLab, tokenEnv: tokenEnv, apiURL: apiURL, bodyFile: bodyFile,
                                  behavior: behavior, dryRun: dryRun) { token, url, transport in
            GitLabNotes(project: project, mergeRequest: mergeRequest, token: token, tokenSource: "$\(tokenEnv)", apiURL: url,
                        transport: transport)
        }
    }
}
