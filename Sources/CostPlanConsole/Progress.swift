import CostPlanHTTP
import CostPlanStore
import Foundation

/// `12.3 MB`.
public enum ByteCount {
    public static func format(_ bytes: Int64) -> String {
        let value = Double(bytes)
        if value >= 1e9 { return String(format: "%.2f GB", value / 1e9) }
        if value >= 1e6 { return String(format: "%.1f MB", value / 1e6) }
        if value >= 1e3 { return String(format: "%.1f KB", value / 1e3) }
        return "\(bytes) B"
    }
}

/// The one-line progress bar of an offer file being read, on standard error (only drawn when it is a terminal).
public enum ProgressBar {
    public static func draw(_ p: ImportProgress) {
        let rate = p.seconds > 0 ? Int(Double(p.rowsRead) / p.seconds) : 0
        let fraction = p.totalBytes > 0 ? min(1, Double(p.bytesRead) / Double(p.totalBytes)) : 0
        let line = "\r" + bar(fraction) + String(format: "%3.0f%% ", fraction * 100)
            + "\(ByteCount.format(p.bytesRead))/\(ByteCount.format(p.totalBytes)) "
            + "\(p.rowsRead) rows \(rate) rows/s \((p.file as NSString).lastPathComponent)\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    public static func clear() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

    /// `[#####.........................] ` for `fraction` (0–1) of 30 cells.
    static func bar(_ fraction: Double) -> String {
        let width = 30
        let filled = Int(fraction * Double(width))
        return "[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] "
    }
}

/// What a fetch shows: a progress bar on a terminal (bytes, rate, time left) and one line per
/// offer region.
public final class FetchDisplay: @unchecked Sendable {
    private let log: @Sendable (String) -> Void
    private let terminal: Bool
    private let lock = NSLock()
    private var drawn = false

    public init(log: @escaping @Sendable (String) -> Void, terminal: Bool) {
        self.log = log
        self.terminal = terminal
    }

    public func show(_ event: FetchEvent) {
        lock.withLock {
            switch event {
            case let .upToDate(offer, region, version):
                line("\(offer) \(region): up to date (offer version \(version) is in the catalog); nothing downloaded")
            case let .notOffered(offer, region):
                line("\(offer) \(region): AWS publishes no \(offer) offer for this region; skipped")
            case let .downloading(offer, region, progress):
                guard terminal else { return }
                FileHandle.standardError.write(Data(Self.bar(progress, label: "\(offer) \(region)").utf8))
                drawn = true
            case let .downloaded(offer, region, version, result):
                let rate = result.seconds > 0 ? Double(result.bytes) / result.seconds : 0
                line("\(offer) \(region): downloaded \(ByteCount.format(result.bytes)) in \(String(format: "%.1f", result.seconds)) s "
                    + "(\(ByteCount.format(Int64(rate)))/s), offer version \(version), from \(result.url)")
            }
        }
    }

    public func clear() { lock.withLock { clearBar() } }

    private func line(_ text: String) {
        clearBar()
        log(text)
    }

    private func clearBar() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    /// `\r[#####.....]  48% 120.3 MB/250.0 MB 31.2 MB/s ETA 0:04 AmazonEC2 eu-central-1`
    static func bar(_ p: DownloadProgress, label: String) -> String {
        let fraction = p.expectedBytes.map { $0 > 0 ? min(1, Double(p.bytesReceived) / Double($0)) : 0 }
        let total = p.expectedBytes.map { "/" + ByteCount.format($0) } ?? ""
        let eta = p.secondsRemaining.map { " ETA \(Int($0) / 60):" + String(format: "%02d", Int($0) % 60) } ?? ""
        return "\r" + ProgressBar.bar(fraction ?? 0)
            + (fraction.map { String(format: "%3.0f%% ", $0 * 100) } ?? "") + "\(ByteCount.format(p.bytesReceived))\(total) "
            + "\(ByteCount.format(Int64(p.bytesPerSecond)))/s\(eta) \(label)\u{1B}[K"
    }
}
