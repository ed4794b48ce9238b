import CostPlanForge

/// The pull or merge request `costplan comment github|gitlab` posts to, from the options or else
/// the CI's variables, then the post (`CommentRun.post`). The `…Problem` checks run in the
/// commands' `validate()`, so a missing or malformed target prints with the subcommand's usage.
public enum CommentTargets {
    /// The repository: `--repo`, else `$GITHUB_REPOSITORY`.
    static func gitHubRepository(_ repo: String?) -> String? {
        CommentInput.option(repo, orEnvironment: "GITHUB_REPOSITORY")
    }

    /// The merge request: `--merge-request`, else `$CI_MERGE_REQUEST_IID`.
    static func gitLabMergeRequest(_ mergeRequest: Int?) -> Int? {
        mergeRequest ?? CommentInput.option(nil, orEnvironment: "CI_MERGE_REQUEST_IID").flatMap { Int($0) }
    }

    /// What is wrong with `--pull-request` and `--repo` (or `$GITHUB_REPOSITORY`), if anything.
    public static func gitHubProblem(pullRequest: Int, repo: String?) -> String? {
        guard pullRequest > 0 else { return "--pull-request must be a positive number" }
        if let repo, !GitHubComments.isRepository(repo) { return "--repo \(repo): expected OWNER/REPO" }
        guard let repository = gitHubRepository(repo) else { return "--repo OWNER/REPO is required (or $GITHUB_REPOSITORY)" }
        guard GitHubComments.isRepository(repository) else { return "$GITHUB_REPOSITORY \(repository): expected OWNER/REPO" }
        return nil
    }

    /// What is wrong with `--project` and `--merge-request` (or `$CI_PROJECT_ID`, `$CI_MERGE_REQUEST_IID`), if anything.
    public static func gitLabProblem(project: String?, mergeRequest: Int?) -> String? {
        guard CommentInput.option(project, orEnvironment: "CI_PROJECT_ID") != nil else {
            return "--project ID|PATH is required (or $CI_PROJECT_ID)"
        }
        guard let mergeRequest = gitLabMergeRequest(mergeRequest), mergeRequest > 0 else {
            return "--merge-request N is required, a positive number (or $CI_MERGE_REQUEST_IID)"
        }
        return nil
    }

    /// Posts to pull request `pullRequest` of `repo`, else of `$GITHUB_REPOSITORY` (checked by `gitHubProblem`).
    public static func gitHub(repo: String?, pullRequest: Int, tokenEnv: String, apiURL: String?, bodyFile: String,
                              behavior: CommentPublisher.Behavior, dryRun: Bool) async throws {
        if let problem = gitHubProblem(pullRequest: pullRequest, repo: repo) {
            throw CommandFailure("error: \(problem)", status: 2)
        }
        let repository = gitHubRepository(repo) ?? ""
        try await CommentRun.post(to: .gitHub, tokenEnv: tokenEnv, apiURL: apiURL, bodyFile: bodyFile,
                                  behavior: behavior, dryRun: dryRun) { token, url, transport in
            GitHubComments(repository: repository, pullRequest: pullRequest, token: token, tokenSource: "$\(tokenEnv)",
                           apiURL: url, transport: transport)
        }
    }

    /// Posts to merge request `mergeRequest` (else `$CI_MERGE_REQUEST_IID`) of `project` (else
    /// `$CI_PROJECT_ID`), checked by `gitLabProblem`.
    public static func gitLab(project: String?, mergeRequest: Int?, tokenEnv: String, apiURL: String?, bodyFile: String,
                              behavior: CommentPublisher.Behavior, dryRun: Bool) async throws {
        if let problem = gitLabProblem(project: project, mergeRequest: mergeRequest) {
            throw CommandFailure("error: \(problem)", status: 2)
        }
        let project = CommentInput.option(project, orEnvironment: "CI_PROJECT_ID") ?? ""
        let mergeRequest = gitLabMergeRequest(mergeRequest) ?? 0
        try await CommentRun.post(to: .gitLab, tokenEnv: tokenEnv, apiURL: apiURL, bodyFile: bodyFile,
                                  behavior: behavior, dryRun: dryRun) { token, url, transport in
            GitLabNotes(project: project, mergeRequest: mergeRequest, token: token, tokenSource: "$\(tokenEnv)", apiURL: url,
                        transport: transport)
        }
    }
}
