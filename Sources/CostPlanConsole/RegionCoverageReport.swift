import CostPlan
import CostPlanReports
import CostPlanStore
import Foundation

/// `pricing info --region R`: what the catalog prices in one region — rates per service and item
/// group (e.g. `instance/postgres`, `node/redis`), how many are derived, the rates every region
/// shares (`global`), and the offer services with no rate there, each with the command that fills it.
public enum RegionCoverageReport {
    public static func render(region: String, rates: [Rate]) -> String {
        let here = rates.filter { $0.key.region == region }
        let global = rates.filter { $0.key.region == "global" }
        var table = TextTable(leftAligned: 2)
        table.add(["SERVICE", "ITEMS", "RATES", "DERIVED", "NEWEST EFFECTIVE"])
        table.rule()
        let groups = Dictionary(grouping: here) { GroupKey(service: $0.key.service, group: itemGroup($0.key.item)) }
        for (key, of) in groups.sorted(by: { $0.key < $1.key }) {
            table.add([key.service, key.group, "\(of.count)", "\(of.filter(\.isDerived).count)",
                       of.map(\.effectiveDate).max() ?? ""])
        }
        var text = "Region \(region): \(here.count) rates in \(Set(here.map(\.key.service)).count) services"
            + " (\(here.filter(\.isDerived).count) derived)"
            + (global.isEmpty ? "" : "; \(global.count) global rates of \(Set(global.map(\.key.service)).sorted().joined(separator: ", ")) apply too")
            + "\n\n" + (here.isEmpty ? "(no rate for this region)\n" : table.rendered() + "\n")
        let missing = SupportedOffer.allCases.map(\.rawValue).filter { service in !here.contains { $0.key.service == service } }
        if !missing.isEmpty {
            text += "\nNo rate in \(region) for: \(missing.joined(separator: ", ")). Fill a service from AWS's current offer file:\n"
            for service in missing { text += "  costplan pricing fetch --service \(service) --region \(region)\n" }
        }
        text += "\nA service listed above can still lack an item (an instance type, a storage type); an estimate names each"
            + " missing rate and its fix. `costplan pricing rates --region \(region) --service S` lists the rates.\n"
        return text
    }

    /// The item key up to its first segment naming a size (`instance/m5.large` → `instance`,
    /// `instance/postgres/db.m5.large/multi-az` → `instance/postgres`); keys without one stay whole.
    static func itemGroup(_ item: String) -> String {
        let segments = item.split(separator: "/", omittingEmptySubsequences: false)
        guard let sized = segments.firstIndex(where: { $0.contains(".") }), sized > 0 else { return item }
        return segments[..<sized].joined(separator: "/")
    }

    private struct GroupKey: Hashable, Comparable {
        var service: String
        var group: String
        static func < (a: Self, b: Self) -> Bool { (a.service, a.group) < (b.service, b.group) }
    }
}
