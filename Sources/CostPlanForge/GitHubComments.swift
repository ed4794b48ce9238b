import CostPlanHTTP
import Foundation

/// The comments of a GitHub pull request, through the REST API's issue comments
/// (`/repos/OWNER/REPO/issues/N/comments`, 100 a page, following `Link: <…>; rel="next"`).
/// Works with GitHub Enterprise Server through its API URL (`https://HOST/api/v3`).
public struct GitHubComments: ForgeComments {
    public static let defaultAPIURL = "https://api.github.com"

    /// `OWNER/REPO`.
    public var repository: String
    public var pullRequest: Int
    let api: ForgeAPI

    /// `tokenSource` names where the token came from (`$GITHUB_TOKEN`) for error hints; a nil
    /// token sends no `Authorization` (enough to read public repositories in a dry run).
    public init(repository: String, pullRequest: Int, token: String?, tokenSource: String,
                apiURL: String = defaultAPIURL, transport: HTTPTransport) {
        self.repository = repository
        self.pullRequest = pullRequest
        api = ForgeAPI(.gitHub, apiURL: apiURL, token: token, tokenSource: tokenSource, transport: transport,
                       notFoundHint: "check --repo \(repository) and --pull-request \(pullRequest) (a token without access to a private repository also gets 404).")
    }

    /// `OWNER/REPO` with two non-empty parts of letters, digits, `-`, `_` and `.`.
    public static func isRepository(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        }
    }

    public var target: String { "\(repository) pull request #\(pullRequest)" }
    private var issuePath: String { "/repos/\(repository)/issues/\(pullRequest)/comments" }
    private func commentPath(_ id: String) -> String { "/repos/\(repository)/issues/comments/\(id)" }

    private struct Comment: Decodable {
        var id: Int64
        var body: String?
        var html_url: String?
        var comment: ForgeComment { ForgeComment(id: String(id), body: body ?? "", webURL: html_url) }
    }

    public func list() async throws -> [ForgeComment] {
        var comments: [ForgeComment] = []
        var next: String? = issuePath + "?per_page=100"
        var pages = 0
        while let url = next {
            pages += 1
            let request = "GET \(url.hasPrefix("/") ? api.baseURL + url : url)"
            if pages > ForgeAPI.maxPages { throw ForgeError(request: request, message: "more than \(ForgeAPI.maxPages) pages of comments; stopping") }
            let reply = try await api.send("GET", url)
            comments += try api.decode([Comment].self, reply, request: request).map(\.comment)
            next = reply.header("Link").flatMap(Self.nextLink)
            if let next { try api.checkSameServer(next, request: request) }
        }
        return comments
    }

    public func create(body: String) async throws -> ForgeComment {
        let reply = try await api.send("POST", issuePath, json: ["body": body])
        return try api.decode(Comment.self, reply, request: describeCreate()).comment
    }

    public func update(id: String, body: String) async throws -> ForgeComment {
        let reply = try await api.send("PATCH", commentPath(id), json: ["body": body])
        return try api.decode(Comment.self, reply, request: describeUpdate(id: id)).comment
    }

    public func delete(id: String) async throws {
        _ = try await api.send("DELETE", commentPath(id))
    }

    public func describeCreate() -> String { "POST \(api.baseURL)\(issuePath)" }
    public func describeUpdate(id: String) -> String { "PATCH \(api.baseURL)\(commentPath(id))" }
    public func describeDelete(id: String) -> String { "DELETE \(api.baseURL)\(commentPath(id))" }

    /// The `rel="next"` URL of an RFC 8288 `Link` header: `<https://…?page=2>; rel="next", <…>; rel="last"`.
    static func nextLink(_ header: String) -> String? {
        for link in header.split(separator: ",") {
            let parts = link.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            let isNext = parts.dropFirst().contains { parameter in
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return pair.count == 2 && pair[0].lowercased() == "rel"
                    && pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).split(separator: " ").contains("next")
            }
            if isNext { return String(target.dropFirst().dropLast()) }
        }
        return nil
    }
}

extension String {
    var trimmingTrailingSlashes: String {
        var text = self
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
