import Foundation

// NAT data processed (from an egress volume), RDS read replicas (from a read rate) and
// ElastiCache nodes or shards (from a working set and each node type's memory).

extension NATGateway: DemandSized {
    /// `data_processed_gb = demand.egress_gb × egress_share`, unless the plan states it.
    func sized(for demand: Demand?, environment: String, component: String) -> SizingOutcome {
        guard let egressShare else { return .notSized }
        guard let egress = demand?.egressGB else {
            return .missing(field: "demand.egress_gb", hint: "a nat_gateway `capacity:` block derives data_processed_gb from the environment's demand.egress_gb (GB a month)")
        }
        let derivedGB = egress * egressShare
        var spec = self
        var capacity = ComponentCapacity(unit: "GB processed", requiredAtAverage: derivedGB)
        if let stated = dataProcessedGB {
            capacity.explicit.append("data_processed_gb = \(CountSizing.plain(stated)) (stated in the plan)")
        } else {
            spec.dataProcessedGB = derivedGB
            capacity.derivedValues["data_processed_gb"] = CountSizing.plain(derivedGB)
            capacity.derived.append("data_processed_gb = demand.egress_gb \(CountSizing.plain(egress)) × egress_share "
                + "\(CountSizing.plain(egressShare)) = \(CountSizing.plain(derivedGB)) GB a month")
        }
        return .sized(spec: spec, capacity: capacity)
    }
}

extension RDSDatabase: DemandSized {
    /// Replicas carry the reads (the primary takes the writes): `ceil(peak_read_rps ÷
    /// reads_per_replica)`. RDS replicas do not autoscale, so desired follows the peak.
    func sized(for demand: Demand?, environment: String, component: String) -> SizingOutcome {
        guard let readsPerReplica else { return .notSized }
        guard let demand, let peakReads = demand.peakReadRPS, let averageReads = demand.averageReadRPS else {
            return .missing(field: "demand.peak_read_rps", hint: "capacity.reads_per_replica sizes replicas from the environment's demand.peak_read_rps")
        }
        var sizing = CountSizing(count: replicas, field: "replicas", unit: "replicas",
                                 perUnit: readsPerReplica, perUnitField: "reads_per_replica", peak: peakReads,
                                 average: averageReads, peakName: "peak_read_rps", averageName: "average_read_rps")
        sizing.sizeAt = .peak
        sizing.demandUnit = "reads/s"
        sizing.rpsPerDemandUnit = peakReads.isZero ? 0 : demand.peakRPS / peakReads
        var (range, capacity) = sizing.size(environment: environment, component: component)
        if peakReads.isZero { capacity.saturatesAtRPS = nil }
        capacity.derived.insert("average_read_rps = peak_read_rps \(CountSizing.plain(peakReads)) × average_rps "
            + "\(CountSizing.plain(demand.averageRPS)) ÷ peak_rps \(CountSizing.plain(demand.peakRPS)) = \(CountSizing.plain(averageReads))", at: 0)
        var spec = self
        spec.replicas.range = range
        return .sized(spec: spec, capacity: capacity)
    }
}

/// The `capacity:` block of an ElastiCache component: the memory a node offers for data.
/// usable GB per node = node memory × (100 − `reserved_memory_percent`) ÷ 100, where node
/// memory is `memory_per_node_gb` or, by default, the node type's `maxmemory`
/// (`ElastiCacheNodeMemory`) and the reserve defaults to ElastiCache's 25 % (aws-specs §6.2).
struct CacheMemoryCapacity: Hashable {
    var memoryPerNodeGB: Decimal
    var memorySource: String
    var reservedPercent: Decimal

    var usableGB: Decimal { memoryPerNodeGB * (100 - reservedPercent) / 100 }

    static func read(_ f: FieldReader, nodeType: String) -> CacheMemoryCapacity? {
        guard let block = f.capacityBlock() else { return nil }
        defer { block.finish(what: "elasticache capacity") }
        let reserved = block.decimal("reserved_memory_percent", min: 0, max: 99, unit: "%") ?? 25
        if let stated = block.positive("memory_per_node_gb", unit: "GB") {
            return CacheMemoryCapacity(memoryPerNodeGB: stated, memorySource: "memory_per_node_gb", reservedPercent: reserved)
        }
        guard let known = ElastiCacheNodeMemory.gibibytes(nodeType) else {
            if !nodeType.isEmpty {
                block.error(Field(node: PlanNode(.null, line: block.line), path: block.path),
                    "the memory of node type '\(nodeType)' is not in costplan's node table",
                    hint: "give capacity.memory_per_node_gb (GB), or use one of: \(ElastiCacheNodeMemory.knownTypes.joined(separator: ", "))")
            }
            return nil
        }
        return CacheMemoryCapacity(memoryPerNodeGB: known, memorySource: "\(nodeType) maxmemory", reservedPercent: reserved)
    }
}

extension ElastiCacheCluster: DemandSized {
    /// Shards (cluster mode) or Memcached nodes partition the data: `ceil(working_set_gb ÷
    /// usable GB per node)`, desired following it (data does not ebb and flow by the hour).
    /// A Redis/Valkey group of `nodes` is one shard whose nodes all hold the whole data set, so
    /// it is checked, not resized: a working set above one node's usable memory is a warning.
    func sized(for demand: Demand?, environment: String, component: String) -> SizingOutcome {
        guard let capacity else { return .notSized }
        guard let workingSet = demand?.workingSetGB else {
            return .missing(field: "demand.working_set_gb", hint: "an elasticache `capacity:` block sizes nodes from the environment's demand.working_set_gb")
        }
        let usable = capacity.usableGB
        let memoryNote = "usable GB per node = \(capacity.memorySource) \(CountSizing.plain(capacity.memoryPerNodeGB)) GiB × "
            + "(100 − reserved_memory_percent \(CountSizing.plain(capacity.reservedPercent))) ÷ 100 = \(CountSizing.plain(usable))"
            + (capacity.memorySource == "memory_per_node_gb" ? "" : " (\(ElastiCacheNodeMemory.source))")
        let partitioned = shards != nil || engine == "memcached"
        let count = shards ?? (partitioned ? nodes : ScaledCount(range: CountRange(fixed: 1), desiredGiven: true))
        let field = shards != nil ? "shards" : (partitioned ? "nodes" : "shards")
        var sizing = CountSizing(count: count, field: field, unit: field,
                                 perUnit: usable, perUnitField: "usable GB per \(field == "shards" ? "shard" : "node")",
                                 peak: workingSet, average: workingSet, peakName: "working_set_gb", averageName: "working_set_gb")
        sizing.sizeAt = .peak
        sizing.demandUnit = "GB working set"
        var (sized, result) = sizing.size(environment: environment, component: component)
        result.saturatesAtWorkingSetGB = result.saturatesAtRPS
        result.saturatesAtRPS = nil
        result.derived.insert(memoryNote, at: 0)
        if !partitioned {
            result.explicit = ["a \(engine) group of nodes is one shard (each node holds the whole data set); its node count is not derived"]
        }
        var spec = self
        if partitioned {
            if shards != nil { spec.shards?.range = sized } else { spec.nodes.range = sized }
        }
        return .sized(spec: spec, capacity: result)
    }
}
