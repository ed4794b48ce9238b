import CostPlan
import CostPlanServer
import CostPlanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A served plans folder may be someone else's checkout (a pull-request preview): symbolic links
/// in it are not followed, and a file that is not a plan is named without echoing its content.
@Suite(.serialized)
struct PlanFolderTests {
    let folder: URL
    let elsewhere: URL

    /// `muejam-library.yaml` (a real plan), `passwd.yaml` → /etc/passwd, `outside.yaml` → a plan
    /// outside the folder, `dangling.yml` → nothing, `compose.yaml` (YAML that is not a plan, with
    /// `name:`, `region:` and a secret), and a sub-folder `nested.yaml/`.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-folder-\(UUID().uuidString)")
        elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nested.yaml"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestRepository.example("muejam-library.yaml")),
                                         to: folder.appendingPathComponent("muejam-library.yaml"))
        try "version: 1\nname: outside\nregion: us-east-1\nenvironments:\n  secretenv:\n    components:\n      c: {type: ecr, storage_gb: 1}\n"
            .write(to: elsewhere.appendingPathComponent("outside.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("passwd.yaml").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("outside.yaml").path,
                                                   withDestinationPath: elsewhere.appendingPathComponent("outside.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.yml").path, withDestinationPath: "/nonexistent/x.yaml")
        try "name: secret-name\nregion: secret-region\npassword: hunter2\nservices: {db: {image: postgres}}\n"
            .write(to: folder.appendingPathComponent("compose.yaml"), atomically: true, encoding: .utf8)
    }

    /// Text that must never appear: the target of a link, anything from /etc/passwd, the plan
    /// outside the folder, and the non-plan file's values.
    static let leaks = ["/etc/passwd", "root:", "/bin/", "secretenv", "costplan-elsewhere", "secret-name", "secret-region", "hunter2", "postgres"]

    @Test func theScanTakesRegularFilesAndNamesOnlyTheSkippedEntries() {
        let scan = PlanFiles.scan([folder.path])
        #expect(scan.files == ["compose.yaml", "muejam-library.yaml"].map { folder.appendingPathComponent($0).path })
        #expect(scan.warnings == [
            "\(folder.path)/dangling.yml: warning: skipped: a symbolic link; plans in a folder must be regular files inside it (copy the plan into the folder, or name the file itself on the command line)",
            "\(folder.path)/nested.yaml: warning: skipped: a folder, not a plan file",
            "\(folder.path)/outside.yaml: warning: skipped: a symbolic link; plans in a folder must be regular files inside it (copy the plan into the folder, or name the file itself on the command line)",
            "\(folder.path)/passwd.yaml: warning: skipped: a symbolic link; plans in a folder must be regular files inside it (copy the plan into the folder, or name the file itself on the command line)",
        ])
        // A file named on its own is the user's choice and is taken as given, link or not.
        #expect(PlanFiles.scan([folder.appendingPathComponent("outside.yaml").path]).files == [folder.appendingPathComponent("outside.yaml").path])
    }

    @Test func servedPagesAndTheAPIShowNoLinkedOrNonPlanContent() async throws {
        let library = PlanLibrary(sources: [folder.path], catalog: TestRepository.catalog)
        let names = await library.all().map(\.name)
        #expect(names == ["compose", "muejam-library"])
        let router = buildRouter(library: library, catalog: TestRepository.catalog,
                                 publicDirectory: TestRepository.root.appendingPathComponent("Public").path)
        try await Application(router: router).test(.router) { client in
            for uri in ["/", "/api/plans", "/plans/compose.html", "/api/plans/compose", "/plans/passwd.html", "/api/plans/outside"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = String(buffer: response.body)
                    for leak in Self.leaks { #expect(!body.contains(leak), "\(uri) shows \(leak)") }
                    if uri.contains("passwd") || uri.contains("outside") { #expect(response.status == .notFound, "\(uri)") }
                    if uri == "/api/plans" {
                        #expect(body.contains("compose.yaml: error: not a costplan plan: the file has no top-level `version:`"))
                    }
                }
            }
        }
    }
}
