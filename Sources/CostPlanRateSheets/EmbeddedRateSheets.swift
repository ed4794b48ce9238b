/// The `pricing/*.csv` rate sheets as they were when this executable was built, compiled in by
/// the EmbedRateSheets build-tool plugin (the generated source lives in the build folder), so a
/// copied `costplan` binary prices plans with no files beside it.
public enum EmbeddedRateSheets {
    /// One sheet: its file name (`AmazonEC2.csv`) and its exact text.
    public struct Sheet: Sendable {
        public let name: String
        public let text: String
    }

    /// Every sheet, ordered by file name.
    public static var sheets: [Sheet] { generatedSheets }

    /// The fingerprint of the sheets' names and texts, computed at build time with the same
    /// function as the catalog's (`CatalogLoader.fingerprint`): comparing it with the cached
    /// catalog's tells whether the cache is current without reading the sheets.
    public static var fingerprint: String { generatedFingerprint }
}
