import CostPlanHTTP
import Foundation

/// The JSON API calls both forges share: a token header on every request, a JSON body, and an
/// unsuccessful status turned into a `ForgeError` that names the request. The token goes only
/// into the request header; it is removed from any text the server echoes back.
struct ForgeAPI: Sendable {
    var transport: HTTPTransport
    /// The API root without a trailing slash: `https://api.github.com`.
    var baseURL: String
    /// The header carrying the token (`Authorization: Bearer …`, `PRIVATE-TOKEN: …`), if any.
    var authorization: HTTPHeader?
    var extraHeaders: [HTTPHeader]
    var failure: ForgeFailure

    /// The API of `forge` at `apiURL` (trailing slashes dropped), sending `token` (none when nil)
    /// the forge's way. `tokenSource` and `notFoundHint` go into the messages of a 401 and a 404.
    init(_ forge: CommentForge, apiURL: String, token: String?, tokenSource: String, transport: HTTPTransport, notFoundHint: String) {
        self.transport = transport
        baseURL = apiURL.trimmingTrailingSlashes
        authorization = token.map(forge.tokenHeader)
        extraHeaders = forge.headers
        failure = ForgeFailure(forge: forge.name, tokenSource: tokenSource, permission: forge.permission, notFoundHint: notFoundHint)
    }

    /// Sends `method path` (or an absolute `url` from a pagination header) and returns the reply
    /// of a 2xx status; any other status throws.
    func send(_ method: String, _ pathOrURL: String, json: [String: String]? = nil) async throws -> HTTPReply {
        let url = pathOrURL.hasPrefix("/") ? baseURL + pathOrURL : pathOrURL
        var headers = extraHeaders + [HTTPHeader("Accept", "application/json")]
        if let authorization { headers.append(authorization) }
        var body: Data?
        if let json {
            body = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
            headers.append(HTTPHeader("Content-Type", "application/json"))
        }
        let request = "\(method) \(url)"
        let reply: HTTPReply
        do {
            reply = try await transport.send(HTTPRequest(method: method, url: url, headers: headers, body: body))
        } catch {
            throw ForgeError(request: request, message: redacted("\(error)"))
        }
        guard reply.isSuccess else {
            let text = failure.message(status: reply.status, reason: reply.reasonPhrase, headers: reply.header, body: reply.body)
            throw ForgeError(request: request, message: redacted(text))
        }
        return reply
    }

    /// The reply body decoded as `T`; a body that is not the expected JSON is an error naming the request.
    func decode<T: Decodable>(_ type: T.Type, _ reply: HTTPReply, request: String) throws -> T {
        do { return try JSONDecoder().decode(T.self, from: reply.body) } catch {
            throw ForgeError(request: request, message: "the reply is not the JSON the \(failure.forge) API sends (\(error)); check --api-url")
        }
    }

    /// Refuses a pagination link to another server: the token must only ever go to `baseURL`'s host.
    func checkSameServer(_ url: String, request: String) throws {
        guard let next = URLComponents(string: url), let base = URLComponents(string: baseURL),
              next.scheme == base.scheme, next.host == base.host, next.port == base.port else {
            throw ForgeError(request: request, message: "the next page is on another server (\(url)); not following it with the token")
        }
    }

    /// `text` with the token replaced by `***`.
    func redacted(_ text: String) -> String {
        guard let token = authorization?.value.split(separator: " ").last, token.count >= 4 else { return text }
        return text.replacingOccurrences(of: String(token), with: "***")
    }

    /// At most this many pages are read (100 comments each), so a misbehaving server cannot loop forever.
    static let maxPages = 500
}
