import CostPlan
import CostPlanReports
import CostPlanStore

/// `pricing info` without `--region`: the snapshot, where the sheets and the catalog file are,
/// one line per service (regions, rates, derived rates), the regions with rates, then the
/// sources (`PricingSourcesReport`).
public enum PricingInfoReport {
    public static func render(_ catalog: InMemoryPriceCatalog, loader: CatalogLoader, sources: CatalogSources) -> String {
        let rates = catalog.allRates
        var table = TextTable(leftAligned: 1)
        table.add(["SERVICE", "REGIONS", "RATES", "DERIVED"])
        table.rule()
        for service in Array(Set(rates.map(\.key.service))).sorted() {
            let of = rates.filter { $0.key.service == service }
            let regions = Set(of.map(\.key.region))
            table.add([service, regions == ["global"] ? "global" : "\(regions.count)", "\(of.count)", "\(of.filter(\.isDerived).count)"])
        }
        let regions = Set(rates.map(\.key.region)).subtracting(["global"]).sorted()
        let s = catalog.snapshot
        return "Snapshot \(s.id): \(s.rateCount) rates from \(s.origin), newest effective date \(s.latestEffectiveDate)\n"
            + "Rate sheets: \(loader.source.description)\n"
            + "Catalog file: \(loader.databasePath)\n\n" + table.rendered() + "\n"
            + "\nRegions with rates (\(regions.count)): \(regions.joined(separator: " "))\n"
            + "What one region covers: costplan pricing info --region <region>\n"
            + PricingSourcesReport.render(sources)
    }
}

extension PricingInfoReport {
    /// What is wrong with `--region`, if anything (a region code or `global`).
    public static func problem(region: String?) -> String? {
        guard let region, !AWSRegion.isKnown(region), region != "global" else { return nil }
        return "--region \(region): not an AWS region code (e.g. us-east-1)"
    }

    /// Prints `pricing info`: with `region`, what that region covers (`RegionCoverageReport`);
    /// otherwise the whole catalog and its sources, read through `loader`.
    public static func print(region: String?, catalog: InMemoryPriceCatalog, loader: () throws -> CatalogLoader) throws {
        if let region { return Output.write(RegionCoverageReport.render(region: region, rates: catalog.allRates)) }
        let loader = try loader()
        Output.write(render(catalog, loader: loader, sources: try loader.sources()))
    }
}

/// `pricing rates`: the rates matching the filters (nil: any), with their sources.
public enum RateListReport {
    public static func render(_ rates: [Rate], service: String?, region: String?, item: String?) -> String {
        let matching = rates.filter {
            (service == nil || $0.key.service == service) && (region == nil || $0.key.region == region)
                && (item.map($0.key.item.contains) ?? true)
        }
        var table = TextTable(leftAligned: 3)
        table.add(["SERVICE", "REGION", "ITEM", "TIER FROM", "USD", "UNIT", "EFFECTIVE", "SOURCE"])
        table.rule()
        for r in matching.sorted(by: { ($0.key.service, $0.key.item, $0.key.region) < ($1.key.service, $1.key.item, $1.key.region) }) {
            table.add([r.key.service, r.key.region, r.key.item, r.tierFrom.map(Money.plain) ?? "", Money.plain(r.usd),
                       r.unit, r.effectiveDate, r.source.count > 70 ? String(r.source.prefix(67)) + "..." : r.source])
        }
        return table.rendered() + "\n\(matching.count) rates\n"
    }
}
