import Foundation

/// Runs the built `costplan` executable as a user would, capturing its output and exit status.
public enum CostplanProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public struct NotBuilt: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "build the costplan executable first (swift build)" }
    }

    /// The `costplan` built beside the test bundle (any scratch path), else `.build/debug`.
    public static var executable: URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("costplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = TestRepository.root.appendingPathComponent(".build/debug/costplan")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }

    /// Runs `costplan arguments…` in `directory` with the repository's rate sheets and the
    /// catalog file `catalogPath` (so parallel tests do not share the default one), plus
    /// `environment` (which may override both).
    public static func run(_ arguments: [String], in directory: URL = TestRepository.root, catalogPath: String,
                           environment extra: [String: String] = [:]) throws -> Result {
        guard let executable else { throw NotBuilt() }
        var environment = ProcessInfo.processInfo.environment
        environment["COSTPLAN_CATALOG"] = catalogPath
        environment["COSTPLAN_PRICING_DIR"] = TestRepository.root.appendingPathComponent("pricing").path
        environment.merge(extra) { _, new in new }
        return try run(executable, arguments, in: directory, environment: environment)
    }

    /// Runs `executable arguments…` in `directory` with exactly `environment`, feeding `input`
    /// (if any) to its standard input.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String],
                           input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
