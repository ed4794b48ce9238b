import ArgumentParser
import CostPlan
import CostPlanStore
import Foundation

extension PricingCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import AWS Price List offer files (CSV or JSON) into the catalog.",
            discussion: """
            Reads AWS Price List bulk offer files (index.csv / index.json of AmazonEC2, AWSELB, AmazonECS, \
            AmazonRDS, AmazonElastiCache, AmazonS3), keeps only the rows the estimator prices (e.g. Linux \
            shared-tenancy on-demand instances, NAT gateway, EBS, ALB/NLB, Fargate, RDS, ElastiCache nodes, \
            S3 Standard) and stores them as rates. Imported rates take precedence over the pricing/ sheets \
            for the same service, region and item; the sheets still provide everything else.

            Every file is read before the catalog is touched; the catalog is then rebuilt into a new file \
            that replaces the old one only when complete, so a malformed or truncated file (reported with \
            its line or JSON path) leaves the previous catalog as it was. Importing the same file again \
            changes nothing. A progress bar is shown on standard error when it is a terminal.
            """)

        @Argument(help: ArgumentHelp("Offer files (*.csv, *.json) or folders of them.", valueName: "file-or-folder"))
        var paths: [String]

        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            try PricingImport.run(files: try PricingImport.expand(paths), catalog: catalog)
        }
    }
}

/// The import of `pricing import`: read every file (with a progress
/// bar on a terminal), then import them all in one atomic catalog replacement, then summarise.
enum PricingImport {
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                Output.error("\(path): error: no such file or folder")
                throw ExitCode(2)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let offers = names.filter { $0.lowercased().hasSuffix(".csv") || $0.lowercased().hasSuffix(".json") }.sorted()
                if offers.isEmpty { Output.error("\(path): warning: no *.csv or *.json offer files in this folder") }
                files += offers.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }

    static func run(files: [String], catalog: CatalogOptions) throws {
        let showProgress = isatty(2) == 1
        var imports: [OfferImport] = []
        for file in files {
            do {
                let progress: ((ImportProgress) -> Void)? = showProgress ? { ProgressBar.draw($0) } : nil
                let offerImport = try OfferImport.read(path: file, progress: progress)
                if showProgress { ProgressBar.clear() }
                imports.append(offerImport)
            } catch {
                if showProgress { ProgressBar.clear() }
                Output.error("\(error)\nNothing was imported; the catalog is unchanged.")
                throw ExitCode(2)
            }
        }
        let outcomes: [ImportOutcome]
        let loader = try catalog.loader()
        do {
            outcomes = try loader.importOffers(imports, waiting: {
                Output.error("costplan: waiting for another import into \(loader.databasePath) to finish…")
            })
        } catch {
            Output.error("\(error)\nNothing was imported; the catalog is unchanged.")
            throw ExitCode(2)
        }
        var text = ""
        for offerImport in imports {
            let s = offerImport.statistics
            let rate = s.seconds > 0 ? Int(Double(s.rowsRead) / s.seconds) : s.rowsRead
            text += "\((offerImport.file as NSString).lastPathComponent): \(offerImport.offerCode) offer version \(offerImport.version) "
                + "(published \(offerImport.publicationDate), \(offerImport.format.rawValue))\n"
            text += "  read \(s.rowsRead) \(offerImport.format == .csv ? "rows" : "products"), \(ByteCount.format(s.bytesRead)) "
                + "in \(String(format: "%.2f", s.seconds)) s (\(rate) \(offerImport.format == .csv ? "rows" : "products")/s); "
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
            let change = switch outcome.change {
            case .added: "added"
            case .replaced: "replaced version \(outcome.previousVersion ?? "?")"
            case .unchanged: "unchanged (already imported)"
            }
            text += "\(o.offerCode) \(o.region): \(o.rateCount) rates, \(change)\n"
        }
        let snapshot = try catalog.lookups().snapshot
        text += "Catalog snapshot \(snapshot.id): \(snapshot.rateCount) rates from \(snapshot.origin)\n"
        Output.write(text)
    }
}

/// `12.3 MB`.
enum ByteCount {
    static func format(_ bytes: Int64) -> String {
        let value = Double(bytes)
        if value >= 1e9 { return String(format: "%.2f GB", value / 1e9) }
        if value >= 1e6 { return String(format: "%.1f MB", value / 1e6) }
        if value >= 1e3 { return String(format: "%.1f KB", value / 1e3) }
        return "\(bytes) B"
    }
}

/// The one-line progress bar on standard error (only drawn when it is a terminal).
enum ProgressBar {
    static func draw(_ p: ImportProgress) {
        let fraction = p.totalBytes > 0 ? min(1, Double(p.bytesRead) / Double(p.totalBytes)) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = p.seconds > 0 ? Int(Double(p.rowsRead) / p.seconds) : 0
        let name = (p.file as NSString).lastPathComponent
        let line = "\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] "
            + String(format: "%3.0f%% ", fraction * 100) + "\(ByteCount.format(p.bytesRead))/\(ByteCount.format(p.totalBytes)) "
            + "\(p.rowsRead) rows \(rate) rows/s \(name)\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func clear() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
