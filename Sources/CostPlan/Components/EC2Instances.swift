import Foundation

/// EC2 instances (Linux, shared tenancy, on-demand): instance-hours.
struct EC2Instances: ComponentSpec {
    var instanceType: String
    var count: ScaledCount
    /// `capacity.rps_per_instance`: requests/s one instance serves (sizes `count` from demand).
    var rpsPerInstance: Decimal?

    init(_ f: FieldReader) {
        instanceType = f.string("instance_type", required: true, hint: "e.g. t3.large") ?? ""
        count = f.scaledCount("count", default: 1)
        rpsPerInstance = f.perUnitCapacity("rps_per_instance", unit: "requests/s", what: "ec2")
    }

    var scalingRange: (range: CountRange, label: String)? { (count.range, "instances") }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        [try p.hourly("Instance (Linux, on-demand, \(count[scenario]) × \(instanceType))", perHour: Decimal(count[scenario]),
                      "AmazonEC2", "instance/\(instanceType)", unit: "hour")]
    }
}
