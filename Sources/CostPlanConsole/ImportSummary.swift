import CostPlan
import CostPlanStore
import Foundation

/// What `pricing import` and `pricing fetch` print about the offers they imported.
public enum ImportSummary {
    /// Per file: the offer, what was read and used, and every warning (rejected prices and
    /// conflicts, five of each at most); then one line per offer region and the new snapshot.
    public static func render(_ imports: [OfferImport], outcomes: [ImportOutcome], snapshot: PricingSnapshot) -> String {
        var text = ""
        for offerImport in imports {
            let s = offerImport.statistics
            let rate = s.seconds > 0 ? Int(Double(s.rowsRead) / s.seconds) : s.rowsRead
            let rows = offerImport.format == .csv ? "rows" : "products"
            text += "\((offerImport.file as NSString).lastPathComponent): \(offerImport.offerCode) offer version \(offerImport.version) "
                + "(published \(offerImport.publicationDate), \(offerImport.format.rawValue))\n"
            text += "  read \(s.rowsRead) \(rows), \(ByteCount.format(s.bytesRead)) "
                + "in \(String(format: "%.2f", s.seconds)) s (\(rate) \(rows)/s); "
                + "\(s.rowsUsed) price rows used, the rest skipped\n"
            if s.rowsWithUnexpectedUnit > 0 { text += "  warning: \(s.rowsWithUnexpectedUnit) rows of priced products had a unit or currency costplan does not use (skipped)\n" }
            if s.rowsWithUnknownRegion > 0 { text += "  warning: \(s.rowsWithUnknownRegion) rows had a location costplan cannot map to a region code (skipped)\n" }
            for rejected in s.rejectedPrices.prefix(5) { text += "  warning: \(rejected)\n" }
            if s.rejectedPrices.count > 5 { text += "  warning: … and \(s.rejectedPrices.count - 5) more prices skipped (README: Importing AWS Price List offer files)\n" }
            for conflict in s.conflicts.prefix(5) { text += "  warning: conflicting prices for \(conflict)\n" }
            if s.conflicts.count > 5 { text += "  warning: … and \(s.conflicts.count - 5) more conflicting prices\n" }
            if offerImport.ratesByRegion.isEmpty { text += "  warning: no rates the estimator uses were found in this file\n" }
        }
        for outcome in outcomes {
            let o = outcome.offer
            text += "\(o.offerCode) \(o.region): \(o.rateCount) rates, \(change(outcome, unchanged: "unchanged (already imported)"))\n"
        }
        return text + "Catalog snapshot \(snapshot.id): \(snapshot.rateCount) rates from \(snapshot.origin)\n"
    }

    /// `AmazonEC2 eu-central-1: 412 rates, offer version 20250101000000, added` (a fetched offer region).
    public static func fetched(_ outcome: ImportOutcome) -> String {
        let o = outcome.offer
        return "\(o.offerCode) \(o.region): \(o.rateCount) rates, offer version \(o.version), "
            + change(outcome, unchanged: "unchanged (the same rates are already imported)")
    }

    private static func change(_ outcome: ImportOutcome, unchanged: String) -> String {
        switch outcome.change {
        case .added: "added"
        case .replaced: "replaced version \(outcome.previousVersion ?? "?")"
        case .unchanged: unchanged
        }
    }

    /// The offer files among `paths`: files as given, and a folder's `*.csv` and `*.json` (sorted);
    /// `warn` hears of a folder without any. Throws `OfferFilesError` for a path that does not exist.
    public static func offerFiles(_ paths: [String], warn: (String) -> Void) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw OfferFilesError(description: "\(path): error: no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let offers = names.filter { $0.lowercased().hasSuffix(".csv") || $0.lowercased().hasSuffix(".json") }.sorted()
                if offers.isEmpty { warn("\(path): warning: no *.csv or *.json offer files in this folder") }
                files += offers.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }
}

/// An offer file argument that does not exist.
public struct OfferFilesError: Error, CustomStringConvertible {
    public var description: String
}
