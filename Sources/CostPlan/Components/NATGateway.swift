import Foundation

/// NAT gateways: gateway-hours plus every GB processed (aws-specs §3).
struct NATGateway: ComponentSpec {
    var count: CountRange
    var dataProcessedGB: Decimal?
    /// `capacity.egress_share`: the share of the environment's `demand.egress_gb` through these
    /// gateways (derives `data_processed_gb`); nil without a `capacity:` block.
    var egressShare: Decimal?

    init(_ f: FieldReader) {
        count = f.count("count", default: 1) ?? CountRange(fixed: 1)
        dataProcessedGB = f.decimal("data_processed_gb", unit: "GB")
        if let block = f.capacityBlock() {
            egressShare = block.decimal("egress_share", min: 0, max: 1, unit: "share of demand.egress_gb") ?? 1
            block.finish(what: "nat_gateway capacity")
        }
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
