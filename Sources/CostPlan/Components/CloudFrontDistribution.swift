import Foundation

/// CloudFront: tiered data transfer out to viewers and HTTPS requests per 10,000
/// (aws-specs §8.3). Priced at the North America or Europe rates (they are equal); the
/// always-free tier (1 TB, 10M requests) is account-wide and not deducted.
struct CloudFrontDistribution: ComponentSpec {
    var dataOutGB: Decimal?
    var requestsMillions: Decimal?
    var priceClass: String
    var viewerRegion: String

    init(_ f: FieldReader) {
        dataOutGB = f.decimal("data_out_gb", unit: "GB")
        requestsMillions = f.decimal("requests_millions", unit: "million requests")
        priceClass = f.choice("price_class", ["PriceClass_All", "PriceClass_200", "PriceClass_100"], default: "PriceClass_All")
        viewerRegion = f.choice("viewer_region", ["north_america", "europe"], default: "north_america")
    }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        let geography = viewerRegion == "europe" ? "Europe" : "North America"
        return try p.tiered("Data transfer out to viewers (\(geography))", quantity: dataOutGB,
                            "AmazonCloudFront", "data-out/\(viewerRegion)", unit: "GB") + [
            try p.monthly("HTTPS requests (\(geography))", quantity: requestsMillions.map { $0 * 1_000_000 }, per: 10_000,
                          "AmazonCloudFront", "requests-https/\(viewerRegion)", unit: "10K requests"),
        ]
    }
}
