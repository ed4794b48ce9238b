import Logging
import NIOConcurrencyHelpers
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's log: one line per event on standard error,
/// `2026-11-22T02:05:01Z info costplan: Request hb.request.method=GET hb.request.path=/…`.
///
/// swift-log's `StreamLogHandler` formats its timestamp with `localtime` (which looks up the time
/// zone file on every call) and writes through stdio's lock; at tens of thousands of requests a
/// second that was the server's largest cost. This handler formats the time in UTC with
/// arithmetic only and writes each line with a single `write(2)`, so lines never interleave.
public struct StandardErrorLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = Self.currentTimestamp()
        line.reserveCapacity(256)
        line += " "
        line += event.level.rawValue
        line += " "
        line += label
        line += ": "
        line += event.message.description
        let extra = event.metadata ?? [:]
        let all = metadata.isEmpty ? extra : extra.isEmpty ? metadata : metadata.merging(extra) { $1 }
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            line += " "
            line += key
            line += "="
            line += value.description
        }
        line += "\n"
        line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }

    /// The last second formatted, shared by every handler: a request log line needs the time,
    /// and formatting it once a second instead of once a line is one of the cheap wins there.
    private static let lastTimestamp = NIOLockedValueBox<(seconds: time_t, text: String)>((-1, ""))

    private static func currentTimestamp() -> String {
        let now = time(nil)
        return lastTimestamp.withLockedValue { last in
            if last.seconds != now { last = (now, timestamp(now)) }
            return last.text
        }
    }

    /// `2026-11-22T02:05:01Z` for a Unix time.
    static func timestamp(_ seconds: time_t) -> String {
        var now = seconds
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
