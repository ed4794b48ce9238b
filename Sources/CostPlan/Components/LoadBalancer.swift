import Foundation

/// Application and Network Load Balancers: load-balancer-hours plus capacity-unit-hours,
/// where the capacity units billed each hour are the largest of the dimensions (aws-specs §2).
enum LoadBalancer {
    /// One capacity unit per dimension, e.g. an ALB LCU is 25 new connections/s.
    struct Dimension {
        let key: String
        let perUnit: Decimal
    }

    struct Settings {
        var count: CountRange
        /// Capacity units per hour per load balancer; nil when usage is not stated.
        var units: Decimal?
        /// The `capacity:` block: how requests turn into capacity units (derives `units` from demand).
        var capacity: LCUDemand?
        let dimensions: [Dimension]
        let kind: String

        init(_ f: FieldReader, dimensions: [Dimension], kind: String) {
            self.dimensions = dimensions
            self.kind = kind
            capacity = LCUDemand.read(f, kind: kind, rules: dimensions.contains { $0.key == "rule_evaluations_per_second" })
            count = f.count("count", default: 1) ?? CountRange(fixed: 1)
            let direct = f.decimal("lcu", unit: "\(kind) per hour")
            var fromUsage: Decimal?
            if let usage = f.nested("usage") {
                fromUsage = dimensions.map { (usage.decimal($0.key) ?? 0) / $0.perUnit }.max()
                usage.finish(what: "\(kind) usage")
                if direct != nil {
                    f.error(at: "lcu", "give either `lcu` or `usage`, not both", hint: "`lcu` states the capacity units directly")
                }
            }
            units = direct ?? fromUsage
        }

        func lineItems(_ p: PricingContext, _ scenario: Scenario, prefix: String, unitName: String, unit: String) throws -> [LineItem] {
            let n = Decimal(count[scenario])
            let hours = try p.hourly("\(prefix.uppercased()) (\(count[scenario]) × hours)", perHour: n,
                                     "AWSELB", "\(prefix)/hours", unit: "hour")
            var capacity = try p.hourly("\(unitName)s (\(count[scenario]) × \(units.map { Money.plain(Money.rounded($0, scale: 6)) } ?? "?") per hour)",
                                        perHour: n * (units ?? 0), "AWSELB", "\(prefix)/\(unitName.lowercased())", unit: unit)
            if units == nil { capacity.quantity = nil }
            return [hours, capacity]
        }
    }

    /// What ALB and NLB share: load-balancer-hours plus capacity units over `dimensions`,
    /// priced as `PREFIX/hours` and `PREFIX/UNIT`, sized from demand the same way.
    protocol CapacityUnitBalancer: ComponentSpec, DemandSized {
        static var dimensions: [Dimension] { get }
        /// The rate items' prefix: `alb`, `nlb`.
        static var prefix: String { get }
        /// The capacity unit: `LCU`, `NLCU`.
        static var unitName: String { get }
        var settings: Settings { get set }
        init(settings: Settings)
    }

    /// ALB LCU dimensions.
    static let lcu = [
        Dimension(key: "new_connections_per_second", perUnit: 25), Dimension(key: "active_connections_per_minute", perUnit: 3000),
        Dimension(key: "processed_gb_per_hour", perUnit: 1), Dimension(key: "rule_evaluations_per_second", perUnit: 1000),
    ]
    /// NLB TCP NLCU dimensions.
    static let nlcu = [
        Dimension(key: "new_connections_per_second", perUnit: 800), Dimension(key: "active_connections_per_minute", perUnit: 100_000),
        Dimension(key: "processed_gb_per_hour", perUnit: 1),
    ]

    struct ALB: CapacityUnitBalancer {
        static let dimensions = lcu, prefix = "alb", unitName = "LCU"
        var settings: Settings
    }

    struct NLB: CapacityUnitBalancer {
        static let dimensions = nlcu, prefix = "nlb", unitName = "NLCU"
        var settings: Settings
    }

    /// Classic Load Balancer (previous generation): load-balancer-hours plus each GB it
    /// processes (`data_processed_gb` a month; unstated → depends on usage).
    struct Classic: ComponentSpec {
        var count: CountRange
        var dataProcessedGB: Decimal?
        var scalingRange: (range: CountRange, label: String)? { (count, "load balancers") }
        init(_ f: FieldReader) {
            count = f.count("count", default: 1) ?? CountRange(fixed: 1)
            dataProcessedGB = f.decimal("data_processed_gb", unit: "GB")
        }
        func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
            let n = Decimal(count[scenario])
            return [
                try p.hourly("CLB (\(count[scenario]) × hours)", perHour: n, "AWSELB", "clb/hours", unit: "hour"),
                try p.monthly("Data processed", quantity: dataProcessedGB.map { n * $0 }, "AWSELB", "clb/data-processed", unit: "GB"),
            ]
        }
    }
}

extension LoadBalancer.CapacityUnitBalancer {
    var scalingRange: (range: CountRange, label: String)? { (settings.count, "load balancers") }

    init(_ f: FieldReader) { self.init(settings: LoadBalancer.Settings(f, dimensions: Self.dimensions, kind: Self.unitName)) }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        try settings.lineItems(p, scenario, prefix: Self.prefix, unitName: Self.unitName, unit: "\(Self.unitName)-hour")
    }

    func sized(for demand: Demand?, environment: String, component: String) -> SizingOutcome {
        guard let (sized, capacity) = settings.sized(for: demand) else { return settings.unsizedOutcome(demand) }
        var spec = self
        spec.settings = sized
        return .sized(spec: spec, capacity: capacity)
    }
}
