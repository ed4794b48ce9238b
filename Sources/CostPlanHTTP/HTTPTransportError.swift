import Foundation

/// Why an HTTP exchange failed. The description names the method and URL (with any
/// `user:password@` removed) and what to do; it never contains a header value, so tokens sent
/// in headers cannot leak into logs or error output.
public struct HTTPTransportError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The URL is not an absolute http(s) URL.
        case invalidURL
        /// No connection, a DNS failure, a reset or timeout (the underlying reason, without headers).
        case connection(String)
        /// The server answered with this non-success status (only for `download`, which needs a 2xx).
        case status(Int, String)
        /// The body ended before `expected` bytes (its `Content-Length`) arrived.
        case truncated(received: Int64, expected: Int64)
        /// The body is larger than the limit `send` collects.
        case bodyTooLarge(limit: Int)
        /// The downloaded body could not be written to this file.
        case file(path: String, reason: String)
    }

    public var method: String
    /// The URL, with any credentials removed.
    public var url: String
    public var kind: Kind
    /// Attempts made before giving up.
    public var attempts: Int

    public init(method: String, url: String, kind: Kind, attempts: Int) {
        self.method = method
        self.url = Self.redacted(url)
        self.kind = kind
        self.attempts = attempts
    }

    /// True when the same request may succeed later (connection problems, 5xx, 429, truncation).
    public var isTransient: Bool {
        switch kind {
        case .connection, .truncated: true
        case .status(let code, _): code >= 500 || code == 429
        case .invalidURL, .bodyTooLarge, .file: false
        }
    }

    public var description: String {
        let tries = attempts > 1 ? " (after \(attempts) attempts)" : ""
        switch kind {
        case .invalidURL:
            return "\(url): error: not an absolute http:// or https:// URL"
        case .connection(let reason):
            return "\(method) \(url): error: cannot reach the server\(tries): \(reason). "
                + "Check the address and your network or proxy (HTTPS_PROXY), then try again."
        case .status(let code, let reason):
            let hint = switch code {
            case 401, 403: "the server refused access; check the URL (and credentials, if it needs any)"
            case 404: "there is no such file at this address; check the URL or endpoint"
            case 500...: "the server failed; try again later"
            default: "check the URL"
            }
            return "\(method) \(url): error: HTTP \(code) \(reason)\(tries); \(hint)."
        case .truncated(let received, let expected):
            return "\(method) \(url): error: the transfer broke off after \(received) of \(expected) bytes (Content-Length)\(tries); "
                + "try again, or check the network or proxy."
        case .bodyTooLarge(let limit):
            return "\(method) \(url): error: the reply is larger than \(limit) bytes, more than this request accepts."
        case .file(let path, let reason):
            return "\(method) \(url): error: cannot write the download to \(path): \(reason)."
        }
    }

    /// `url` without a `user:password@` part.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.user != nil || components.password != nil else { return url }
        components.user = nil
        components.password = nil
        return components.string ?? url
    }
}
