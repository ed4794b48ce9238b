import CostPlanHTTP
import Foundation

/// The notes of a GitLab merge request, through the REST API
/// (`/projects/ID/merge_requests/IID/notes`, 100 a page, oldest first, following `X-Next-Page`).
/// System notes ("added 1 commit") are skipped. Works with self-managed GitLab through its API
/// URL (`https://HOST/api/v4`, `$CI_API_V4_URL` in GitLab CI).
public struct GitLabNotes: ForgeComments {
    public static let defaultAPIURL = "https://gitlab.com/api/v4"

    /// A numeric project ID or a `group/project` path.
    public var project: String
    public var mergeRequest: Int
    let api: ForgeAPI

    public init(project: String, mergeRequest: Int, token: String?, tokenSource: String,
                apiURL: String = defaultAPIURL, transport: HTTPTransport) {
        self.project = project
        self.mergeRequest = mergeRequest
        api = ForgeAPI(.gitLab, apiURL: apiURL, token: token, tokenSource: tokenSource, transport: transport,
                       notFoundHint: "check --project \(project) and --merge-request \(mergeRequest) (a token without access to a private project also gets 404).")
    }

    public var target: String { "\(project) merge request !\(mergeRequest)" }

    /// The project as one path segment: an ID as is, a path with every `/` as `%2F`.
    private var projectSegment: String {
        project.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? project
    }
    private var notesPath: String { "/projects/\(projectSegment)/merge_requests/\(mergeRequest)/notes" }

    private struct Note: Decodable {
        var id: Int64
        var body: String?
        var system: Bool?
        var note: ForgeComment { ForgeComment(id: String(id), body: body ?? "") }
    }

    public func list() async throws -> [ForgeComment] {
        var notes: [ForgeComment] = []
        var page: String? = "1"
        var pages = 0
        while let current = page {
            pages += 1
            let path = notesPath + "?sort=asc&order_by=created_at&per_page=100&page=\(current)"
            let request = "GET \(api.baseURL)\(path)"
            if pages > ForgeAPI.maxPages { throw ForgeError(request: request, message: "more than \(ForgeAPI.maxPages) pages of notes; stopping") }
            let reply = try await api.send("GET", path)
            notes += try api.decode([Note].self, reply, request: request).filter { $0.system != true }.map(\.note)
            page = reply.header("X-Next-Page").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { Int($0) }.map(String.init)
        }
        return notes
    }

    public func create(body: String) async throws -> ForgeComment {
        let reply = try await api.send("POST", notesPath, json: ["body": body])
        return try api.decode(Note.self, reply, request: describeCreate()).note
    }

    public func update(id: String, body: String) async throws -> ForgeComment {
        let reply = try await api.send("PUT", "\(notesPath)/\(id)", json: ["body": body])
        return try api.decode(Note.self, reply, request: describeUpdate(id: id)).note
    }

    public func delete(id: String) async throws {
        _ = try await api.send("DELETE", "\(notesPath)/\(id)")
    }

    public func describeCreate() -> String { "POST \(api.baseURL)\(notesPath)" }
    public func describeUpdate(id: String) -> String { "PUT \(api.baseURL)\(notesPath)/\(id)" }
    public func describeDelete(id: String) -> String { "DELETE \(api.baseURL)\(notesPath)/\(id)" }
}
