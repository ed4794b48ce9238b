import Foundation

// The long tail of services billed per unit a month. Each field is a usage amount: stated →
// priced; unstated → "depends on usage" (never $0). Counts of things (secrets, keys, alarms)
// are whole numbers; request counts are per month as named.

/// ECR: image storage per GB-month.
struct ECRRepository: ComponentSpec {
    var storageGB: Decimal?
    init(_ f: FieldReader) { storageGB = f.decimal("storage_gb", unit: "GB") }
    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        [try p.monthly("Image storage", quantity: storageGB, "AmazonECR", "storage", unit: "GB-month")]
    }
}

/// CloudWatch Logs: ingestion, archival storage, Logs Insights scans (the last two only when stated).
struct CloudWatchLogs: PerUnitService {
    static let charges = [
        PerUnitCharge(field: "ingestion_gb", amountUnit: "GB", name: "Log ingestion (standard)", service: "AmazonCloudWatch",
                      item: "logs/ingestion", unit: "GB"),
        PerUnitCharge(field: "storage_gb", amountUnit: "GB", name: "Log storage (archival)", service: "AmazonCloudWatch",
                      item: "logs/storage", unit: "GB-month", onlyWhenStated: true),
        PerUnitCharge(field: "insights_scanned_gb", amountUnit: "GB", name: "Logs Insights data scanned", service: "AmazonCloudWatch",
                      item: "logs/insights-scanned", unit: "GB", onlyWhenStated: true),
    ]
    var amounts: [Decimal?]
}

/// CloudWatch metrics, alarms and dashboards.
struct CloudWatchMonitoring: ComponentSpec {
    var customMetrics: Int?
    var alarms: Int?
    var dashboards: Int?
    init(_ f: FieldReader) {
        customMetrics = f.int("custom_metrics")
        alarms = f.int("alarms")
        dashboards = f.int("dashboards")
    }
    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        var items: [LineItem] = []
        if let customMetrics { items.append(try p.monthly("Custom metrics", quantity: Decimal(customMetrics), "AmazonCloudWatch", "metrics/custom", unit: "metric-month")) }
        if let alarms { items.append(try p.monthly("Alarms (standard resolution)", quantity: Decimal(alarms), "AmazonCloudWatch", "alarms/standard", unit: "alarm-month")) }
        if let dashboards { items.append(try p.monthly("Dashboards", quantity: Decimal(dashboards), "AmazonCloudWatch", "dashboards", unit: "dashboard-month")) }
        if items.isEmpty {
            items.append(try p.monthly("Alarms (standard resolution)", quantity: nil, "AmazonCloudWatch", "alarms/standard", unit: "alarm-month"))
        }
        return items
    }
}

/// Route 53: hosted zones and DNS queries (standard, latency-based, geo) in tiers.
struct Route53: ComponentSpec {
    var hostedZones: Int?
    var queriesMillions: Decimal?
    var latencyQueriesMillions: Decimal?
    var geoQueriesMillions: Decimal?
    init(_ f: FieldReader) {
        hostedZones = f.int("hosted_zones")
        queriesMillions = f.decimal("queries_millions", unit: "million queries")
        latencyQueriesMillions = f.decimal("latency_queries_millions", unit: "million queries")
        geoQueriesMillions = f.decimal("geo_queries_millions", unit: "million queries")
    }
    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        var items = [try p.monthly("Hosted zones", quantity: hostedZones.map { Decimal($0) }, "AmazonRoute53", "hosted-zone", unit: "zone-month")]
        items += try p.tiered("Standard queries", quantity: queriesMillions, "AmazonRoute53", "queries/standard", unit: "1M queries")
        if let latencyQueriesMillions {
            items += try p.tiered("Latency-based routing queries", quantity: latencyQueriesMillions, "AmazonRoute53", "queries/latency", unit: "1M queries")
        }
        if let geoQueriesMillions {
            items += try p.tiered("Geo DNS queries", quantity: geoQueriesMillions, "AmazonRoute53", "queries/geo", unit: "1M queries")
        }
        return items
    }
}

/// CodePipeline: V1 active pipelines and V2 action minutes.
struct CodePipeline: ComponentSpec {
    var pipelines: Int?
    var actionMinutes: Decimal?
    init(_ f: FieldReader) {
        pipelines = f.int("pipelines")
        actionMinutes = f.decimal("action_minutes", unit: "minutes")
    }
    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        var items: [LineItem] = []
        if pipelines != nil || actionMinutes == nil {
            items.append(try p.monthly("Active pipelines (V1)", quantity: pipelines.map { Decimal($0) }, "AWSCodePipeline", "pipeline-v1", unit: "pipeline-month"))
        }
        if let actionMinutes {
            items.append(try p.monthly("Action minutes (V2)", quantity: actionMinutes, "AWSCodePipeline", "action-minutes-v2", unit: "action-minute"))
        }
        return items
    }
}

