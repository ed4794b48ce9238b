import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import Testing

/// A fake GitHub and GitLab comment API on 127.0.0.1, over a real socket (Hummingbird): GitHub
/// issue comments paginated with `Link: <…>; rel="next"`, GitLab merge request notes paginated
/// with `X-Next-Page`, token checks, and failure modes (every request 5xx, rate limited).
final class FakeForge: Sendable {
    static let token = "tok-3f9a7c21-secret"

    struct Comment: Sendable, Equatable {
        var id: Int
        var body: String
        var system = false
    }

    enum Mode: Sendable { case normal, serverError, rateLimited }

    struct State: Sendable {
        var comments: [Comment] = []
        var nextID = 1000
        var requests: [String] = []
        var mode = Mode.normal
    }

    let state = NIOLockedValueBox(State())
    let perPage: Int

    init(perPage: Int = 100) { self.perPage = perPage }

    var comments: [Comment] { state.withLockedValue { $0.comments } }
    var requests: [String] { state.withLockedValue { $0.requests } }
    func set(_ mode: Mode) { state.withLockedValue { $0.mode = mode } }
    func clearRequests() { state.withLockedValue { $0.requests = [] } }

    /// `count` earlier comments by other people (GitLab: every tenth a system note).
    func seed(_ count: Int) {
        state.withLockedValue { state in
            for index in 0..<count {
                state.comments.append(Comment(id: state.nextID, body: "comment \(index): looks good to me", system: index % 10 == 9))
                state.nextID += 1
            }
        }
    }

