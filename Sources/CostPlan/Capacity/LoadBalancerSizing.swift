import Foundation

/// How a load balancer's requests become capacity units (the `capacity:` block of `alb`/`nlb`).
/// Per the LCU dimensions (aws-specs §2): new connections = rps ÷ `requests_per_connection`;
/// active connections = new connections/s × `connection_seconds` (concurrent connections,
/// Little's law; left out when not given); processed GB/hour = rps × 3,600 ×
/// (`average_response_kb` + `average_request_kb`) ÷ 1,048,576 KB per GB (binary units);
/// rule evaluations/s (ALB) = rps × (`rules_per_request` − 10 free). LCUs are the largest
/// ratio. Every dimension is linear in the request rate, so the month's LCU-hours are the
/// LCUs at `average_rps` × hours — billed LCUs come from the average; the peak is reported.
struct LCUDemand: Hashable {
    var averageResponseKB: Decimal
    var averageRequestKB: Decimal = 0
    var requestsPerConnection: Decimal = 1
    var connectionSeconds: Decimal?
    var rulesPerRequest: Decimal = 0

    static let kilobytesPerGB: Decimal = 1_048_576

    static func read(_ f: FieldReader, kind: String, rules: Bool) -> LCUDemand? {
        guard let block = f.capacityBlock() else { return nil }
        defer { block.finish(what: "\(kind == "LCU" ? "alb" : "nlb") capacity") }
        let response = block.decimal("average_response_kb", required: true, unit: "KB")
        var result = LCUDemand(averageResponseKB: response ?? 0)
        result.averageRequestKB = block.decimal("average_request_kb", unit: "KB") ?? 0
        if let reuse = block.decimal("requests_per_connection", min: 1, unit: "requests") { result.requestsPerConnection = reuse }
        result.connectionSeconds = block.decimal("connection_seconds", unit: "seconds")
        if rules { result.rulesPerRequest = block.decimal("rules_per_request", unit: "rules") ?? 0 }
        return response == nil ? nil : result
    }

    /// The usage dimensions at `rps`, keyed like the plan's `usage:` block.
    func usage(atRPS rps: Decimal, dimensions: [LoadBalancer.Dimension]) -> [(key: String, value: Decimal)] {
        let newConnections = rps / requestsPerConnection
        var values: [String: Decimal] = [
            "new_connections_per_second": newConnections,
            "processed_gb_per_hour": rps * 3600 * (averageResponseKB + averageRequestKB) / Self.kilobytesPerGB,
            "rule_evaluations_per_second": rps * Swift.max(0, rulesPerRequest - 10),
        ]
        if let connectionSeconds { values["active_connections_per_minute"] = newConnections * connectionSeconds }
        return dimensions.compactMap { d in values[d.key].map { (d.key, $0) } }
    }

    /// Capacity units at `rps`: the largest dimension ratio.
    func units(atRPS rps: Decimal, dimensions: [LoadBalancer.Dimension]) -> Decimal {
        usage(atRPS: rps, dimensions: dimensions).map { value in
            value.value / dimensions.first { $0.key == value.key }!.perUnit
        }.max() ?? 0
    }
}

extension LoadBalancer.Settings {
    /// Derives `units` (per load balancer, demand shared evenly across `count.desired`) from
    /// the average request rate, unless the plan states `lcu` or `usage`. Nil when there is no
    /// `capacity:` block or no demand.
    func sized(for demand: Demand?) -> (LoadBalancer.Settings, ComponentCapacity)? {
        guard let capacity, let demand else { return nil }
        let atPeak = capacity.units(atRPS: demand.peakRPS, dimensions: dimensions)
        let atAverage = capacity.units(atRPS: demand.averageRPS, dimensions: dimensions)
        let balancers = Decimal(Swift.max(count.desired, 1))
        var sized = self
        var derived: [String] = [], explicit: [String] = []
        let breakdown = capacity.usage(atRPS: demand.averageRPS, dimensions: dimensions).map { value in
            let per = dimensions.first { $0.key == value.key }!.perUnit
            return "\(value.key) \(CountSizing.plain(value.value)) ÷ \(CountSizing.plain(per))"
        }.joined(separator: ", ")
        if let units {
            explicit.append("\(kind) \(CountSizing.plain(units)) per load balancer (stated in the plan as lcu or usage)")
        } else {
            let perBalancer = atAverage / balancers
            sized.units = perBalancer
            derived.append("\(kind) = \(CountSizing.plain(perBalancer)) per load balancer: the largest of \(breakdown) "
                + "at average_rps \(CountSizing.plain(demand.averageRPS))"
                + (balancers == 1 ? "" : ", shared by \(count.desired) load balancers"))
        }
        derived.append("\(kind) at peak_rps \(CountSizing.plain(demand.peakRPS)) = \(CountSizing.plain(atPeak)) (all load balancers)")
        let values = units == nil ? sized.units.map { ["lcu": CountSizing.plain($0)] } ?? [:] : [:]
        return (sized, ComponentCapacity(unit: kind, requiredAtPeak: atPeak, requiredAtAverage: atAverage,
                                         derived: derived, explicit: explicit, derivedValues: values))
    }

    /// Why `sized(for:)` gave nothing: no capacity block, or a block without demand.
    func unsizedOutcome(_ demand: Demand?) -> SizingOutcome {
        guard capacity != nil, demand == nil else { return .notSized }
        return .missing(field: "demand", hint: "capacity.average_response_kb derives \(kind)s from the environment's `demand: {peak_rps, average_rps}`")
    }
}
