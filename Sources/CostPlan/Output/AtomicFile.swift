import Foundation

/// Writes a file all at once or not at all: a temporary file beside it, renamed into place, so a
/// reader sees the old file or the new one, never half of one (CSV exports, rate sheets).
public enum AtomicFile {
    /// Why the file could not be written; the previous file, if any, is unchanged.
    public struct WriteError: Error, LocalizedError, CustomStringConvertible {
        public var description: String
        public var errorDescription: String? { description }
    }

    public static func write(_ data: Data, to path: String) throws {
        let destination = URL(fileURLWithPath: path)
        let directory = destination.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw WriteError(description: "cannot create a file in \(directory.path)")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(description: "cannot replace the file: \(reason)")
        }
    }
}
