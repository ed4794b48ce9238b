import Foundation

/// EC2 instances (Linux, shared tenancy, on-demand): instance-hours.
struct EC2Instances: ComponentSpec {
    var instanceType: String
    var count: CountRange

    init(_ f: FieldReader) {
        instanceType = f.string("instance_type", required: true, hint: "e.g. t3.large") ?? ""
        count = f.count("count", default: 1) ?? CountRange(fixed: 1)
    }

    var scalingRange: (range: CountRange, label: String)? { (count, "instances") }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        [try p.hourly("Instance (Linux, on-demand, \(count[scenario]) × \(instanceType))", perHour: Decimal(count[scenario]),
                      "AmazonEC2", "instance/\(instanceType)", unit: "hour")]
    }
}
