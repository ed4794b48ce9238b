import Foundation
import Testing

/// Golden files: renderer output compared byte for byte with a committed file, reviewed in the
/// diff. `COSTPLAN_UPDATE_GOLDEN=1 swift test` rewrites them after an intended change.
public struct GoldenFiles: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Compares `actual` with the file `name`, recording the first differing line as an issue.
    public func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["COSTPLAN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("missing golden file \(name); run COSTPLAN_UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return }
        let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        let index = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("""
            \(name) differs at line \(index + 1):
              expected: \(index < e.count ? e[index] : "<end>")
              actual:   \(index < a.count ? a[index] : "<end>")
            (COSTPLAN_UPDATE_GOLDEN=1 swift test rewrites golden files)
            """, sourceLocation: sourceLocation)
    }
}
