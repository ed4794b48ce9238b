import CostPlan
import Foundation
import GRDB

/// Builds the SQLite catalog from the rate sheets on first use and rebuilds it whenever they
/// change (a cheap stamp first, then a fingerprint of the sheets' names and contents), then hands
/// out a catalog that looks rates up in the file (`catalog()`) or an in-memory snapshot (`load()`). No set-up step: by default the sheets are the ones built into the
/// executable and the catalog is a cache in the user's cache folder (see `CatalogCache`).
public struct CatalogLoader: Sendable {
    /// The rate sheets: a folder of `*.csv` files or the sheets built into the executable.
    public var source: RateSheetSource
    /// The SQLite file; created (with its folder) if missing.
    public var databasePath: String
    /// Told when the loader repairs something on its own (a corrupt catalog without imports is
    /// rebuilt from the sheets), so the user hears of it; e.g. printed to standard error.
    public var notice: (@Sendable (String) -> Void)?

    public init(source: RateSheetSource, databasePath: String) {
        self.source = source
        self.databasePath = databasePath
    }

    /// Sheets read from the folder `pricingDirectory`.
    public init(pricingDirectory: URL, databasePath: String) {
        self.init(source: .folder(pricingDirectory), databasePath: databasePath)
    }

    /// The folder of sheets, when they come from one.
    public var pricingDirectory: URL? {
        if case let .folder(url) = source { return url }
        return nil
    }

    /// The default places: the sheets from `pricingDirectory`, else `$COSTPLAN_PRICING_DIR`,
    /// else `builtIn`; the catalog at `databasePath`, else `$COSTPLAN_CATALOG`, else
    /// `catalog.sqlite` in the cache folder. Nothing defaults to the working folder.
    public static func standard(pricingDirectory: String? = nil, databasePath: String? = nil, builtIn: RateSheetSource,
                                environment: [String: String] = variables()) throws -> CatalogLoader {
        let folder = pricingDirectory ?? environment["COSTPLAN_PRICING_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        let source = folder.map { RateSheetSource.folder(URL(fileURLWithPath: $0).standardizedFileURL) } ?? builtIn
        let database = try databasePath ?? environment["COSTPLAN_CATALOG"].flatMap { $0.isEmpty ? nil : $0 }
            ?? CatalogCache.catalogPath(environment: environment)
        return CatalogLoader(source: source, databasePath: database)
    }

    /// The environment variables `standard` reads, from the process's environment (read one by
    /// one: the whole environment as a dictionary is a cost on every cold run).
    public static func variables() -> [String: String] {
        var variables: [String: String] = [:]
        for name in ["COSTPLAN_PRICING_DIR", "COSTPLAN_CATALOG", "XDG_CACHE_HOME", "HOME"] {
            if let value = getenv(name) { variables[name] = String(cString: value) }
        }
        return variables
    }

    /// A catalog error: no sheets, unreadable sheet or catalog file (with what to do).
    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    /// The current catalog, every rate read into memory (the server, `pricing` pages and tests;
    /// a single run prices with `catalog()`), after `update()`.
    public func load() throws -> InMemoryPriceCatalog {
        try repairing { try makeCurrent().snapshot() }
    }

    /// The current catalog for one run: the file opened read-only, each rate looked up when the
    /// plan needs it (`SQLitePriceCatalog`). When the catalog is current — the sheets' cheap
    /// stamp matches, see `RateSheetSource.stamp()` — this reads two small tables and no sheet;
    /// otherwise it runs `update()` first.
    public func catalog() throws -> SQLitePriceCatalog {
        try repairing {
            let stamp = try source.stamp()
            if let current = try? SQLitePriceCatalog.openCurrent(path: databasePath, stamp: stamp) { return current }
            _ = try makeCurrent(stamp: stamp)
            guard let current = try SQLitePriceCatalog.openCurrent(path: databasePath, stamp: stamp) else {
                throw Error(description: "\(databasePath): error: the catalog changed while it was being opened (another costplan process rebuilt it for other rate sheets); run again")
            }
            return current
        }
    }

    /// The catalog file opened as `catalog()` opens it when it is current, else nil. It never
    /// builds, repairs or reports anything, so it can run beside other work and be dropped.
    public func currentCatalog() -> SQLitePriceCatalog? {
        guard let stamp = try? source.stamp() else { return nil }
        return (try? SQLitePriceCatalog.openCurrent(path: databasePath, stamp: stamp)) ?? nil
    }

    /// Brings the catalog file up to date with the sheets, rebuilding it if they changed. The
    /// check and the rebuild happen in one write transaction, so processes starting together on a
    /// new or stale catalog wait for one another and the later ones find it current. A corrupt
    /// catalog file is rebuilt from the sheets when it holds no imports (see `notice`); SQLite
    /// errors (corrupt file with imports, full disk, read-only file) become `Error`s saying what
    /// happened and what to do.
    public func update() throws {
        try repairing { _ = try makeCurrent() }
    }

    private func repairing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where Self.isCorruption(error) {
            try discardCorruptCatalog(error)
            do { return try body() } catch { throw explained(error) }
        } catch {
            throw explained(error)
        }
    }

    /// Opens the catalog and makes it current for the sheets (read only when their stamp changed).
    private func makeCurrent(stamp: String? = nil) throws -> PricingDatabase {
        let stamp = try stamp ?? source.stamp()
        let database = try open()
        try database.makeCurrent(stamp: stamp) {
            let (sheets, fingerprint) = try source.texts()
            return PricingDatabase.SheetsToLoad(fingerprint: fingerprint, origin: source.origin(sheetCount: sheets.count)) {
                try sheets.map { try RateSheet.parse($0.text, service: $0.service, file: $0.path) }
            }
        }
        return database
    }

    /// Parses every sheet without touching the database (for `pricing check` and tests).
    public func parseSheets() throws -> [RateSheet] {
        try source.texts().sheets.map { try RateSheet.parse($0.text, service: $0.service, file: $0.path) }
    }

    /// Opens the catalog file, creating its folder (`prepareFolder`); failures name the path and
    /// the way out.
    func open() throws -> PricingDatabase {
        try prepareFolder()
        return try PricingDatabase.open(path: databasePath)
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
