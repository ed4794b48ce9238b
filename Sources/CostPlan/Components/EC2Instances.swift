import Foundation

/// EC2 instances (Linux, shared tenancy, on-demand): instance-hours.
struct EC2Instances: ComponentSpec {
    var instanceType: String
    var count: CountRange
    /// `capacity.rps_per_instance`: requests/s one instance serves (sizes `count` from demand).
    var rpsPerInstance: Decimal?
    /// True when the plan states `count.desired` (it then wins over the derived count).
    var desiredGiven = false

    init(_ f: FieldReader) {
        instanceType = f.string("instance_type", required: true, hint: "e.g. t3.large") ?? ""
        count = f.count("count", default: 1) ?? CountRange(fixed: 1)
        desiredGiven = f.statesDesired("count")
        rpsPerInstance = f.perUnitCapacity("rps_per_instance", unit: "requests/s", what: "ec2")
    }

    var scalingRange: (range: CountRange, label: String)? { (count, "instances") }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        [try p.hourly("Instance (Linux, on-demand, \(count[scenario]) × \(instanceType))", perHour: Decimal(count[scenario]),
                      "AmazonEC2", "instance/\(instanceType)", unit: "hour")]
    }
}
