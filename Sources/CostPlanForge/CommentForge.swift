import CostPlanHTTP

/// What posting a comment needs to know of a forge besides its API paths: its name, the longest
/// comment it takes, where its API root comes from in CI, how a token is sent and what it must
/// be allowed, and how to get one.
public struct CommentForge: Sendable {
    public var name: String
    /// The most characters a comment may have.
    public var limit: Int
    /// The CI variable holding the API root, and the public service's API root.
    public var apiURLVariable: String, defaultAPIURL: String
    /// The permission a token needs to post, for the hint of a 403.
    var permission: String
    /// The header that carries a token, and the headers every request sends besides.
    var tokenHeader: @Sendable (String) -> HTTPHeader
    var headers: [HTTPHeader] = []
    /// The hint for a missing token, given the variable it is read from.
    public var tokenHint: @Sendable (String) -> String

    public static let gitHub = CommentForge(
        name: "GitHub", limit: 65_536, apiURLVariable: "GITHUB_API_URL", defaultAPIURL: GitHubComments.defaultAPIURL,
        permission: "write access to pull requests (workflow `permissions: pull-requests: write`; a fine-grained token with Pull requests: Read and write)",
        tokenHeader: { HTTPHeader("Authorization", "Bearer \($0)") }, headers: [HTTPHeader("X-GitHub-Api-Version", "2022-11-28")],
        tokenHint: {
            "Set it to a token that may write pull request comments (GitHub Actions: `env: \($0): ${{ secrets.GITHUB_TOKEN }}`), or name another variable with --token-env."
        })

    public static let gitLab = CommentForge(
        name: "GitLab", limit: 1_000_000, apiURLVariable: "CI_API_V4_URL", defaultAPIURL: GitLabNotes.defaultAPIURL,
        permission: "the `api` scope and at least the Reporter role in the project (a project or personal access token; CI_JOB_TOKEN cannot post notes)",
        tokenHeader: { HTTPHeader("PRIVATE-TOKEN", $0) },
        tokenHint: { _ in
            "Set it to a project access token with the `api` scope (a masked CI/CD variable), or name another variable with --token-env."
        })
}
