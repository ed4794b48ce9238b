import CostPlanTestSupport
import Foundation
import Testing

/// Imports started at the same moment into one catalog lose nothing: four rounds of six
/// `costplan pricing import` processes (one offer each), then every offer is in the catalog.
@Suite(.serialized)
struct ConcurrentImportTests {
    static let offers = ["AWSELB", "AmazonEC2", "AmazonECS", "AmazonElastiCache", "AmazonRDS", "AmazonS3"]
    static let synthetic = TestRepository.root.appendingPathComponent("Tests/Fixtures/aws-offers/synthetic")

    @Test(arguments: 1...4)
    func concurrentImportsAllLand(round: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-concurrent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = directory.appendingPathComponent("catalog.sqlite").path
        _ = try CLI.run(["pricing", "info"], catalogPath: catalog)   // built from the sheets first

        let results = Results()
        DispatchQueue.concurrentPerform(iterations: Self.offers.count) { index in
            let file = Self.synthetic.appendingPathComponent("\(Self.offers[index])_us-east-1.SYNTHETIC.csv").path
            do { results.add(try CLI.run(["pricing", "import", file], catalogPath: catalog)) } catch { Issue.record(error) }
        }
        for result in results.all { #expect(result.status == 0, "\(result.stderr)") }
        let info = try CLI.run(["pricing", "info"], catalogPath: catalog)
        for offer in Self.offers {
            #expect(info.stdout.contains("\(offer)_us-east-1.SYNTHETIC.csv"), "round \(round): the \(offer) import was lost")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".import-") }
        #expect(leftovers.isEmpty)
    }

    /// While another process holds the catalog's lock, `pricing import` says on standard error
    /// that it is waiting, and finishes once the lock is free.
    @Test func aSecondImportSaysItIsWaiting() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-waiting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = directory.appendingPathComponent("catalog.sqlite").path
        let lock = open(catalog + ".lock", O_CREAT | O_RDWR, 0o644)
        #expect(flock(lock, LOCK_EX) == 0)

        let process = Process()
        process.executableURL = try #require(CostplanProcess.executable)
        process.arguments = ["pricing", "import", Self.synthetic.appendingPathComponent("AmazonS3_us-east-1.SYNTHETIC.csv").path]
        process.currentDirectoryURL = TestRepository.root
        var environment = ProcessInfo.processInfo.environment
        environment["COSTPLAN_CATALOG"] = catalog
        environment["COSTPLAN_PRICING_DIR"] = TestRepository.root.appendingPathComponent("pricing").path
        process.environment = environment
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        try process.run()
        // Read standard error until the waiting line has come (the import is blocked on the lock).
        var stderr = ""
        while !stderr.contains("\n") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stderr += String(decoding: chunk, as: UTF8.self)
        }
        #expect(stderr == "costplan: waiting for another import into \(catalog) to finish…\n")
        flock(lock, LOCK_UN)
        close(lock)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stdout.contains("AmazonS3 us-east-1: 5 rates, added\n"))
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [CostplanProcess.Result] = []
        func add(_ result: CostplanProcess.Result) { lock.withLock { list.append(result) } }
        var all: [CostplanProcess.Result] { lock.withLock { list } }
    }
}
