import CostPlan
import Foundation

extension RateSheet {
    /// The sheet as `pricing/<Service>.csv` text (the format `parse` reads): the header, then one
    /// row per rate ordered by item, region and tier, prices at full precision, fields quoted
    /// when they hold a comma, quote or line break.
    public var csv: String {
        var lines = [Self.columns.joined(separator: ",")]
        let ordered = rates.sorted {
            ($0.key.item, $0.key.region, $0.tierFrom ?? 0) < ($1.key.item, $1.key.region, $1.tierFrom ?? 0)
        }
        for rate in ordered {
            lines.append([rate.key.region, rate.key.item, rate.unit, rate.tierFrom.map(Money.plain) ?? "", Money.plain(rate.usd),
                          rate.effectiveDate, rate.source, rate.notes].map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension CatalogLoader {
    /// The catalog's current rates as sheets, one per service: the sheet rates, with imported AWS
    /// offer rates in place of the sheet rates they override, each keeping its source. Loading
    /// the sheets written from these yields the same rates (`costplan pricing export`).
    public func currentSheets() throws -> [RateSheet] {
        let rates = try load().allRates
        return Dictionary(grouping: rates, by: \.key.service).sorted { $0.key < $1.key }
            .map { RateSheet(service: $0.key, rates: $0.value) }
    }
}
