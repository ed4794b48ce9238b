import ArgumentParser
import CostPlan
import CostPlanReports
import Foundation

struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "Inspect the rate catalog and import AWS offer files into it.",
        subcommands: [Info.self, Rates.self, Import.self, Fetch.self],
        defaultSubcommand: Info.self
    )

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what the catalog holds: rates per service and region, derived rates, sources (sheets, imported AWS offers), snapshot.")

        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            let loaded = try catalog.load()
            let rates = loaded.allRates
            var table = TextTable(leftAligned: 1)
            let regions = Array(Set(rates.map(\.key.region))).sorted()
            table.add(["SERVICE"] + regions + ["DERIVED"])
            table.rule()
            for service in Array(Set(rates.map(\.key.service))).sorted() {
                let of = rates.filter { $0.key.service == service }
                table.add([service] + regions.map { r in
                    let n = of.filter { $0.key.region == r }.count
                    return n == 0 ? "·" : "\(n)"
                } + ["\(of.filter(\.isDerived).count)"])
            }
            let s = loaded.snapshot
            let loader = try catalog.loader()
            Output.write("Snapshot \(s.id): \(s.rateCount) rates from \(s.origin), newest effective date \(s.latestEffectiveDate)\n"
                + "Rate sheets: \(loader.source.description)\n"
                + "Catalog file: \(loader.databasePath)\n\n" + table.rendered() + "\n"
                + PricingSourcesReport.render(try loader.sources()))
        }
    }

    struct Rates: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rates with their sources, filtered.")

        @Option(help: "Only this service code, e.g. AmazonRDS.") var service: String?
        @Option(help: "Only this region, e.g. us-east-1 (or global).") var region: String?
        @Option(help: "Only items containing this text, e.g. db.t3.") var item: String?
        @OptionGroup var catalog: CatalogOptions

        func run() throws {
            let rates = try catalog.load().allRates.filter {
                (service == nil || $0.key.service == service) && (region == nil || $0.key.region == region)
                    && (item == nil || $0.key.item.contains(item!))
            }
            var table = TextTable(leftAligned: 3)
            table.add(["SERVICE", "REGION", "ITEM", "TIER FROM", "USD", "UNIT", "EFFECTIVE", "SOURCE"])
            table.rule()
            for r in rates.sorted(by: { ($0.key.service, $0.key.item, $0.key.region) < ($1.key.service, $1.key.item, $1.key.region) }) {
                table.add([r.key.service, r.key.region, r.key.item, r.tierFrom.map(Money.plain) ?? "", Money.plain(r.usd),
                           r.unit, r.effectiveDate, r.source.count > 70 ? String(r.source.prefix(67)) + "..." : r.source])
            }
            Output.write(table.rendered() + "\n\(rates.count) rates\n")
        }
    }
}
