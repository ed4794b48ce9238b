import ArgumentParser
import CostPlan
import CostPlanConsole
import CostPlanStore
import Foundation

extension PricingCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the catalog's current rates back as rate sheets (pricing/ format), each with its source.",
            discussion: """
            Writes one <Service>.csv per service into DIR: the sheet rates, with the imported or fetched AWS \
            offer rates in place of those they override, at full precision, each keeping its source (the AWS \
            offer version, SKU and rate code for fetched rates). Loading DIR as the pricing folder gives the \
            same rates, so a release's pricing/ can be regenerated from AWS:

              costplan pricing fetch --region us-east-1 --region eu-west-1
              costplan pricing export --out pricing/

            Each file is replaced atomically; other files in DIR are left alone.
            """)

        @Option(help: ArgumentHelp("The folder to write the sheets into (created when missing).", valueName: "dir"))
        var out: String

        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            let sheets: [RateSheet]
            do { sheets = try catalog.loader().currentSheets() } catch {
                Output.error("\(error)")
                throw ExitCode(2)
            }
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                for sheet in sheets {
                    try AtomicFile.write(Data(sheet.csv.utf8), to: URL(fileURLWithPath: out).appendingPathComponent("\(sheet.service).csv").path)
                }
            } catch {
                Output.error("\(out): error: cannot write the sheets: \(error.localizedDescription)")
                throw ExitCode(2)
            }
            let count = sheets.reduce(0) { $0 + $1.rates.count }
            Output.write("wrote \(sheets.count) sheets (\(count) rates) to \(out)/\n")
        }
    }
}
