import Foundation

/// One header field of a request or a reply. Header values are never written into errors or
/// logs by this module, so a request may carry a token (`Authorization: Bearer …`) safely.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An HTTP request for `HTTPTransport.send(_:)`: method, absolute URL, headers and an optional body.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, `PATCH`, …
    public var method: String
    /// An absolute `http://` or `https://` URL.
    public var url: String
    public var headers: [HTTPHeader]
    public var body: Data?
    /// Whether a failed attempt (no reply, a reset, 5xx/429) may be repeated. Defaults to true for
    /// idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS) and false for POST and PATCH, which
    /// could act twice.
    public var retryable: Bool

    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], body: Data? = nil, retryable: Bool? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.retryable = retryable ?? ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method.uppercased())
    }
}

/// The reply to an `HTTPRequest`: status, headers and the whole body (collected up to the
/// transport's byte limit). Any status is a reply; deciding what a 404 means is the caller's job.
public struct HTTPReply: Sendable {
    /// `200`, `404`, …
    public var status: Int
    /// `OK`, `Not Found`, … as the server sent it.
    public var reasonPhrase: String
    public var headers: [HTTPHeader]
    public var body: Data

    public init(status: Int, reasonPhrase: String, headers: [HTTPHeader], body: Data) {
        self.status = status
        self.reasonPhrase = reasonPhrase
        self.headers = headers
        self.body = body
    }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The first value of the header `name` (case-insensitive), if present.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Progress of a download, reported at most every `HTTPTransport.Configuration.progressInterval`
/// and once at the end.
public struct DownloadProgress: Sendable {
    public var url: String
    public var bytesReceived: Int64
    /// The `Content-Length` the server announced, if any.
    public var expectedBytes: Int64?
    /// Seconds since this attempt started.
    public var seconds: Double

    /// Bytes per second so far (0 before the first second of data).
    public var bytesPerSecond: Double { seconds > 0 ? Double(bytesReceived) / seconds : 0 }

    /// Seconds left at the current rate, when the total size is known.
    public var secondsRemaining: Double? {
        guard let expectedBytes, bytesPerSecond > 0 else { return nil }
        return Double(max(0, expectedBytes - bytesReceived)) / bytesPerSecond
    }
}

/// A completed download: where it went and what was received.
public struct DownloadResult: Sendable {
    public var url: String
    /// The file that now holds the whole body.
    public var file: String
    public var bytes: Int64
    /// The `Content-Length` the server announced (equal to `bytes` when present).
    public var contentLength: Int64?
    public var headers: [HTTPHeader]
    /// Wall-clock seconds of the successful attempt.
    public var seconds: Double
    /// Attempts made, 1 when the first one succeeded.
    public var attempts: Int

    /// The first value of the header `name` (case-insensitive), if present.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
