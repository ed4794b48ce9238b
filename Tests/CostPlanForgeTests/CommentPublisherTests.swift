@testable import CostPlanForge
import CostPlanHTTP
import Foundation
import Testing

/// `CommentPublisher` with the GitHub and GitLab clients against the fake forge on 127.0.0.1.
@Suite(.serialized)
struct CommentPublisherTests {
    static let diff = "<!-- costplan-diff -->\n### costplan: monthly cost rises by $97.09 (+5.2%)\n"
    static let diffAfterPush = "<!-- costplan-diff -->\n### costplan: monthly cost rises by $130.00 (+6.9%)\n"

    /// A transport that retries quickly (the fake's failures are permanent).
    static func withTransport<T: Sendable>(_ body: (HTTPTransport) async throws -> T) async throws -> T {
        var configuration = HTTPTransport.Configuration()
        configuration.retryDelay = 0.01
        configuration.proxy = nil
        return try await HTTPTransport.with(configuration, body)
    }

    static func github(_ baseURL: String, _ transport: HTTPTransport, token: String? = FakeForge.token) -> GitHubComments {
        GitHubComments(repository: "octo/app", pullRequest: 12, token: token, tokenSource: "$GITHUB_TOKEN",
                       apiURL: baseURL, transport: transport)
    }

    static func gitlab(_ baseURL: String, _ transport: HTTPTransport, token: String? = FakeForge.token) -> GitLabNotes {
        GitLabNotes(project: "4711", mergeRequest: 7, token: token, tokenSource: "$GITLAB_TOKEN",
                    apiURL: baseURL + "/api/v4", transport: transport)
    }

    func marked(_ forge: FakeForge) -> [FakeForge.Comment] {
        forge.comments.filter { $0.body.hasPrefix("<!-- costplan-diff -->\n") }
    }

