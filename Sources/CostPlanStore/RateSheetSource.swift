import Foundation

/// Where the rate sheets come from: a folder of `*.csv` files (`--pricing-dir`), or the sheets
/// compiled into the executable (the default; see the CostPlanRateSheets target).
public enum RateSheetSource: Sendable {
    case folder(URL)
    /// Sheets given as text, with the fingerprint computed when they were embedded.
    case embedded([SheetText], fingerprint: String)

    /// One sheet's file name (`AmazonEC2.csv`), text, and the path errors name.
    public struct SheetText: Sendable {
        public var name: String
        public var text: String
        public var path: String

        public init(name: String, text: String, path: String) {
            (self.name, self.text, self.path) = (name, text, path)
        }

        /// The service code, from the file name.
        var service: String { (name as NSString).deletingPathExtension }
    }

    /// Sheets compiled into the executable; errors name them `<built-in>/pricing/NAME`.
    public static func embedded(_ sheets: [(name: String, text: String)], fingerprint: String) -> RateSheetSource {
        .embedded(sheets.map { SheetText(name: $0.name, text: $0.text, path: "<built-in>/pricing/\($0.name)") },
                  fingerprint: fingerprint)
    }

    /// For `pricing info`: "the N sheets built into costplan" or the folder's path.
    public var description: String {
        switch self {
        case let .folder(url): "the rate sheets in \(url.path)"
        case let .embedded(sheets, _): "the \(sheets.count) rate sheets built into costplan"
        }
    }

    /// The sheets' texts (read from the folder, by file name) and their fingerprint.
    func texts() throws -> (sheets: [SheetText], fingerprint: String) {
        switch self {
        case let .embedded(sheets, fingerprint):
            guard !sheets.isEmpty else { throw CatalogLoader.Error(description: "no rate sheets were built into costplan") }
            return (sheets, fingerprint)
        case let .folder(directory):
            let files = try csvNames(in: directory).map { directory.appendingPathComponent($0) }
            let sheets = try files.map { file in
                guard let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8) else {
                    throw CatalogLoader.Error(description: "\(file.path): error: cannot read the rate sheet as UTF-8 text")
                }
                return SheetText(name: file.lastPathComponent, text: text, path: file.path)
            }
            return (sheets, CatalogLoader.fingerprint(sheets.map { ($0.name, $0.text) }))
        }
    }

    /// A cheap stamp of the sheets, compared with the one stored in the catalog to tell whether
    /// they may have changed: for the built-in sheets, their fingerprint computed at build time;
    /// for a folder, its path and each `*.csv` file's name, size and modification time (a
    /// listing and one `stat` per sheet, no contents read). A changed stamp makes the loader read
    /// the sheets and compare their content fingerprint.
    func stamp() throws -> String {
        switch self {
        case let .embedded(sheets, fingerprint):
            guard !sheets.isEmpty else { throw CatalogLoader.Error(description: "no rate sheets were built into costplan") }
            return "built-in " + fingerprint
        case let .folder(directory):
            let names = try csvNames(in: directory)
            var lines = directory.path + "\n"
            for name in names {
                var info = stat()
                let path = directory.appendingPathComponent(name).path
                guard stat(path, &info) == 0 else {
                    throw CatalogLoader.Error(description: "\(path): error: cannot read the rate sheet (\(String(cString: strerror(errno))))")
                }
                #if os(Linux)
                let modified = info.st_mtim
                #else
                let modified = info.st_mtimespec
                #endif
                lines += "\(name)\t\(info.st_size)\t\(modified.tv_sec).\(modified.tv_nsec)\n"
            }
            return "folder " + CatalogLoader.fingerprint([("", lines)])
        }
    }

    /// The `*.csv` names in `directory`, sorted; an unreadable folder or none is an error.
    private func csvNames(in directory: URL) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw CatalogLoader.Error(description: "no rate sheets: cannot read the folder \(directory.path) (check --pricing-dir or $COSTPLAN_PRICING_DIR; without them costplan uses the sheets built into it)")
        }
        let sheets = names.filter { $0.hasSuffix(".csv") }.sorted()
        if sheets.isEmpty { throw CatalogLoader.Error(description: "no rate sheets (*.csv) in \(directory.path)") }
        return sheets
    }

    /// The catalog's origin label, e.g. `pricing/ (19 sheets)`: the embedded sheets are the
    /// repository's `pricing/` folder at build time.
    func origin(sheetCount: Int) -> String {
        switch self {
        case let .folder(url): "\(url.lastPathComponent)/ (\(sheetCount) sheets)"
        case .embedded: "pricing/ (\(sheetCount) sheets)"
        }
    }
}
