import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that turns plan sources (files and folders) into plan files, for
/// `serve --plans`, `report` and `validate`.
///
/// A file named on the command line is taken as given. A folder contributes its `*.yaml`,
/// `*.yml` and `*.json` entries (not recursive) that are regular files inside it, checked with
/// `lstat`: a symbolic link (to a plan elsewhere, or to `/etc/passwd`) or anything else that is
/// not a regular file is skipped with a warning naming only the entry. A folder is often a
/// checkout of someone else's branch (a pull-request preview), and git stores symbolic links.
public enum PlanFiles {
    /// The extensions of plan files in a folder (compared case-insensitively).
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// The outcome of a scan: the plan files in order, and one warning per skipped entry.
    public struct Scan: Sendable, Equatable {
        /// Files as given, then each folder's plan files sorted by name.
        public var files: [String]
        /// `DIR/NAME: warning: skipped: …`, one per folder entry left out.
        public var warnings: [String]
    }

    /// Scans `sources`; a source that does not exist contributes nothing (callers check that).
    public static func scan(_ sources: [String]) -> Scan {
        var scan = Scan(files: [], warnings: [])
        for source in sources {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                scan.files.append(source)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []
            for name in names.sorted() where extensions.contains((name as NSString).pathExtension.lowercased()) {
                let path = (source as NSString).appendingPathComponent(name)
                if let reason = skipReason(path) {
                    scan.warnings.append("\(path): warning: skipped: \(reason)")
                } else {
                    scan.files.append(path)
                }
            }
        }
        return scan
    }

    /// Why the folder entry at `path` is not a plan file to read, or nil when it is a regular file.
    /// `lstat` does not follow a final symbolic link, so a link is seen as a link.
    static func skipReason(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "cannot be read" }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK:
            return "a symbolic link; plans in a folder must be regular files inside it "
                + "(copy the plan into the folder, or name the file itself on the command line)"
        case S_IFDIR: return "a folder, not a plan file"
        default: return "not a regular file"
        }
    }
}
