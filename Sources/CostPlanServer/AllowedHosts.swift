/// The names the server answers for in the `Host` header. A page opened in a browser from
/// another site can be pointed at this server by a DNS name that resolves to 127.0.0.1 (DNS
/// rebinding); the browser then sends that site's name as `Host`, so answering only for known
/// names keeps `/api/plans` and the pages from being read that way.
///
/// Allowed by default: `localhost` (and `*.localhost`), `127.0.0.0/8`, `::1`, and the address
/// the server is bound to (unless it is the wildcard `0.0.0.0` or `::`). `extra` adds names
/// (`--allowed-host`); `*` allows every name.
public struct AllowedHosts: Sendable, CustomStringConvertible {
    private let names: Set<String>
    private let anyName: Bool

    public init(boundTo host: String, extra: [String] = []) {
        var names: Set<String> = ["localhost", "127.0.0.1", "::1"]
        let bound = Self.hostPart(host)
        if !bound.isEmpty, bound != "0.0.0.0", bound != "::" { names.insert(bound) }
        for name in extra { names.insert(Self.hostPart(name)) }
        anyName = names.contains("*")
        self.names = names.subtracting(["*"])
    }

    /// True when a request with this `Host` header value (`name[:port]`, `[v6]:port`) is answered.
    public func allows(_ hostHeader: String?) -> Bool {
        guard let hostHeader else { return false }
        if anyName { return true }
        let host = Self.hostPart(hostHeader)
        return names.contains(host) || host.hasSuffix(".localhost") || Self.isLoopbackIPv4(host)
    }

    /// The allowed names, for messages: `::1, 127.0.0.1, localhost`.
    public var description: String { anyName ? "*" : names.sorted().joined(separator: ", ") }

    /// `Example.COM:8080` → `example.com`; `[::1]:8080` → `::1`; a trailing dot is dropped.
    static func hostPart(_ value: String) -> String {
        var text = Substring(value.lowercased())
        if text.hasPrefix("[") {
            text = text.dropFirst().prefix { $0 != "]" }
        } else if text.filter({ $0 == ":" }).count == 1 {
            text = text.prefix { $0 != ":" }
        }
        if text.hasSuffix(".") { text = text.dropLast() }
        return String(text)
    }

    private static func isLoopbackIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
