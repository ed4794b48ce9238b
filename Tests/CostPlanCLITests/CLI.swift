import Foundation

/// Runs the built `costplan` executable as a user would, capturing its output and exit status.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// One catalog file for the whole test run, so tests do not race on the default one.
    static let catalog = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-cli-\(UUID().uuidString).sqlite").path

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("costplan"),
            root.appendingPathComponent(".build/debug/costplan"),
            root.appendingPathComponent(".build/release/costplan"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    static func run(_ arguments: [String], stdin: String? = nil, catalogPath: String = catalog) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["COSTPLAN_CATALOG"] = catalogPath
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes `text` to a temporary plan file and returns its path.
    static func plan(_ text: String, name: String = "plan.yaml") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
