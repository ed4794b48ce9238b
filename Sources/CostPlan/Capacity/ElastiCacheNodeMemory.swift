import Foundation

/// Memory per ElastiCache node type: the engine's `maxmemory` in bytes (Valkey / Redis OSS
/// node-type specific parameters). Graviton sizes (t4g, m6g/m7g, r6g/r7g) have the same
/// `maxmemory` as the matching t3/m5/r5 size. Transcribed from aws-specs §6.1.
public enum ElastiCacheNodeMemory {
    /// Where the figures come from (cited in every derivation that uses them).
    public static let source = "AWS ElastiCache User Guide, Valkey/Redis OSS node-type specific parameters (maxmemory): "
        + "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ParameterGroups.Engine.html"

    /// `maxmemory` bytes by size (the part after `cache.` and the family).
    private static let bytesBySize: [String: [String: Int64]] = [
        "t": ["micro": 536_870_912, "small": 1_471_026_299, "medium": 3_317_862_236],
        "m": ["large": 6_854_542_746, "xlarge": 13_891_921_715, "2xlarge": 27_966_669_210, "4xlarge": 56_116_178_125],
        "r": ["large": 14_037_181_030, "xlarge": 28_261_849_702, "2xlarge": 56_711_183_565, "4xlarge": 113_609_865_216],
    ]

    /// Families whose sizes share the table above: t3/t4g, m5/m6g/m7g, r5/r6g/r7g.
    private static let families: [String: String] = [
        "t3": "t", "t4g": "t", "m5": "m", "m6g": "m", "m7g": "m", "r5": "r", "r6g": "r", "r7g": "r",
    ]

    /// `maxmemory` in bytes of `nodeType` (e.g. `cache.r6g.large`), nil when not in the table.
    public static func bytes(_ nodeType: String) -> Int64? {
        let parts = nodeType.split(separator: ".")
        guard parts.count == 3, parts[0] == "cache", let family = families[String(parts[1])] else { return nil }
        return bytesBySize[family]?[String(parts[2])]
    }

    /// `maxmemory` in GiB (bytes ÷ 2³⁰), exact.
    public static func gibibytes(_ nodeType: String) -> Decimal? {
        bytes(nodeType).map { Decimal($0) / 1_073_741_824 }
    }

    /// Every node type the table knows, for error hints.
    public static var knownTypes: [String] {
        families.sorted { $0.key < $1.key }.flatMap { family, table in
            (bytesBySize[table] ?? [:]).keys.sorted().map { "cache.\(family).\($0)" }
        }
    }
}