/// CodeBuild: build minutes on a Linux compute type.
struct CodeBuild: ComponentSpec {
    var buildMinutes: Decimal?
    var computeType: String
    init(_ f: FieldReader) {
        buildMinutes = f.decimal("build_minutes", unit: "minutes")
        computeType = f.choice("compute_type", ["general1.small", "general1.medium", "general1.large"], default: "general1.small")
    }
    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        [try p.monthly("Build minutes (Linux, \(computeType))", quantity: buildMinutes, "CodeBuild", "build/\(computeType)", unit: "build-minute")]
    }
}

/// DynamoDB on-demand: request units, storage, continuous backup (PITR) and on-demand backups.
struct DynamoDBTable: ComponentSpec {
    var storageGB: Decimal?
    var writeMillions: Decimal?
    var readMillions: Decimal?
    var pitr: Bool
    var backupGB: Decimal?
    init(_ f: FieldReader) {
        storageGB = f.decimal("storage_gb", unit: "GB")
        writeMillions = f.decimal("write_request_units_millions", unit: "million WRU")
        readMillions = f.decimal("read_request_units_millions", unit: "million RRU")
        pitr = f.bool("pitr", default: false)
        backupGB = f.decimal("backup_gb", unit: "GB")
    }
    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        var items = [
            try p.monthly("Write request units (on-demand)", quantity: writeMillions, "AmazonDynamoDB", "on-demand/write", unit: "1M requests"),
            try p.monthly("Read request units (on-demand)", quantity: readMillions, "AmazonDynamoDB", "on-demand/read", unit: "1M requests"),
            try p.monthly("Data storage", quantity: storageGB, "AmazonDynamoDB", "storage", unit: "GB-month"),
        ]
        if pitr { items.append(try p.monthly("Point-in-time recovery", quantity: storageGB, "AmazonDynamoDB", "pitr", unit: "GB-month")) }
        if let backupGB { items.append(try p.monthly("On-demand backups", quantity: backupGB, "AmazonDynamoDB", "backup", unit: "GB-month")) }
        return items
    }
}

/// EBS volumes: storage per GB-month, gp3 IOPS above 3,000 and throughput above 125 MB/s, io1 IOPS.
struct EBSVolumes: ComponentSpec {
    var volumeType: String
    var storageGB: Decimal
    var count: CountRange
    var iops: Decimal?
    var throughputMBps: Decimal?
    init(_ f: FieldReader) {
        volumeType = f.choice("volume_type", ["gp3", "gp2", "io1", "st1", "sc1"], default: "gp3")
        storageGB = f.decimal("storage_gb", required: true, min: 1, max: 65_536, unit: "GB") ?? 1
        count = f.count("count", default: 1) ?? CountRange(fixed: 1)
        iops = f.decimal("iops")
        throughputMBps = f.decimal("throughput_mbps", unit: "MB/s")
        if iops != nil, !["gp3", "io1"].contains(volumeType) { f.error(at: "iops", "\(volumeType) has no provisioned IOPS") }
        if throughputMBps != nil, volumeType != "gp3" { f.error(at: "throughput_mbps", "only gp3 has provisioned throughput") }
        if volumeType == "io1", iops == nil, !f.has("iops") { f.missing("iops", hint: "io1 volumes are priced on their provisioned IOPS") }
    }
    var scalingRange: (range: CountRange, label: String)? { (count, "volumes") }
    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        let n = Decimal(count[scenario])
        var items = [try p.monthly("Storage (\(volumeType), \(count[scenario]) × \(Money.plain(storageGB)) GB)", quantity: n * storageGB,
                                   "AmazonEC2", "ebs/\(volumeType)/storage", unit: "GB-month")]
        let extraIOPS = volumeType == "gp3" ? Swift.max(0, (iops ?? 0) - 3000) : (iops ?? 0)
        if extraIOPS > 0 {
            items.append(try p.monthly("Provisioned IOPS (\(volumeType))", quantity: n * extraIOPS, "AmazonEC2", "ebs/\(volumeType)/iops", unit: "IOPS-month"))
        }
        if let throughputMBps, throughputMBps > 125 {
            items.append(try p.monthly("Provisioned throughput above 125 MB/s", quantity: n * (throughputMBps - 125),
                                       "AmazonEC2", "ebs/gp3/throughput", unit: "MBps-month"))
        }
        return items
    }
}

