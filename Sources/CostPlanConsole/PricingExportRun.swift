import CostPlan
import CostPlanStore
import Foundation

/// `costplan pricing export`: writes the catalog's current rates as one `<Service>.csv` sheet per
/// service into a folder, each file replaced atomically. A failure exits 2.
public enum PricingExportRun {
    /// Writes the sheets `loader` gives into `out` (created when missing).
    public static func run(out: String, loader: () throws -> CatalogLoader) throws {
        let loader = try loader()
        let sheets = try CommandFailure.mapping(status: 2) { try loader.currentSheets() }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for sheet in sheets {
                try AtomicFile.write(Data(sheet.csv.utf8), to: URL(fileURLWithPath: out).appendingPathComponent("\(sheet.service).csv").path)
            }
        } catch {
            throw CommandFailure("\(out): error: cannot write the sheets: \(error.localizedDescription)", status: 2)
        }
        let count = sheets.reduce(0) { $0 + $1.rates.count }
        Output.write("wrote \(sheets.count) sheets (\(count) rates) to \(out)/\n")
    }
}
