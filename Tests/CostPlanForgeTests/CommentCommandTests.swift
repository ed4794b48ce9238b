import CostPlanTestSupport
import Foundation
import Testing

/// `costplan comment` run as a process, fed by `costplan diff --format markdown` on standard input.
@Suite(.serialized)
struct CommentCommandTests {
    /// Runs the built costplan off Swift's cooperative threads (the fake forge needs them).
    static func costplan(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil) async throws -> CostplanProcess.Result {
        guard let executable = CostplanProcess.executable else { throw CostplanProcess.NotBuilt() }
        var env = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.appendingPathComponent("costplan-comment-home").path,
                   "COSTPLAN_PRICING_DIR": TestRepository.root.appendingPathComponent("pricing").path,
                   "COSTPLAN_CATALOG": FileManager.default.temporaryDirectory.appendingPathComponent("costplan-comment-\(getpid()).sqlite").path]
        env.merge(environment) { $1 }
        let environment = env
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try CostplanProcess.run(executable, arguments, in: TestRepository.root, environment: environment, input: input)
                })
            }
        }
    }

    static var diffMarkdown: Data {
        get async throws {
            let diff = try await costplan(["diff", "Tests/CostPlanDiffTests/Plans/base.yaml", "Tests/CostPlanDiffTests/Plans/scale-up.yaml",
                                           "--format", "markdown"])
            #expect(diff.status == 0, "\(diff.stderr)")
            return Data(diff.stdout.utf8)
        }
    }

    @Test func withoutATokenItStopsBeforeAnyRequest() async throws {
        let result = try await Self.costplan(["comment", "github", "--repo", "octo/app", "--pull-request", "12", "--body-file", "-",
                                              "--api-url", "http://127.0.0.1:9"], input: try await Self.diffMarkdown)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: no token: $GITHUB_TOKEN is not set or empty."))
        let gitlab = try await Self.costplan(["comment", "gitlab", "--project", "4711", "--merge-request", "7", "--body-file", "-",
                                              "--token-env", "MY_GITLAB_TOKEN"], input: try await Self.diffMarkdown)
        #expect(gitlab.status == 2)
        #expect(gitlab.stderr.contains("error: no token: $MY_GITLAB_TOKEN is not set or empty."))
    }

    /// A target missing from the options and the CI variables is a usage error of the subcommand:
    /// its message, then the subcommand's own usage line (not the root's), exit 2.
    @Test(arguments: [
        (["comment", "gitlab", "--merge-request", "7", "--body-file", "-"], [String: String](),
         "Error: --project ID|PATH is required (or $CI_PROJECT_ID)", "Usage: costplan comment gitlab "),
        (["comment", "gitlab", "--body-file", "-"], ["CI_PROJECT_ID": "4711", "CI_MERGE_REQUEST_IID": "x"],
         "Error: --merge-request N is required, a positive number (or $CI_MERGE_REQUEST_IID)", "Usage: costplan comment gitlab "),
        (["comment", "github", "--pull-request", "12", "--body-file", "-"], [:],
         "Error: --repo OWNER/REPO is required (or $GITHUB_REPOSITORY)", "Usage: costplan comment github "),
        (["comment", "github", "--pull-request", "12", "--body-file", "-"], ["GITHUB_REPOSITORY": "no-slash"],
         "Error: $GITHUB_REPOSITORY no-slash: expected OWNER/REPO", "Usage: costplan comment github "),
    ])
    func aMissingTargetIsAUsageErrorOfTheSubcommand(_ arguments: [String], _ environment: [String: String], _ message: String,
                                                    _ usage: String) async throws {
        let result = try await Self.costplan(arguments, environment: environment, input: Data("body".utf8))
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix(message + "\n" + usage), "\(result.stderr)")
    }

    @Test func anEmptyBodyPostsNothing() async throws {
        let result = try await Self.costplan(["comment", "github", "--repo", "octo/app", "--pull-request", "12", "--body-file", "-"],
                                             environment: ["GITHUB_TOKEN": FakeForge.token], input: Data())
        #expect(result.status == 2)
        #expect(result.stderr.contains("standard input: error: the comment body is empty"))
    }

    /// The pipe of the workflow examples, twice, against 120 earlier comments: one comment, created then updated.
    @Test func diffPipedIntoCommentGitHub() async throws {
        let forge = FakeForge()
        forge.seed(120)
        let body = try await Self.diffMarkdown
        try await forge.run { baseURL in
            let arguments = ["comment", "github", "--repo", "octo/app", "--pull-request", "12", "--body-file", "-"]
            let environment = ["GITHUB_TOKEN": FakeForge.token, "GITHUB_API_URL": baseURL]
            let first = try await Self.costplan(arguments, environment: environment, input: body)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.hasPrefix("created comment 1120 on octo/app pull request #12: https://github.com/octo/app/pull/12#issuecomment-1120"))

            let second = try await Self.costplan(arguments + ["--behavior", "update"], environment: environment,
                                                 input: Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "scale-up", with: "scaled").utf8))
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.hasPrefix("updated comment 1120 on octo/app pull request #12"))
            #expect(forge.comments.filter { $0.body.hasPrefix("<!-- costplan-diff -->") }.count == 1)
            #expect(forge.comments.count == 121)
            for output in [first.stdout, first.stderr, second.stdout, second.stderr] { #expect(!output.contains(FakeForge.token)) }

            let dry = try await Self.costplan(arguments + ["--dry-run", "--behavior", "delete-and-new"], environment: environment, input: body)
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout == """
                dry run: would send DELETE \(baseURL)/repos/octo/app/issues/comments/1120
                dry run: would send POST \(baseURL)/repos/octo/app/issues/12/comments
                dry run: nothing was written to octo/app pull request #12

                """)
            #expect(forge.comments.count == 121)
        }
    }

    @Test func gitLabFromCIVariablesAndABadToken() async throws {
        let forge = FakeForge()
        forge.seed(30)
        let body = try await Self.diffMarkdown
        try await forge.run { baseURL in
            let environment = ["GITLAB_TOKEN": FakeForge.token, "CI_API_V4_URL": baseURL + "/api/v4",
                               "CI_PROJECT_ID": "4711", "CI_MERGE_REQUEST_IID": "7"]
            let posted = try await Self.costplan(["comment", "gitlab", "--body-file", "-"], environment: environment, input: body)
            #expect(posted.status == 0, "\(posted.stderr)")
            #expect(posted.stdout.hasPrefix("created comment 1030 on 4711 merge request !7"))

            var wrong = environment
            wrong["GITLAB_TOKEN"] = "glpat-WRONGWRONGWRONG"
            let rejected = try await Self.costplan(["comment", "gitlab", "--body-file", "-"], environment: wrong, input: body)
            #expect(rejected.status == 1)
            #expect(rejected.stderr.contains("GET \(baseURL)/api/v4/projects/4711/merge_requests/7/notes?"))
            #expect(rejected.stderr.contains("HTTP 401 Unauthorized: GitLab rejected the token"))
            #expect(!(rejected.stdout + rejected.stderr).contains("glpat-WRONGWRONGWRONG"))
        }
    }
}
