import CostPlanTestSupport
import Foundation
import Testing

/// `report DIR` and `validate DIR` skip symbolic links in the folder (naming only the link) and
/// never print the content of a linked or non-plan file.
@Suite(.serialized)
struct PlanFolderCommandTests {
    /// A folder with a real plan, a link to /etc/passwd, a link to a plan outside it and a YAML
    /// file that is not a plan.
    static func folder() throws -> (folder: URL, cleanup: () -> Void) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-cli-folder-\(UUID().uuidString)")
        let folder = base.appendingPathComponent("plans"), elsewhere = base.appendingPathComponent("elsewhere")
        for dir in [folder, elsewhere] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestRepository.example("muejam-library.yaml")),
                                         to: folder.appendingPathComponent("muejam-library.yaml"))
        try "version: 1\nname: outside\nregion: us-east-1\nenvironments:\n  secretenv:\n    components:\n      c: {type: ecr, storage_gb: 1}\n"
            .write(to: elsewhere.appendingPathComponent("outside.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("passwd.yaml").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("outside.yaml").path,
                                                   withDestinationPath: elsewhere.appendingPathComponent("outside.yaml").path)
        try "name: secret-name\nregion: secret-region\npassword: hunter2\n"
            .write(to: folder.appendingPathComponent("compose.yaml"), atomically: true, encoding: .utf8)
        return (folder, { try? FileManager.default.removeItem(at: base) })
    }

    static let leaks = ["/etc/passwd", "root:", "/bin/", "secretenv", "elsewhere", "secret-name", "secret-region", "hunter2"]

    @Test func reportSkipsLinksAndShowsNoContentOfThem() throws {
        let (folder, cleanup) = try Self.folder()
        defer { cleanup() }
        let out = folder.deletingLastPathComponent().appendingPathComponent("site")
        let result = try CLI.run(["report", folder.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(folder.path)/passwd.yaml: warning: skipped: a symbolic link;"))
        #expect(result.stderr.contains("\(folder.path)/outside.yaml: warning: skipped: a symbolic link;"))
        #expect(result.stdout.contains("for 2 plans"), "\(result.stdout)")
        var pages = ""
        for case let file as String in FileManager.default.enumerator(atPath: out.path)! where file.hasSuffix(".html") {
            pages += try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        }
        #expect(pages.contains("not a costplan plan"))
        for leak in Self.leaks {
            #expect(!pages.contains(leak), "a page shows \(leak)")
            #expect(!result.stderr.contains(leak) && !result.stdout.contains(leak), "the output shows \(leak)")
        }
    }

    @Test func validateChecksAFolderAndSkipsLinks() throws {
        let (folder, cleanup) = try Self.folder()
        defer { cleanup() }
        let result = try CLI.run(["validate", folder.path])
        #expect(result.status == 2, "compose.yaml is not a plan")
        #expect(result.stdout == "\(folder.path)/muejam-library.yaml: ok — 3 environments, 17 components\n", "\(result.stdout)")
        #expect(result.stderr.contains("\(folder.path)/compose.yaml: error: not a costplan plan: the file has no top-level `version:`"))
        #expect(result.stderr.contains("\(folder.path)/passwd.yaml: warning: skipped: a symbolic link;"))
        for leak in Self.leaks { #expect(!result.stderr.contains(leak) && !result.stdout.contains(leak), "the output shows \(leak)") }
    }

    /// `validate` clears no screen and forges no line: plan values in its errors are escaped.
    @Test func validateEscapesControlCharacters() throws {
        let path = try CLI.plan("version: 1\nname: p\nregion: us-east-1\nenvironments:\n  prod:\n    components:\n"
            + "      web: {type: \"ec2\\e[2J\\e[32m\\nall good\\u202E\"}\n")
        let result = try CLI.run(["validate", path])
        #expect(result.status == 2)
        #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(result.stderr.contains(#"unknown component type 'ec2\u{1B}[2J\u{1B}[32m\u{A}all good\u{202E}'"#), "\(result.stderr)")
    }
}
