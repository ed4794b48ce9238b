import Foundation

extension CatalogLoader {
    /// The files a catalog comes from, for `CatalogProvider` to watch: the SQLite file (and
    /// its write-ahead log) and, when the sheets are read from a folder (`--pricing-dir`), that
    /// folder (entries added, removed or renamed) and every sheet in it. Built-in sheets change
    /// only with the binary.
    public func watchedFiles() -> [String] {
        let catalog = [databasePath, databasePath + "-wal"]
        guard let pricingDirectory else { return catalog }
        let sheets = ((try? FileManager.default.contentsOfDirectory(atPath: pricingDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".csv") }.sorted()
            .map { pricingDirectory.appendingPathComponent($0).path }
        return catalog + [pricingDirectory.path] + sheets
    }
}
