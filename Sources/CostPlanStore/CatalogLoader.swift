import CostPlan
import Foundation
import GRDB

/// Builds the SQLite catalog from the `pricing/` sheets on first use and rebuilds it whenever a
/// sheet changes (compared by a fingerprint of the sheets' names and contents), then hands out
/// an in-memory snapshot. A fresh clone needs no set-up step.
public struct CatalogLoader: Sendable {
    /// The folder of `*.csv` rate sheets.
    public var pricingDirectory: URL
    /// The SQLite file; created if missing.
    public var databasePath: String
    /// Told when the loader repairs something on its own (a corrupt catalog without imports is
    /// rebuilt from the sheets), so the user hears of it; e.g. printed to standard error.
    public var notice: (@Sendable (String) -> Void)?

    public init(pricingDirectory: URL, databasePath: String) {
        self.pricingDirectory = pricingDirectory
        self.databasePath = databasePath
    }

    /// The default places: `COSTPLAN_PRICING_DIR` or `./pricing`, and
    /// `COSTPLAN_CATALOG` or `.costplan/catalog.sqlite` beside the pricing folder.
    public static func standard(pricingDirectory: String? = nil, databasePath: String? = nil) -> CatalogLoader {
        let environment = ProcessInfo.processInfo.environment
        let pricing = URL(fileURLWithPath: pricingDirectory ?? environment["COSTPLAN_PRICING_DIR"] ?? "pricing")
            .standardizedFileURL
        let database = databasePath ?? environment["COSTPLAN_CATALOG"]
            ?? pricing.deletingLastPathComponent().appendingPathComponent(".costplan/catalog.sqlite").path
        return CatalogLoader(pricingDirectory: pricing, databasePath: database)
    }

    /// A catalog error: no sheets, unreadable sheet, malformed sheet (with file and line).
    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    /// The current catalog, rebuilding the database first if the sheets changed. A corrupt
    /// catalog file is rebuilt from the sheets when it holds no imports (see `notice`); SQLite
    /// errors (corrupt file with imports, full disk, read-only file) become `Error`s saying what
    /// happened and what to do.
    public func load() throws -> InMemoryPriceCatalog {
        do {
            return try loadDatabase()
        } catch let error as DatabaseError where Self.isCorruption(error) {
            try discardCorruptCatalog(error)
            do { return try loadDatabase() } catch { throw explained(error) }
        } catch {
            throw explained(error)
        }
    }

    private func loadDatabase() throws -> InMemoryPriceCatalog {
        let files = try sheetFiles()
        var contents: [(file: URL, data: Data)] = []
        for file in files {
            guard let data = try? Data(contentsOf: file) else {
                throw Error(description: "\(file.path): error: cannot read the rate sheet")
            }
            contents.append((file, data))
        }
        // The unchanged case (every estimate) only hashes bytes; text is decoded and parsed on a rebuild.
        let fingerprint = Self.fingerprint(bytes: contents.map { ($0.file.lastPathComponent, $0.data) })
        try prepareFolder()
        let database = try PricingDatabase.open(path: databasePath)
        if try database.fingerprint() != fingerprint {
            let sheets = try contents.map { file, data in
                guard let text = String(data: data, encoding: .utf8) else {
                    throw Error(description: "\(file.path): error: cannot read the rate sheet as UTF-8 text")
                }
                return try RateSheet.parse(text, service: file.deletingPathExtension().lastPathComponent, file: file.path)
            }
            try database.replaceAll(with: sheets, fingerprint: fingerprint,
                                    origin: "\(pricingDirectory.lastPathComponent)/ (\(sheets.count) sheets)")
        }
        return try database.snapshot()
    }

    /// Parses every sheet without touching the database (for `pricing check` and tests).
    public func parseSheets() throws -> [RateSheet] {
        try sheetFiles().map { file in
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw Error(description: "\(file.path): error: cannot read the rate sheet as UTF-8 text")
            }
            return try RateSheet.parse(text, service: file.deletingPathExtension().lastPathComponent, file: file.path)
        }
    }

    private func sheetFiles() throws -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: pricingDirectory.path) else {
            throw Error(description: "no rate sheets: cannot read the folder \(pricingDirectory.path) (run from the repository root, or pass --pricing-dir)")
        }
        let sheets = names.filter { $0.hasSuffix(".csv") }.sorted().map { pricingDirectory.appendingPathComponent($0) }
        if sheets.isEmpty { throw Error(description: "no rate sheets (*.csv) in \(pricingDirectory.path)") }
        return sheets
    }

    /// FNV-1a 64-bit over names and contents: cheap, stable, enough to notice any edit.
    static func fingerprint(_ files: [(name: String, text: String)]) -> String {
        fingerprint(bytes: files.map { ($0.name, Data($0.text.utf8)) })
    }

    /// The same FNV-1a hash over raw file bytes (equal to the text form for UTF-8 content).
    static func fingerprint(bytes files: [(name: String, data: Data)]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ buffer: UnsafeRawBufferPointer) {
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        for (name, data) in files {
            var name = name
            name.withUTF8 { add(UnsafeRawBufferPointer($0)) }
            hash = (hash ^ 0) &* 0x100_0000_01b3
            data.withUnsafeBytes(add)
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
