import Foundation

/// Data transfer charged by the source region (aws-specs §8): internet egress in tiers,
/// out to other regions, and across AZs — billed in each direction, so a GB crossing AZs is
/// two GB at the per-direction rate. The account-wide 100 GB free egress is not deducted.
struct DataTransfer: ComponentSpec {
    var internetOutGB: Decimal?
    var interRegionGB: Decimal?
    var interAZGB: Decimal?

    init(_ f: FieldReader) {
        internetOutGB = f.decimal("internet_out_gb", unit: "GB")
        interRegionGB = f.decimal("inter_region_gb", unit: "GB")
        interAZGB = f.decimal("inter_az_gb", unit: "GB")
    }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        var items: [LineItem] = []
        if internetOutGB != nil || (interRegionGB == nil && interAZGB == nil) {
            items += try p.tiered("Out to the internet", quantity: internetOutGB, "AWSDataTransfer", "internet-out", unit: "GB")
        }
        if let interRegionGB {
            items.append(try p.monthly("Out to other regions", quantity: interRegionGB, "AWSDataTransfer", "inter-region-out", unit: "GB"))
        }
        if let interAZGB {
            items.append(try p.monthly("Between AZs (both directions)", quantity: interAZGB * 2, "AWSDataTransfer", "inter-az", unit: "GB"))
        }
        return items
    }
}
