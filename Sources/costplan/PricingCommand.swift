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
            abstract: "Show what the catalog holds: rates per service and region, derived rates, sources (sheets, imported AWS offers), snapshot.",
            discussion: """
            Without --region: one line per service (regions, rates, derived rates), then the sources. \
            With --region: what that region covers, per service and item group, and the `pricing fetch` \
            command for each offer service the region has no rate for.
            """)

        @Option(help: ArgumentHelp("Show one region's coverage (services × rates), e.g. eu-central-1.", valueName: "region"))
        var region: String?

        @OptionGroup var catalog: CatalogOptions

        func validate() throws {
            if let region, !AWSRegion.isKnown(region), region != "global" {
                throw ValidationError("--region \(region): not an AWS region code (e.g. us-east-1)")
            }
        }

        func run() throws {
            let loaded = try catalog.load()
            let rates = loaded.allRates
            if let region {
                Output.write(RegionCoverageReport.render(region: region, rates: rates))
                return
            }
            var table = TextTable(leftAligned: 1)
            table.add(["SERVICE", "REGIONS", "RATES", "DERIVED"])
            table.rule()
            for service in Array(Set(rates.map(\.key.service))).sorted() {
                let of = rates.filter { $0.key.service == service }
                let regions = Set(of.map(\.key.region))
                table.add([service, regions == ["global"] ? "global" : "\(regions.count)", "\(of.count)",
                           "\(of.filter(\.isDerived).count)"])
            }
            let regions = Set(rates.map(\.key.region)).subtracting(["global"]).sorted()
            let s = loaded.snapshot
            Output.write("Snapshot \(s.id): \(s.rateCount) rates from \(s.origin), newest effective date \(s.latestEffectiveDate)\n"
                + "Catalog file: \(catalog.loader.databasePath)\n\n" + table.rendered() + "\n"
                + "\nRegions with rates (\(regions.count)): \(regions.joined(separator: " "))\n"
                + "What one region covers: costplan pricing info --region <region>\n"
                + PricingSourcesReport.render(try catalog.loader.sources()))
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
