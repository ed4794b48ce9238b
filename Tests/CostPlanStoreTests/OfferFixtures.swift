import CostPlan
@testable import CostPlanStore
import Foundation

/// The offer-file fixtures in `Tests/Fixtures/aws-offers`, and small offer files written by tests.
enum OfferFixtures {
    static let folder = RepositoryFiles.root.appendingPathComponent("Tests/Fixtures/aws-offers")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// `synthetic/<service>_us-east-1.SYNTHETIC.<ext>`.
    static func synthetic(_ service: String, _ ext: String) -> String {
        path("synthetic/\(service)_us-east-1.SYNTHETIC.\(ext)")
    }

    /// Reads a file and returns its rates as `item → [usd]` for one region (tiers in order).
    static func prices(_ offerImport: OfferImport, region: String = "us-east-1") -> [String: [Decimal]] {
        var prices: [String: [Decimal]] = [:]
        for rate in offerImport.ratesByRegion[region] ?? [] { prices[rate.key.item, default: []].append(rate.usd) }
        return prices
    }

    /// A minimal EC2 CSV offer (the 5 metadata lines, a header with columns in an unusual order,
    /// and the given rows as `[column: value]`).
    static func ec2CSV(version: String = "20260101000000", rows: [[String: String]]) -> String {
        let columns = ["Location Type", "SKU", "RateCode", "TermType", "Unit", "PricePerUnit", "Currency", "StartingRange",
                       "EndingRange", "EffectiveDate", "PriceDescription", "Product Family", "Location", "Region Code",
                       "Instance Type", "Tenancy", "Operating System", "Pre Installed S/W", "CapacityStatus",
                       "License Model", "usageType", "operation"]
        func quoted(_ values: [String]) -> String { values.map { "\"\($0)\"" }.joined(separator: ",") + "\n" }
        var text = "\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"test\"\n\"Publication Date\",\"2026-01-01T00:00:00Z\"\n"
            + "\"Version\",\"\(version)\"\n\"OfferCode\",\"AmazonEC2\"\n" + quoted(columns)
        for row in rows { text += quoted(columns.map { row[$0] ?? "" }) }
        return text
    }

    /// An on-demand Linux instance row for `ec2CSV`.
    static func instanceRow(_ sku: String, _ type: String, _ usd: String, region: String = "us-east-1") -> [String: String] {
        ["SKU": sku, "RateCode": "\(sku).JRTCKXETXF.6YS6EN2CT7", "TermType": "OnDemand", "Unit": "Hrs", "PricePerUnit": usd,
         "Currency": "USD", "StartingRange": "0", "EndingRange": "Inf", "EffectiveDate": "2026-01-01",
         "Product Family": "Compute Instance", "Location": "US East (N. Virginia)", "Location Type": "AWS Region",
         "Region Code": region, "Instance Type": type, "Tenancy": "Shared", "Operating System": "Linux",
         "Pre Installed S/W": "NA", "CapacityStatus": "Used", "License Model": "No License required",
         "usageType": "BoxUsage:\(type)", "operation": "RunInstances"]
    }

    /// A NAT gateway row for `ec2CSV`.
    static func natRow(_ sku: String, _ usage: String, _ unit: String, _ usd: String) -> [String: String] {
        ["SKU": sku, "RateCode": "\(sku).JRTCKXETXF.6YS6EN2CT7", "TermType": "OnDemand", "Unit": unit, "PricePerUnit": usd,
         "Currency": "USD", "StartingRange": "0", "EndingRange": "Inf", "EffectiveDate": "2026-01-01",
         "Product Family": "NAT Gateway", "Location": "US East (N. Virginia)", "Location Type": "AWS Region",
         "Region Code": "us-east-1", "usageType": usage, "operation": "NatGateway"]
    }

    static func write(_ text: String, to directory: URL, name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A catalog over a copy of the repository's sheets (so tests may edit them) in `directory`.
    static func loader(in directory: URL) throws -> CatalogLoader {
        let pricing = directory.appendingPathComponent("pricing")
        try FileManager.default.copyItem(at: RepositoryFiles.pricing, to: pricing)
        return CatalogLoader(pricingDirectory: pricing, databasePath: directory.appendingPathComponent("db/catalog.sqlite").path)
    }
}
