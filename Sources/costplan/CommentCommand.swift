import ArgumentParser
import CostPlanConsole
import CostPlanForge

/// `costplan comment github|gitlab`: posts a report (usually `costplan diff --format markdown`)
/// as the one marked comment of a pull or merge request.
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Post or update the cost comment of a GitHub pull request or a GitLab merge request.",
        discussion: """
            Reads the comment (e.g. `costplan diff BASE HEAD --format markdown`) from --body-file, or from \
            standard input with `--body-file -`, and finds the comments whose first line is the marker \
            \(CommentPublisher.defaultMarker) (the first line of the markdown diff; added when the body lacks it) \
            across every page of the thread. --behavior update (default) edits the latest of them, or creates \
            one; new always adds one; delete-and-new deletes them all and adds one.

            Exit status: 0 posted (or nothing to change); 1 a request failed (the message names it: the token \
            was rejected, no permission, not found, rate limit with its reset time, server error); 2 bad input \
            (no token, an unreadable or empty body); 64 a usage error (a missing pull or merge request, repository \
            or project, a bad option), printed with the subcommand's usage. The token is sent only in a request \
            header and never printed.

              costplan diff origin/main:infra/costplan.yaml infra/costplan.yaml --format markdown \\
                | costplan comment github --repo octo/app --pull-request 12 --body-file -
            """,
        subcommands: [GitHub.self, GitLab.self]
    )

    /// The options both forges share.
    struct Common: ParsableArguments {
        @Option(help: ArgumentHelp("The comment's Markdown: a file, or - for standard input.", valueName: "file|-"))
        var bodyFile: String

        @Option(help: ArgumentHelp(
            "update: edit the marked comment, else create it; new: always add one; delete-and-new: delete the marked comments, then add one.",
            valueName: "update|new|delete-and-new"))
        var behavior: CommentPublisher.Behavior = .update

        @Flag(help: "Read the comments and print what would be created, edited or deleted, without writing.")
        var dryRun = false
    }

    struct GitHub: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "github",
            abstract: "Post or update the comment on a GitHub pull request.",
            discussion: """
                The token (GitHub Actions: `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` with \
                `permissions: pull-requests: write`) is read from $GITHUB_TOKEN, or the variable --token-env names.
                """)

        @Option(help: ArgumentHelp("The repository, OWNER/REPO. Default: $GITHUB_REPOSITORY.", valueName: "owner/repo"))
        var repo: String?

        @Option(help: ArgumentHelp("The pull request number.", valueName: "n"))
        var pullRequest: Int

        @OptionGroup var common: Common

        @Option(help: ArgumentHelp("The environment variable holding the token.", valueName: "name"))
        var tokenEnv = "GITHUB_TOKEN"

        @Option(help: ArgumentHelp(
            "The REST API root. Default: $GITHUB_API_URL (set by GitHub Actions, e.g. https://HOST/api/v3 on Enterprise Server), else https://api.github.com.",
            valueName: "url"))
        var apiURL: String?

        func validate() throws {
            if let problem = CommentTargets.gitHubProblem(pullRequest: pullRequest, repo: repo) { throw ValidationError(problem) }
        }

        func run() async throws {
            try await CommentTargets.gitHub(repo: repo, pullRequest: pullRequest, tokenEnv: tokenEnv, apiURL: apiURL, bodyFile: common.bodyFile,
                                            behavior: common.behavior, dryRun: common.dryRun)
        }
    }

    struct GitLab: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gitlab",
            abstract: "Post or update the note on a GitLab merge request.",
            discussion: """
                The token (a project or personal access token with the `api` scope, at least Reporter; \
                CI_JOB_TOKEN cannot post notes) is read from $GITLAB_TOKEN, or the variable --token-env names.
                """)

        @Option(help: ArgumentHelp("The project: numeric ID or group/project path. Default: $CI_PROJECT_ID.", valueName: "id|path"))
        var project: String?

        @Option(help: ArgumentHelp("The merge request IID (the !N number). Default: $CI_MERGE_REQUEST_IID.", valueName: "n"))
        var mergeRequest: Int?

        @OptionGroup var common: Common

        @Option(help: ArgumentHelp("The environment variable holding the token.", valueName: "name"))
        var tokenEnv = "GITLAB_TOKEN"

        @Option(help: ArgumentHelp(
            "The REST API root. Default: $CI_API_V4_URL (set by GitLab CI), else https://gitlab.com/api/v4.", valueName: "url"))
        var apiURL: String?

        func validate() throws {
            if let problem = CommentTargets.gitLabProblem(project: project, mergeRequest: mergeRequest) { throw ValidationError(problem) }
        }

        func run() async throws {
            try await CommentTargets.gitLab(project: project, mergeRequest: mergeRequest, tokenEnv: tokenEnv, apiURL: apiURL,
                                            bodyFile: common.bodyFile, behavior: common.behavior, dryRun: common.dryRun)
        }
    }
}

extension CommentPublisher.Behavior: ExpressibleByArgument {}