    /// 120 earlier comments: the first run reads both pages and creates the marked comment (the
    /// 121st, on page 2); the second run finds it on page 2 and edits it; a third run with the
    /// same text changes nothing. Exactly one marked comment throughout.
    @Test func gitHubCreatesThenUpdatesTheOneMarkedCommentOnPageTwo() async throws {
        let forge = FakeForge()
        forge.seed(120)
        try await forge.run { baseURL in
            try await Self.withTransport { transport in
                let publisher = CommentPublisher(comments: Self.github(baseURL, transport))

                let first = try await publisher.publish(Self.diff, behavior: .update)
                guard case let .created(created)? = first.first, first.count == 1 else { Issue.record("\(first)"); return }
                #expect(forge.requests == ["GET /repos/octo/app/issues/12/comments?per_page=100",
                                           "GET /repos/octo/app/issues/12/comments?per_page=100&page=2",
                                           "POST /repos/octo/app/issues/12/comments"])
                #expect(created.webURL == "https://github.com/octo/app/pull/12#issuecomment-\(created.id)")

                forge.clearRequests()
                let second = try await publisher.publish(Self.diffAfterPush, behavior: .update)
                #expect(second == [.updated(ForgeComment(id: created.id, body: Self.diffAfterPush, webURL: created.webURL))])
                #expect(forge.requests == ["GET /repos/octo/app/issues/12/comments?per_page=100",
                                           "GET /repos/octo/app/issues/12/comments?per_page=100&page=2",
                                           "PATCH /repos/octo/app/issues/comments/\(created.id)"])
                #expect(self.marked(forge).map(\.body) == [Self.diffAfterPush])
                #expect(forge.comments.count == 121)

                forge.clearRequests()
                let third = try await publisher.publish(Self.diffAfterPush, behavior: .update)
                guard case .unchanged? = third.first else { Issue.record("\(third)"); return }
                #expect(!forge.requests.contains { $0.hasPrefix("PATCH") || $0.hasPrefix("POST") })
            }
        }
    }

    /// `new` always adds one (no listing); `delete-and-new` deletes every marked comment — one on
    /// page 1, one on page 2 — and adds one at the end.
    @Test func gitHubNewAndDeleteAndNew() async throws {
        let forge = FakeForge()
        forge.seed(50)
        try await forge.run { baseURL in
            try await Self.withTransport { transport in
                let publisher = CommentPublisher(comments: Self.github(baseURL, transport))
                _ = try await publisher.publish(Self.diff, behavior: .new)          // comment 51: page 1
                forge.seed(70)
                forge.clearRequests()
                _ = try await publisher.publish(Self.diffAfterPush, behavior: .new) // comment 122: page 2
                #expect(forge.requests == ["POST /repos/octo/app/issues/12/comments"])
                #expect(self.marked(forge).count == 2)

                let before = self.marked(forge).map(\.id)
                let actions = try await publisher.publish("### costplan: no cost change\n", behavior: .deleteAndNew)
                #expect(actions.prefix(2) == [.deleted(id: String(before[0])), .deleted(id: String(before[1]))])
                #expect(self.marked(forge).map(\.body) == ["<!-- costplan-diff -->\n### costplan: no cost change\n"])
                #expect(forge.comments.last == self.marked(forge).first)
                #expect(forge.comments.count == 121)
            }
        }
    }

    /// A dry run reads but never writes, and says which request it would send.
    @Test func aDryRunOnlyReads() async throws {
        let forge = FakeForge()
        forge.seed(3)
        try await forge.run { baseURL in
            try await Self.withTransport { transport in
                let publisher = CommentPublisher(comments: Self.github(baseURL, transport))
                let actions = try await publisher.publish(Self.diff, behavior: .deleteAndNew, dryRun: true)
                #expect(actions == [.wouldSend("POST \(baseURL)/repos/octo/app/issues/12/comments")])
                #expect(forge.requests.allSatisfy { $0.hasPrefix("GET ") })
                #expect(forge.comments.count == 3)
            }
        }
    }

    /// GitLab: the same two runs over `X-Next-Page` pages, system notes skipped.
    @Test func gitLabCreatesThenUpdatesTheOneMarkedNoteOnPageTwo() async throws {
        let forge = FakeForge()
        forge.seed(120)
        try await forge.run { baseURL in
            try await Self.withTransport { transport in
                let publisher = CommentPublisher(comments: Self.gitlab(baseURL, transport))
                let first = try await publisher.publish(Self.diff, behavior: .update)
                guard case let .created(created)? = first.first else { Issue.record("\(first)"); return }
                let list = "GET /api/v4/projects/4711/merge_requests/7/notes?sort=asc&order_by=created_at&per_page=100"
                #expect(forge.requests == [list + "&page=1", list + "&page=2", "POST /api/v4/projects/4711/merge_requests/7/notes"])

                forge.clearRequests()
                let second = try await publisher.publish(Self.diffAfterPush, behavior: .update)
                #expect(second == [.updated(ForgeComment(id: created.id, body: Self.diffAfterPush))])
                #expect(forge.requests.last == "PUT /api/v4/projects/4711/merge_requests/7/notes/\(created.id)")
                #expect(self.marked(forge).map(\.body) == [Self.diffAfterPush])

                let replaced = try await publisher.publish(Self.diff, behavior: .deleteAndNew)
                #expect(replaced.first == .deleted(id: created.id))
                #expect(self.marked(forge).map(\.body) == [Self.diff])
            }
        }
    }

    /// A body without the marker gets it as its first line, so the next run finds the comment.
    @Test func theMarkerIsAddedWhenMissing() async throws {
        let forge = FakeForge()
        try await forge.run { baseURL in
            try await Self.withTransport { transport in
                let publisher = CommentPublisher(comments: Self.gitlab(baseURL, transport))
                _ = try await publisher.publish("Cost estimate: $1,880.84 a month\n", behavior: .update)
                _ = try await publisher.publish("Cost estimate: $1,900.00 a month\n", behavior: .update)
                #expect(forge.comments.map(\.body) == ["<!-- costplan-diff -->\nCost estimate: $1,900.00 a month\n"])
            }
        }
    }

    // MARK: - Errors

    /// A rejected token: the error names the request and the variable, never the token.
    @Test(arguments: [true, false])
    func aRejectedTokenIsAClearError(github: Bool) async throws {
        let forge = FakeForge()
        try await forge.run { baseURL in
            try await Self.withTransport { transport in
                let comments: any ForgeComments = github ? Self.github(baseURL, transport, token: "wrong-token-1234")
                                                         : Self.gitlab(baseURL, transport, token: "wrong-token-1234")
                do {
                    _ = try await CommentPublisher(comments: comments).publish(Self.diff, behavior: .update)
                    Issue.record("no error")
                } catch {
                    let text = "\(error)"
                    #expect(text.hasPrefix(github ? "GET \(baseURL)/repos/octo/app/issues/12/comments?per_page=100: error: HTTP 401"
                                                  : "GET \(baseURL)/api/v4/projects/4711/merge_requests/7/notes?"))
                    #expect(text.contains("rejected the token") && text.contains(github ? "$GITHUB_TOKEN" : "$GITLAB_TOKEN"))
                    #expect(text.contains(github ? "GitHub says: Bad credentials" : "GitLab says: 401 Unauthorized"))
                    #expect(!text.contains("wrong-token-1234"))
                }
                #expect(forge.comments.isEmpty)
            }
        }
    }

    /// 5xx after the transport's retries: names the request and says to try later.
    @Test func aServerErrorNamesTheRequest() async throws {
        let forge = FakeForge()
        forge.set(.serverError)
        try await forge.run { baseURL in
            try await Self.withTransport { transport in
                await #expect {
                    try await CommentPublisher(comments: Self.github(baseURL, transport)).publish(Self.diff, behavior: .update)
                } throws: { error in
                    "\(error)" == "GET \(baseURL)/repos/octo/app/issues/12/comments?per_page=100: error: HTTP 502 Bad Gateway: "
                        + "GitHub failed (GitHub says: Server Error); try again later."
                }
                #expect(forge.requests.count == 3)   // the GET was retried by the transport
                // A POST is not retried (it could comment twice).
                forge.clearRequests()
                await #expect(throws: ForgeError.self) {
                    try await CommentPublisher(comments: Self.github(baseURL, transport)).publish(Self.diff, behavior: .new)
                }
                #expect(forge.requests == ["POST /repos/octo/app/issues/12/comments"])
            }
        }
    }

    /// An exhausted rate limit says when it resets (GitHub 403 + x-ratelimit-*, GitLab 429 + ratelimit-*).
    @Test(arguments: [true, false])
    func aRateLimitSaysWhenItResets(github: Bool) async throws {
        let forge = FakeForge()
        forge.set(.rateLimited)
        try await forge.run { baseURL in
            try await Self.withTransport { transport in
                let comments: any ForgeComments = github ? Self.github(baseURL, transport) : Self.gitlab(baseURL, transport)
                await #expect {
                    try await CommentPublisher(comments: comments).publish(Self.diff, behavior: .update)
                } throws: { error in
                    let text = "\(error)"
                    return text.contains("API rate limit is exhausted") && text.contains("it resets at 2026-12-01T04:00:00Z")
                        && text.contains("API rate limit exceeded for installation ID 1.")
                }
            }
        }
    }

    // MARK: - Parsing

    @Test(arguments: [
        (#"<https://api.github.com/repositories/1/issues/2/comments?page=2>; rel="next", <https://api.github.com/repositories/1/issues/2/comments?page=5>; rel="last""#,
         "https://api.github.com/repositories/1/issues/2/comments?page=2"),
        (#"<https://x/c?page=1>; rel="prev", <https://x/c?page=3>; rel="next""#, "https://x/c?page=3"),
        (#"<https://x/c?page=1>; rel="first", <https://x/c?page=1>; rel="prev""#, nil),
        ("", nil),
    ] as [(String, String?)])
    func linkHeaders(header: String, next: String?) {
        #expect(GitHubComments.nextLink(header) == next)
    }

    @Test func repositoryNames() {
        #expect(GitHubComments.isRepository("octo/app"))
        #expect(GitHubComments.isRepository("my-org/my.repo_2"))
        for bad in ["octo", "octo/app/x", "/app", "octo/", "octo/..", "oc to/app", "octo/app?x=1"] {
            #expect(!GitHubComments.isRepository(bad), "\(bad)")
        }
    }

    /// A pagination link to another server is not followed with the token.
    @Test func aNextPageOnAnotherServerIsRefused() async throws {
        try await Self.withTransport { transport in
            let comments = Self.github("https://api.github.com", transport)
            #expect(throws: Never.self) { try comments.api.checkSameServer("https://api.github.com/x?page=2", request: "GET x") }
            for foreign in ["https://evil.example/x?page=2", "http://api.github.com/x", "https://api.github.com:8443/x"] {
                #expect(throws: ForgeError.self, "\(foreign)") { try comments.api.checkSameServer(foreign, request: "GET x") }
            }
        }
    }

    /// A GitLab project path is one URL segment (`group/sub/app` → `group%2Fsub%2Fapp`).
    @Test func gitLabProjectPathsAreEncoded() async throws {
        try await Self.withTransport { transport in
            let notes = GitLabNotes(project: "group/sub/app", mergeRequest: 3, token: nil, tokenSource: "$GITLAB_TOKEN",
                                    apiURL: "https://gitlab.example.com/api/v4/", transport: transport)
            #expect(notes.describeCreate() == "POST https://gitlab.example.com/api/v4/projects/group%2Fsub%2Fapp/merge_requests/3/notes")
        }
    }
}
