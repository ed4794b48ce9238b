import Foundation

/// What an environment must serve, from its `demand:` block. Rates are requests per second;
/// volumes are per month. Only `peak_rps` is required; the other inputs feed the components
/// that size from them (see `DemandSized`).
public struct Demand: Hashable, Sendable, Codable {
    /// Requests per second at the busiest hour.
    public var peakRPS: Decimal
    /// Requests per second averaged over the month (defaults to `peakRPS`).
    public var averageRPS: Decimal
    /// Database reads per second at the busiest hour (sizes RDS read replicas).
    public var peakReadRPS: Decimal?
    /// GB a month leaving private subnets through NAT gateways (sizes `data_processed_gb`).
    public var egressGB: Decimal?
    /// GB of hot data to keep in memory (sizes ElastiCache nodes or shards). Data, not
    /// traffic: demand scaling leaves it as it is.
    public var workingSetGB: Decimal?

    public init(peakRPS: Decimal, averageRPS: Decimal? = nil, peakReadRPS: Decimal? = nil,
                egressGB: Decimal? = nil, workingSetGB: Decimal? = nil) {
        self.peakRPS = peakRPS
        self.averageRPS = averageRPS ?? peakRPS
        self.peakReadRPS = peakReadRPS
        self.egressGB = egressGB
        self.workingSetGB = workingSetGB
    }

    /// Database reads per second averaged over the month: peak reads × average ÷ peak requests.
    public var averageReadRPS: Decimal? {
        peakReadRPS.map { peakRPS.isZero ? 0 : $0 * averageRPS / peakRPS }
    }

    /// The same traffic multiplied by `factor`: every rate and the egress volume scale, the
    /// working set (data size) does not.
    public func scaled(by factor: Decimal) -> Demand {
        Demand(peakRPS: peakRPS * factor, averageRPS: averageRPS * factor, peakReadRPS: peakReadRPS.map { $0 * factor },
               egressGB: egressGB.map { $0 * factor }, workingSetGB: workingSetGB)
    }

    /// This demand with its peak set to `peak` and everything traffic-driven scaled with it.
    public func withPeak(_ peak: Decimal) -> Demand {
        peakRPS.isZero ? Demand(peakRPS: peak, averageRPS: peak, peakReadRPS: peakReadRPS, egressGB: egressGB,
                                workingSetGB: workingSetGB)
            : scaled(by: peak / peakRPS)
    }

    /// Reads the `demand:` block of an environment (nil when absent). An invalid block is
    /// reported and read as a zero demand, so that the plan's components are not also reported
    /// as lacking one (the plan is rejected either way).
    static func read(_ env: FieldReader) -> Demand? {
        guard let block = env.nested("demand") else { return nil }
        defer { block.finish(what: "demand") }
        let peak = block.decimal("peak_rps", required: true, unit: "requests/s")
        let average = block.decimal("average_rps", unit: "requests/s")
        let reads = block.decimal("peak_read_rps", unit: "reads/s")
        let egress = block.decimal("egress_gb", unit: "GB a month")
        let workingSet = block.decimal("working_set_gb", unit: "GB")
        let placeholder = Demand(peakRPS: 0, peakReadRPS: 0, egressGB: 0, workingSetGB: 0)
        guard let peak else { return placeholder }
        if let average, average > peak {
            block.error(at: "average_rps", "average_rps (\(average)) is above peak_rps (\(peak))",
                        hint: "the average over the month cannot exceed the busiest hour")
            return placeholder
        }
        return Demand(peakRPS: peak, averageRPS: average, peakReadRPS: reads, egressGB: egress, workingSetGB: workingSet)
    }
}
