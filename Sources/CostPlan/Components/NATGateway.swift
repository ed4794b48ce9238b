import Foundation

/// NAT gateways: gateway-hours plus every GB processed (aws-specs §3).
struct NATGateway: ComponentSpec {
    var count: CountRange
    var dataProcessedGB: Decimal?

    init(_ f: FieldReader) {
        count = f.count("count", default: 1) ?? CountRange(fixed: 1)
        dataProcessedGB = f.decimal("data_processed_gb", unit: "GB")
    }

    var scalingRange: (range: CountRange, label: String)? { (count, "gateways") }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        [
            try p.hourly("NAT gateway (\(count[scenario]) × hours)", perHour: Decimal(count[scenario]),
                         "AmazonEC2", "nat-gateway/hours", unit: "hour"),
            try p.monthly("Data processed", quantity: dataProcessedGB, "AmazonEC2", "nat-gateway/data-processed", unit: "GB"),
        ]
    }
}
