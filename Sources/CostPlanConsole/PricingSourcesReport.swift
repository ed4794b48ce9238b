import CostPlan
import CostPlanReports
import CostPlanStore
import Foundation

/// The "Sources" part of `pricing info`: the sheets and each imported AWS offer region (services,
/// regions, rate counts, offer version, publication date), and which service/regions the
/// imports override.
public enum PricingSourcesReport {
    public static func render(_ sources: CatalogSources) -> String {
        var table = TextTable(leftAligned: 4)
        table.add(["SOURCE", "SERVICE", "REGIONS", "FORMAT", "RATES", "OFFER VERSION", "PUBLISHED"])
        table.rule()
        for service in Set(sources.sheetRates.map(\.key.service)).sorted() {
            let rates = sources.sheetRates.filter { $0.key.service == service }
            let regions = Set(rates.map(\.key.region)).sorted()
            table.add(["sheet \(service).csv", service, regions.count > 4 ? "\(regions.count) regions" : regions.joined(separator: " "), "sheet",
                       "\(rates.count)", "", ""])
        }
        for offer in sources.offers {
            table.add([offer.fileName, offer.offerCode, offer.region, offer.format, "\(offer.rateCount)", offer.version,
                       offer.publicationDate])
        }
        var text = "\nSources (\(sources.sheetOrigin)"
            + (sources.offers.isEmpty ? "; no AWS offer files imported — see `costplan pricing import --help`" : "") + ")\n\n"
            + table.rendered() + "\n"
        guard !sources.offers.isEmpty else { return text }
        text += "\nImported rates take precedence over the sheets for the same service, region and item:\n"
        let imported = Dictionary(grouping: sources.importedRates) { "\($0.key.service) \($0.key.region)" }
        for (serviceRegion, rates) in imported.sorted(by: { $0.key < $1.key }) {
            let items = Set(rates.map(\.key.item))
            let sheet = sources.sheetRates.filter { "\($0.key.service) \($0.key.region)" == serviceRegion }
            let shadowed = Set(sheet.map(\.key.item)).intersection(items).count
            let stillSheet = Set(sheet.map(\.key.item)).subtracting(items).count
            text += "  \(serviceRegion): \(items.count) items from the import (\(shadowed) override a sheet rate), "
                + "\(stillSheet) items still from the sheet\n"
        }
        return text
    }
}
