import Foundation

/// An HTTP proxy (tunnelling https with CONNECT) and the hosts that bypass it.
public struct HTTPProxy: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// Host names or domain suffixes (`.example.com`, `example.com`) reached directly; `*` bypasses every host.
    public var bypass: [String]

    public init(host: String, port: Int, bypass: [String] = []) {
        self.host = host
        self.port = port
        self.bypass = bypass
    }

    /// The proxy of `HTTPS_PROXY`/`https_proxy`, else `HTTP_PROXY`/`http_proxy` (`http://host:port`),
    /// bypassed for `NO_PROXY`/`no_proxy` hosts; nil when none is set or it cannot be parsed.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> HTTPProxy? {
        let value = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let value else { return nil }
        let withScheme = value.contains("://") ? value : "http://\(value)"
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else { return nil }
        let bypass = (environment["NO_PROXY"] ?? environment["no_proxy"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        return HTTPProxy(host: host, port: components.port ?? 80, bypass: bypass)
    }

    /// False for loopback hosts and hosts matching `bypass`.
    public func applies(toHost host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]" { return false }
        for entry in bypass {
            if entry == "*" { return false }
            let suffix = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if host == suffix || host.hasSuffix("." + suffix) { return false }
        }
        return true
    }
}
