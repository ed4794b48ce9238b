import Foundation

/// ElastiCache node-based clusters (aws-specs §6): every node billed per node-hour;
/// nodes = `nodes`, or shards × (replicas_per_shard + 1) in cluster mode.
struct ElastiCacheCluster: ComponentSpec {
    var engine: String
    var nodeType: String
    var shards: ScaledCount?
    var replicasPerShard: Int
    var nodes: ScaledCount
    /// The `capacity:` block (sizes nodes or shards from `demand.working_set_gb`).
    var capacity: CacheMemoryCapacity?

    init(_ f: FieldReader) {
        engine = f.choice("engine", ["redis", "valkey", "memcached"], default: "redis")
        nodeType = f.string("node_type", required: true, hint: "e.g. cache.r6g.large") ?? ""
        shards = f.scaledCount("shards", max: 500)
        replicasPerShard = f.int("replicas_per_shard", min: 0, max: 5) ?? 0
        nodes = f.scaledCount("nodes", default: 1, max: 500)
        capacity = CacheMemoryCapacity.read(f, nodeType: nodeType)
        if shards != nil, f.has("nodes") {
            f.error(at: "nodes", "give either `nodes` or `shards` (+ `replicas_per_shard`), not both")
        }
        if shards == nil, f.has("replicas_per_shard") {
            f.error(at: "replicas_per_shard", "`replicas_per_shard` needs `shards`")
        }
        if engine == "memcached", shards != nil {
            f.error(at: "shards", "memcached has no shards or replicas", hint: "use `nodes`")
        }
    }

    var scalingRange: (range: CountRange, label: String)? { shards.map { ($0.range, "shards") } ?? (nodes.range, "nodes") }

    func nodeCount(_ scenario: Scenario) -> Int {
        if let shards { return shards[scenario] * (replicasPerShard + 1) }
        return nodes[scenario]
    }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        let n = nodeCount(scenario)
        let layout = shards.map { "\($0[scenario]) shards × \(replicasPerShard + 1) nodes" } ?? "\(n) × \(nodeType)"
        return [try p.hourly("Cache nodes (on-demand, \(engine), \(layout)\(shards == nil ? "" : ", \(nodeType)"))",
                             perHour: Decimal(n), "AmazonElastiCache", "node/\(engine)/\(nodeType)", unit: "node-hour")]
    }
}