/// SNS: API requests, email and HTTP notifications.
struct SNSTopic: ComponentSpec {
    var requestsMillions: Decimal?
    var emailNotifications: Decimal?
    var httpMillions: Decimal?
    init(_ f: FieldReader) {
        requestsMillions = f.decimal("requests_millions", unit: "million requests")
        emailNotifications = f.decimal("email_notifications", unit: "notifications")
        httpMillions = f.decimal("http_notifications_millions", unit: "million notifications")
    }
    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        var items = [try p.monthly("Publish requests", quantity: requestsMillions, "AmazonSNS", "requests", unit: "1M requests")]
        if let emailNotifications {
            items.append(try p.monthly("Email notifications", quantity: emailNotifications, per: 100_000, "AmazonSNS", "email", unit: "100K notifications"))
        }
        if let httpMillions {
            items.append(try p.monthly("HTTP notifications", quantity: httpMillions, "AmazonSNS", "http", unit: "1M notifications"))
        }
        return items
    }
}

/// X-Ray: traces recorded and retrieved per million.
struct XRay: ComponentSpec {
    var recordedMillions: Decimal?
    var retrievedMillions: Decimal?
    init(_ f: FieldReader) {
        recordedMillions = f.decimal("traces_recorded_millions", unit: "million traces")
        retrievedMillions = f.decimal("traces_retrieved_millions", unit: "million traces")
    }
    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        [
            try p.monthly("Traces recorded", quantity: recordedMillions, "AWSXRay", "traces-recorded", unit: "1M traces"),
            try p.monthly("Traces retrieved or scanned", quantity: retrievedMillions, "AWSXRay", "traces-retrieved", unit: "1M traces"),
        ]
    }
}

/// A service whose every charge is one field billed per unit a month: stated → priced, unstated →
/// depends on usage (or left out, for a charge `onlyWhenStated`). The types differ only in their
/// `charges` table.
protocol PerUnitService: ComponentSpec {
    static var charges: [PerUnitCharge] { get }
    /// The stated amount of each charge, in `charges` order.
    var amounts: [Decimal?] { get }
    init(amounts: [Decimal?])
}

/// One charge of a `PerUnitService`: the plan field, the line item, and the rate it is priced at.
struct PerUnitCharge {
    var field: String
    /// nil: a whole count of things (secrets, keys); else the amount's unit, e.g. "requests".
    var amountUnit: String?
    var name: String
    var service: String
    var item: String
    var unit: String
    var per: Decimal = 1
    /// Listed only when the field is stated (an optional extra), not as "depends on usage".
    var onlyWhenStated = false

    func amount(_ f: FieldReader) -> Decimal? {
        guard let amountUnit else { return f.int(field).map { Decimal($0) } }
        return f.decimal(field, unit: amountUnit)
    }
}

extension PerUnitService {
    init(_ f: FieldReader) { self.init(amounts: Self.charges.map { $0.amount(f) }) }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        try zip(Self.charges, amounts).compactMap { charge, amount in
            if charge.onlyWhenStated, amount == nil { return nil }
            return try p.monthly(charge.name, quantity: amount, per: charge.per, charge.service, charge.item, unit: charge.unit)
        }
    }
}

/// Secrets Manager: secrets per month and API calls per 10,000.
struct SecretsManager: PerUnitService {
    static let charges = [
        PerUnitCharge(field: "secrets", name: "Secrets", service: "AWSSecretsManager", item: "secret", unit: "secret-month"),
        PerUnitCharge(field: "api_requests", amountUnit: "requests", name: "API requests", service: "AWSSecretsManager",
                      item: "api-requests", unit: "10K requests", per: 10_000),
    ]
    var amounts: [Decimal?]
}

/// KMS: customer managed keys and requests per 10,000.
struct KMSKeys: PerUnitService {
    static let charges = [
        PerUnitCharge(field: "keys", name: "Customer managed keys", service: "awskms", item: "key", unit: "key-month"),
        PerUnitCharge(field: "requests", amountUnit: "requests", name: "Requests", service: "awskms", item: "requests",
                      unit: "10K requests", per: 10_000),
    ]
    var amounts: [Decimal?]
}

/// WAF: web ACLs, rules and requests per million.
struct WAF: PerUnitService {
    static let charges = [
        PerUnitCharge(field: "web_acls", name: "Web ACLs", service: "awswaf", item: "web-acl", unit: "web-ACL-month"),
        PerUnitCharge(field: "rules", name: "Rules", service: "awswaf", item: "rule", unit: "rule-month"),
        PerUnitCharge(field: "requests_millions", amountUnit: "million requests", name: "Requests", service: "awswaf",
                      item: "requests", unit: "1M requests"),
    ]
    var amounts: [Decimal?]
}
