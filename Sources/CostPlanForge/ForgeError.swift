import Foundation

/// A forge request that failed: names the request (method and URL, never a header or the token)
/// and what to do about it. `isRateLimit` errors carry the reset time the forge announced.
public struct ForgeError: Error, CustomStringConvertible, Sendable {
    /// `GET https://api.github.com/repos/octo/app/issues/12/comments?per_page=100`.
    public var request: String
    public var message: String

    public init(request: String, message: String) {
        (self.request, self.message) = (request, message)
    }

    public var description: String { "\(request): error: \(message)" }
}

/// What an unsuccessful reply means, with the forge's own words (its `message` field) and a fix.
struct ForgeFailure {
    /// `GitHub` or `GitLab`.
    var forge: String
    /// How the token is given, for the 401 hint: `the token in $GITHUB_TOKEN`.
    var tokenSource: String
    /// The permission the token needs, for the 403 hint.
    var permission: String
    /// What to check on a 404.
    var notFoundHint: String

    func message(status: Int, reason: String, headers: (String) -> String?, body: Data, now: Date = Date()) -> String {
        let said = Self.serverMessage(body).map { " (\(forge) says: \($0))" } ?? ""
        let http = "HTTP \(status) \(reason)"
        if let reset = Self.rateLimitReset(status: status, headers: headers, now: now) {
            return "\(http): the \(forge) API rate limit is exhausted\(said); it resets at \(Self.iso(reset)) "
                + "(in \(max(0, Int(reset.timeIntervalSince(now).rounded(.up)))) s). Run again after that."
        }
        switch status {
        case 401: return "\(http): \(forge) rejected the token\(said); check \(tokenSource) (is it set, unexpired and for this \(forge)?)."
        case 403: return "\(http): the token may not do this\(said); it needs \(permission)."
        case 404: return "\(http): not found\(said); \(notFoundHint)"
        case 429: return "\(http): too many requests\(said); wait and run again."
        case 500...: return "\(http): \(forge) failed\(said); try again later."
        default: return "\(http)\(said)."
        }
    }

    /// The reset time of an exhausted rate limit: `X-RateLimit-Reset`/`RateLimit-Reset` (epoch
    /// seconds) when the remaining count is 0 or the status is 429, else `Retry-After` seconds.
    static func rateLimitReset(status: Int, headers: (String) -> String?, now: Date) -> Date? {
        guard status == 403 || status == 429 else { return nil }
        let remaining = headers("x-ratelimit-remaining") ?? headers("ratelimit-remaining")
        let exhausted = status == 429 || remaining == "0"
        guard exhausted else { return nil }
        if let reset = (headers("x-ratelimit-reset") ?? headers("ratelimit-reset")).flatMap({ TimeInterval($0) }) {
            return Date(timeIntervalSince1970: reset)
        }
        if let after = headers("retry-after").flatMap({ TimeInterval($0) }) { return now.addingTimeInterval(after) }
        return nil
    }

    /// `message` (GitHub, GitLab) or `error` of a JSON error body, one line, at most 300 characters.
    static func serverMessage(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        let value = object["message"] ?? object["error"]
        let text: String
        switch value {
        case let string as String: text = string
        case let other?: text = (try? JSONSerialization.data(withJSONObject: other, options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "\(other)"
        case nil: return nil
        }
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 300 ? String(line.prefix(297)) + "..." : line
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
