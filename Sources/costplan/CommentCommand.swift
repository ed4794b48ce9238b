import ArgumentParser
import CostPlanConsole
import CostPlanForge
import CostPlanHTTP
import Foundation

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
            (no token, an unreadable or empty body, a bad option). The token is sent only in a request header \
            and never printed.

              costplan diff origin/main:infra/costplan.yaml infra/costplan.yaml --format markdown \\
                | costplan comment github --repo octo/app --pull-request 12 --body-file -
            """,
        subcommands: [GitHub.self, GitLab.self]
    )

    /// The options both forges share.
    struct Common: ParsableArguments {
        @Option(name: .customLong("body-file"), help: ArgumentHelp(
            "The comment's Markdown: a file, or - for standard input.", valueName: "file|-"))
        var bodyFile: String

        @Option(help: ArgumentHelp(
            "update: edit the marked comment, else create it; new: always add one; delete-and-new: delete the marked comments, then add one.",
            valueName: "update|new|delete-and-new"))
        var behavior: CommentPublisher.Behavior = .update

        @Flag(name: .customLong("dry-run"), help: "Read the comments and print what would be created, edited or deleted, without writing.")
        var dryRun = false

        /// The body, or an error on standard error and exit 2.
        func readBody(limit: Int?, forge: String) throws -> String {
            let data: Data
            if bodyFile == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let read = FileManager.default.contents(atPath: bodyFile) else {
                    Output.error("\(bodyFile): error: cannot read the comment body (--body-file)")
                    throw ExitCode(2)
                }
                data = read
            }
            let source = bodyFile == "-" ? "standard input" : bodyFile
            guard let body = String(data: data, encoding: .utf8) else {
                Output.error("\(source): error: the comment body is not UTF-8 text")
                throw ExitCode(2)
            }
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                Output.error("\(source): error: the comment body is empty (did the command before the pipe fail? its error is above); nothing was posted")
                throw ExitCode(2)
            }
            if let limit, body.count > limit {
                Output.error("\(source): error: the comment has \(body.count) characters; \(forge) accepts at most \(limit) (try --env to diff fewer environments)")
                throw ExitCode(2)
            }
            return body
        }
    }

    /// The token from the environment variable `name`, or nil; without one, only a dry run goes on.
    static func token(from name: String, dryRun: Bool, hint: String) throws -> String? {
        if let token = ProcessInfo.processInfo.environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            return token
        }
        if dryRun {
            Output.error("costplan: note: $\(name) is not set; the dry run reads the comments without a token")
            return nil
        }
        Output.error("error: no token: $\(name) is not set or empty. \(hint)")
        throw ExitCode(2)
    }

    /// `--api-url`, else the environment variable `variable`, else `fallback`; must be http(s).
    static func apiURL(_ option: String?, variable: String, fallback: String) throws -> String {
        let url = option ?? ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
              components.host?.isEmpty == false else {
            Output.error("error: --api-url \(url): not an http:// or https:// URL (from \(option == nil ? "$\(variable)" : "--api-url"))")
            throw ExitCode(2)
        }
        return url
    }

    /// Publishes with `comments`, printing each action; a failed request exits 1.
    static func publish(_ body: String, common: Common, comments: any ForgeComments) async throws {
        let publisher = CommentPublisher(comments: comments)
        let actions: [CommentPublisher.Action]
        do { actions = try await publisher.publish(body, behavior: common.behavior, dryRun: common.dryRun) } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        var lines: [String] = []
        for action in actions {
            switch action {
            case let .created(comment): lines.append("created comment \(comment.id) on \(comments.target)\(comment.webURL.map { ": \($0)" } ?? "")")
            case let .updated(comment): lines.append("updated comment \(comment.id) on \(comments.target)\(comment.webURL.map { ": \($0)" } ?? "")")
            case let .unchanged(comment): lines.append("comment \(comment.id) on \(comments.target) is already up to date")
            case let .deleted(id): lines.append("deleted comment \(id) on \(comments.target)")
            case let .wouldSend(request): lines.append("dry run: would send \(request)")
            }
        }
        if common.dryRun { lines.append("dry run: nothing was written to \(comments.target)") }
        Output.write(lines.joined(separator: "\n") + "\n")
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

        @Option(name: .customLong("pull-request"), help: ArgumentHelp("The pull request number.", valueName: "n"))
        var pullRequest: Int

        @OptionGroup var common: Common

        @Option(name: .customLong("token-env"), help: ArgumentHelp("The environment variable holding the token.", valueName: "name"))
        var tokenEnv = "GITHUB_TOKEN"

        @Option(name: .customLong("api-url"), help: ArgumentHelp(
            "The REST API root. Default: $GITHUB_API_URL (set by GitHub Actions, e.g. https://HOST/api/v3 on Enterprise Server), else https://api.github.com.",
            valueName: "url"))
        var apiURL: String?

        func validate() throws {
            guard pullRequest > 0 else { throw ValidationError("--pull-request must be a positive number") }
            if let repo, !GitHubComments.isRepository(repo) { throw ValidationError("--repo \(repo): expected OWNER/REPO") }
        }

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            guard let repository = repo ?? environment["GITHUB_REPOSITORY"].flatMap({ $0.isEmpty ? nil : $0 }) else {
                throw ValidationError("--repo OWNER/REPO is required (or $GITHUB_REPOSITORY)")
            }
            guard GitHubComments.isRepository(repository) else { throw ValidationError("$GITHUB_REPOSITORY \(repository): expected OWNER/REPO") }
            let body = try common.readBody(limit: 65_536, forge: "GitHub")
            let token = try CommentCommand.token(from: tokenEnv, dryRun: common.dryRun,
                hint: "Set it to a token that may write pull request comments (GitHub Actions: `env: \(tokenEnv): ${{ secrets.GITHUB_TOKEN }}`), or name another variable with --token-env.")
            let url = try CommentCommand.apiURL(apiURL, variable: "GITHUB_API_URL", fallback: GitHubComments.defaultAPIURL)
            try await HTTPTransport.with { transport in
                let comments = GitHubComments(repository: repository, pullRequest: pullRequest, token: token,
                                              tokenSource: "$\(tokenEnv)", apiURL: url, transport: transport)
                try await CommentCommand.publish(body, common: common, comments: comments)
            }
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

        @Option(name: .customLong("merge-request"), help: ArgumentHelp("The merge request IID (the !N number). Default: $CI_MERGE_REQUEST_IID.", valueName: "n"))
        var mergeRequest: Int?

        @OptionGroup var common: Common

        @Option(name: .customLong("token-env"), help: ArgumentHelp("The environment variable holding the token.", valueName: "name"))
        var tokenEnv = "GITLAB_TOKEN"

        @Option(name: .customLong("api-url"), help: ArgumentHelp(
            "The REST API root. Default: $CI_API_V4_URL (set by GitLab CI), else https://gitlab.com/api/v4.", valueName: "url"))
        var apiURL: String?

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            guard let project = project ?? environment["CI_PROJECT_ID"].flatMap({ $0.isEmpty ? nil : $0 }) else {
                throw ValidationError("--project ID|PATH is required (or $CI_PROJECT_ID)")
            }
            guard let mergeRequest = mergeRequest ?? environment["CI_MERGE_REQUEST_IID"].flatMap({ Int($0) }), mergeRequest > 0 else {
                throw ValidationError("--merge-request N is required, a positive number (or $CI_MERGE_REQUEST_IID)")
            }
            let body = try common.readBody(limit: 1_000_000, forge: "GitLab")
            let token = try CommentCommand.token(from: tokenEnv, dryRun: common.dryRun,
                hint: "Set it to a project access token with the `api` scope (a masked CI/CD variable), or name another variable with --token-env.")
            let url = try CommentCommand.apiURL(apiURL, variable: "CI_API_V4_URL", fallback: GitLabNotes.defaultAPIURL)
            try await HTTPTransport.with { transport in
                let notes = GitLabNotes(project: project, mergeRequest: mergeRequest, token: token,
                                        tokenSource: "$\(tokenEnv)", apiURL: url, transport: transport)
                try await CommentCommand.publish(body, common: common, comments: notes)
            }
        }
    }
}

extension CommentPublisher.Behavior: ExpressibleByArgument {}