    /// Runs `body` with the base URL of a live server.
    func run(_ body: @Sendable (_ baseURL: String) async throws -> Void) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)")
        }
    }

    // MARK: - Routes

    private func router() -> Router<BasicRequestContext> {
        let router = Router()
        // GitHub
        router.get("/repos/:owner/:repo/issues/:number/comments") { request, _ in
            try self.guarded(request, github: true) { self.page(request, github: true) }
        }
        router.post("/repos/:owner/:repo/issues/:number/comments") { request, _ in
            let body = try await Self.body(request)
            return try self.guarded(request, github: true) { self.create(body, github: true) }
        }
        router.patch("/repos/:owner/:repo/issues/comments/:id") { request, context in
            let body = try await Self.body(request)
            let id = try context.parameters.require("id", as: Int.self)
            return try self.guarded(request, github: true) { self.update(id, body, github: true) }
        }
        router.delete("/repos/:owner/:repo/issues/comments/:id") { request, context in
            let id = try context.parameters.require("id", as: Int.self)
            return try self.guarded(request, github: true) { self.delete(id) }
        }
        // GitLab
        router.get("/api/v4/projects/:project/merge_requests/:iid/notes") { request, _ in
            try self.guarded(request, github: false) { self.page(request, github: false) }
        }
        router.post("/api/v4/projects/:project/merge_requests/:iid/notes") { request, _ in
            let body = try await Self.body(request)
            return try self.guarded(request, github: false) { self.create(body, github: false) }
        }
        router.put("/api/v4/projects/:project/merge_requests/:iid/notes/:id") { request, context in
            let body = try await Self.body(request)
            let id = try context.parameters.require("id", as: Int.self)
            return try self.guarded(request, github: false) { self.update(id, body, github: false) }
        }
        router.delete("/api/v4/projects/:project/merge_requests/:iid/notes/:id") { request, context in
            let id = try context.parameters.require("id", as: Int.self)
            return try self.guarded(request, github: false) { self.delete(id) }
        }
        return router
    }

    /// Records the request, then answers as the mode and the token say, else with `handler`.
    private func guarded(_ request: Request, github: Bool, _ handler: () -> Response) throws -> Response {
        let (mode, _) = state.withLockedValue { state in
            state.requests.append("\(request.method) \(request.uri.path)\(request.uri.query.map { "?\($0)" } ?? "")")
            return (state.mode, 0)
        }
        switch mode {
        case .serverError:
            return Self.json(.init(code: 502, reasonPhrase: "Bad Gateway"), #"{"message":"Server Error"}"#)
        case .rateLimited:
            var response = Self.json(github ? .forbidden : .tooManyRequests,
                                     #"{"message":"API rate limit exceeded for installation ID 1."}"#)
            response.headers[HTTPField.Name(github ? "x-ratelimit-remaining" : "ratelimit-remaining")!] = "0"
            response.headers[HTTPField.Name(github ? "x-ratelimit-reset" : "ratelimit-reset")!] = "1796097600"  // 2026-12-01T04:00:00Z
            return response
        case .normal:
            let authorized = github
                ? request.headers[.authorization] == "Bearer \(Self.token)"
                : request.headers[HTTPField.Name("PRIVATE-TOKEN")!] == Self.token
            guard authorized else {
                return Self.json(.unauthorized, github ? #"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}"#
                                                       : #"{"message":"401 Unauthorized"}"#)
            }
            return handler()
        }
    }

    private func page(_ request: Request, github: Bool) -> Response {
        let query = request.uri.queryParameters
        let page = query["page"].flatMap { Int(String($0)) } ?? 1
        let perPage = min(perPage, query["per_page"].flatMap { Int(String($0)) } ?? 30)
        let all = comments
        let slice = Array(all.dropFirst((page - 1) * perPage).prefix(perPage))
        let last = max(1, (all.count + perPage - 1) / perPage)
        let json = "[" + slice.map { comment in
            github ? Self.githubJSON(comment) : Self.gitlabJSON(comment)
        }.joined(separator: ",") + "]"
        var response = Self.json(.ok, json)
        if github {
            if page < last {
                let host = request.head.authority ?? "127.0.0.1"
                let path = request.uri.path
                response.headers[HTTPField.Name("Link")!] = "<http://\(host)\(path)?per_page=\(perPage)&page=\(page + 1)>; rel=\"next\", "
                    + "<http://\(host)\(path)?per_page=\(perPage)&page=\(last)>; rel=\"last\""
            }
        } else {
            response.headers[HTTPField.Name("X-Next-Page")!] = page < last ? "\(page + 1)" : ""
            response.headers[HTTPField.Name("X-Page")!] = "\(page)"
            response.headers[HTTPField.Name("X-Total-Pages")!] = "\(last)"
        }
        return response
    }

    private func create(_ body: String?, github: Bool) -> Response {
        guard let body else { return Self.json(.init(code: 422, reasonPhrase: "Unprocessable Entity"), #"{"message":"body is missing"}"#) }
        let comment = state.withLockedValue { state in
            let comment = Comment(id: state.nextID, body: body)
            state.nextID += 1
            state.comments.append(comment)
            return comment
        }
        return Self.json(.created, github ? Self.githubJSON(comment) : Self.gitlabJSON(comment))
    }

    private func update(_ id: Int, _ body: String?, github: Bool) -> Response {
        guard let body else { return Self.json(.init(code: 422, reasonPhrase: "Unprocessable Entity"), #"{"message":"body is missing"}"#) }
        let updated: Comment? = state.withLockedValue { state in
            guard let index = state.comments.firstIndex(where: { $0.id == id }) else { return nil }
            state.comments[index].body = body
            return state.comments[index]
        }
        guard let updated else { return Self.json(.notFound, #"{"message":"Not Found"}"#) }
        return Self.json(.ok, github ? Self.githubJSON(updated) : Self.gitlabJSON(updated))
    }

    private func delete(_ id: Int) -> Response {
        let found = state.withLockedValue { state in
            let before = state.comments.count
            state.comments.removeAll { $0.id == id }
            return state.comments.count < before
        }
        return found ? Response(status: .noContent) : Self.json(.notFound, #"{"message":"Not Found"}"#)
    }

    // MARK: - JSON

    private static func body(_ request: Request) async throws -> String? {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any]
        return object?["body"] as? String
    }

    private static func githubJSON(_ comment: Comment) -> String {
        encode(["id": comment.id, "body": comment.body, "html_url": "https://github.com/octo/app/pull/12#issuecomment-\(comment.id)",
                "user": ["login": "someone", "type": "User"]])
    }

    private static func gitlabJSON(_ comment: Comment) -> String {
        encode(["id": comment.id, "body": comment.body, "system": comment.system, "noteable_type": "MergeRequest"])
    }

    private static func encode(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    private static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
