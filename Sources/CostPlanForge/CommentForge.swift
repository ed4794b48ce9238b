/// What posting a comment needs to know of a forge besides its API: its name, the longest comment
/// it takes, where its API root comes from in CI, and how to get a token that may post.
public struct CommentForge: Sendable {
    public var name: String
    /// The most characters a comment may have.
    public var limit: Int
    /// The CI variable holding the API root, and the public service's API root.
    public var apiURLVariable: String, defaultAPIURL: String
    /// The hint for a missing token, given the variable it is read from.
    public var tokenHint: @Sendable (String) -> String

    public static let gitHub = CommentForge(name: "GitHub", limit: 65_536, apiURLVariable: "GITHUB_API_URL",
                                            defaultAPIURL: GitHubComments.defaultAPIURL) {
        "Set it to a token that may write pull request comments (GitHub Actions: `env: \($0): ${{ secrets.GITHUB_TOKEN }}`), or name another variable with --token-env."
    }

    public static let gitLab = CommentForge(name: "GitLab", limit: 1_000_000, apiURLVariable: "CI_API_V4_URL",
                                            defaultAPIURL: GitLabNotes.defaultAPIURL) { _ in
        "Set it to a project access token with the `api` scope (a masked CI/CD variable), or name another variable with --token-env."
    }
}
