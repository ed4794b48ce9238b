import Foundation

/// The AWS offers (Price List service codes) the importer reads: the services whose rates the
/// estimator looks up and that AWS publishes per region.
public enum SupportedOffer: String, CaseIterable, Sendable {
    case ec2 = "AmazonEC2", elb = "AWSELB", ecs = "AmazonECS", rds = "AmazonRDS"
    case elastiCache = "AmazonElastiCache", s3 = "AmazonS3"
}

/// How an AWS price-dimension unit becomes a catalog unit: `usd × factor` per `unit`
/// (e.g. S3 `Requests` at $0.000005 → `1K requests` at $0.005; EBS `GiBps-mo` → `MBps-month` ÷ 1024).
struct UnitConversion: Equatable {
    var awsUnit: String
    var unit: String
    var factor: Decimal = 1
}

/// A product the estimator uses: which catalog item it prices, and which AWS units it accepts.
struct ProductMatch: Equatable {
    var service: String
    var item: String
    var units: [UnitConversion]

    func conversion(forAWSUnit awsUnit: String) -> UnitConversion? { units.first { $0.awsUnit == awsUnit } }
}

/// The filters that pick, from a whole offer file, exactly the products the estimator prices and
/// map them to its item keys (docs/rate-sheets.md). Everything else is skipped, never stored.
///
/// Usage types are matched on their suffix after an optional region prefix (`USE1-`, `EU-`,
/// `EUW3-`; us-east-1 often has none), and matched exactly, so `Outposts-LoadBalancerUsage`,
/// `TS-LoadBalancerUsage`, `SpotUsage:Fargate-…`, `UnusedBox:` and `…NatGateway-Prvd-Bytes` rows
/// never match. Only `OnDemand` terms in USD and rows in an `AWS Region` are read (the readers
/// check those before asking the classifier).
///
/// Load balancers are read from the `AWSELB` offer only (the EC2 offer also lists them); RDS
/// storage, IOPS, backup and Aurora storage/IO/Serverless v2 are matched by their usage type.
enum OfferClassifier {
    static func match<A: OfferAttributes>(_ offer: SupportedOffer, _ a: A) -> ProductMatch? {
        switch offer {
        case .ec2: ec2(a)
        case .elb: elb(a)
        case .ecs: ecs(a)
        case .rds: rds(a)
        case .elastiCache: elastiCache(a)
        case .s3: s3(a)
        }
    }

    private static let hour = [UnitConversion(awsUnit: "Hrs", unit: "hour")]
    private static let gbMonth = [UnitConversion(awsUnit: "GB-Mo", unit: "GB-month")]
    private static let iopsMonth = [UnitConversion(awsUnit: "IOPS-Mo", unit: "IOPS-month")]

    // MARK: AmazonEC2

    private static func ec2<A: OfferAttributes>(_ a: A) -> ProductMatch? {
        if a.field(.productFamily, is: "Compute Instance") || a.field(.productFamily, is: "Compute Instance (bare metal)") {
            guard a.field(.tenancy, is: "Shared"), a.field(.operatingSystem, is: "Linux"),
                  a.field(.preInstalledSw, is: "NA"), a.field(.capacityStatus, is: "Used"),
                  a.field(.licenseModel, isBlankOr: "No License required"),
                  a.field(.operation, isBlankOr: "RunInstances"), a.field(.marketOption, isBlankOr: "OnDemand")
            else { return nil }
            let usage = a.text(.usageType)
            let instanceType = a.text(.instanceType)
            guard usageSuffix(usage).hasPrefix("BoxUsage:"), !instanceType.isEmpty else { return nil }
            return ProductMatch(service: "AmazonEC2", item: "instance/\(instanceType)", units: hour)
        }
        if a.field(.productFamily, is: "NAT Gateway") {
            switch usageSuffix(a.text(.usageType)) {
            case "NatGateway-Hours": return ProductMatch(service: "AmazonEC2", item: "nat-gateway/hours", units: hour)
            case "NatGateway-Bytes":
                return ProductMatch(service: "AmazonEC2", item: "nat-gateway/data-processed",
                                    units: [UnitConversion(awsUnit: "GB", unit: "GB")])
            default: return nil
            }
        }
        if a.field(.productFamily, is: "Storage") {
            let volume: String
            switch usageSuffix(a.text(.usageType)) {
            case "EBS:VolumeUsage.gp2": volume = "gp2"
            case "EBS:VolumeUsage.gp3": volume = "gp3"
            case "EBS:VolumeUsage.piops": volume = "io1"
            case "EBS:VolumeUsage.st1": volume = "st1"
            case "EBS:VolumeUsage.sc1": volume = "sc1"
            default: return nil
            }
            guard a.isBlank(.volumeAPIName) || a.text(.volumeAPIName) == volume else { return nil }
            return ProductMatch(service: "AmazonEC2", item: "ebs/\(volume)/storage", units: gbMonth)
        }
        if a.field(.productFamily, is: "System Operation") {
            switch usageSuffix(a.text(.usageType)) {
            case "EBS:VolumeP-IOPS.piops": return ProductMatch(service: "AmazonEC2", item: "ebs/io1/iops", units: iopsMonth)
            case "EBS:VolumeP-IOPS.gp3": return ProductMatch(service: "AmazonEC2", item: "ebs/gp3/iops", units: iopsMonth)
            default: return nil
            }
        }
        if a.field(.productFamily, is: "Provisioned Throughput"), usageSuffix(a.text(.usageType)) == "EBS:VolumeP-Throughput.gp3" {
            // AWS publishes gp3 throughput per GiBps-month (e.g. 40.96); the estimator prices MBps-months.
            return ProductMatch(service: "AmazonEC2", item: "ebs/gp3/throughput", units: [
                UnitConversion(awsUnit: "GiBps-mo", unit: "MBps-month", factor: Decimal(1) / 1024),
                UnitConversion(awsUnit: "MiBps-Mo", unit: "MBps-month"),
            ])
        }
        return nil
    }

    // MARK: AWSELB

    private static func elb<A: OfferAttributes>(_ a: A) -> ProductMatch? {
        let kind: String
        if a.field(.productFamily, is: "Load Balancer-Application") { kind = "alb" }
        else if a.field(.productFamily, is: "Load Balancer-Network") { kind = "nlb" }
        else { return nil }
        switch usageSuffix(a.text(.usageType)) {
        case "LoadBalancerUsage": return ProductMatch(service: "AWSELB", item: "\(kind)/hours", units: hour)
        case "LCUUsage" where kind == "alb":
            return ProductMatch(service: "AWSELB", item: "alb/lcu", units: [UnitConversion(awsUnit: "LCU-Hrs", unit: "LCU-hour")])
        case "LCUUsage":
            return ProductMatch(service: "AWSELB", item: "nlb/nlcu", units: [
                UnitConversion(awsUnit: "NLCU-Hrs", unit: "NLCU-hour"), UnitConversion(awsUnit: "LCU-Hrs", unit: "NLCU-hour"),
            ])
        default: return nil
        }
    }

    // MARK: AmazonECS (Fargate)

    private static func ecs<A: OfferAttributes>(_ a: A) -> ProductMatch? {
        // Matched by usage type alone: the exact Fargate names (family `Compute`, though not every
        // file is known to file ephemeral storage there); ECS Anywhere, Spot and Windows differ.
        let vcpu = ["vCPU-Hours", "hours", "Hrs"].map { UnitConversion(awsUnit: $0, unit: "vCPU-hour") }
        let gb = ["GB-Hours", "hours", "Hrs"].map { UnitConversion(awsUnit: $0, unit: "GB-hour") }
        switch usageSuffix(a.text(.usageType)) {
        case "Fargate-vCPU-Hours:perCPU": return ProductMatch(service: "AmazonECS", item: "fargate/x86_64/vcpu", units: vcpu)
        case "Fargate-GB-Hours": return ProductMatch(service: "AmazonECS", item: "fargate/x86_64/memory", units: gb)
        case "Fargate-ARM-vCPU-Hours:perCPU": return ProductMatch(service: "AmazonECS", item: "fargate/arm64/vcpu", units: vcpu)
        case "Fargate-ARM-GB-Hours": return ProductMatch(service: "AmazonECS", item: "fargate/arm64/memory", units: gb)
        case "Fargate-EphemeralStorage-GB-Hours":
            return ProductMatch(service: "AmazonECS", item: "fargate/ephemeral-storage", units: gb)
        default: return nil
        }
    }

    // MARK: AmazonRDS

    private static func rds<A: OfferAttributes>(_ a: A) -> ProductMatch? {
        if a.field(.productFamily, is: "Database Instance") {
            let engine: String
            var aurora = false
            switch a.text(.databaseEngine) {
            case "PostgreSQL": engine = "postgres"
            case "MySQL": engine = "mysql"
            case "MariaDB": engine = "mariadb"
            case "Aurora PostgreSQL": engine = "aurora-postgresql"; aurora = true
            case "Aurora MySQL": engine = "aurora-mysql"; aurora = true
            default: return nil
            }
            let instanceClass = a.text(.instanceType)
            let usage = usageSuffix(a.text(.usageType))
            guard instanceClass.hasPrefix("db.") else { return nil }
            if aurora {
                guard usage.hasPrefix("InstanceUsage:") else { return nil }
                return ProductMatch(service: "AmazonRDS", item: "aurora/\(engine)/\(instanceClass)", units: hour)
            }
            let deployment: String
            if a.field(.deploymentOption, is: "Single-AZ"), usage.hasPrefix("InstanceUsage:") { deployment = "single-az" }
            else if a.field(.deploymentOption, is: "Multi-AZ"), usage.hasPrefix("Multi-AZUsage:") { deployment = "multi-az" }
            else { return nil }
            return ProductMatch(service: "AmazonRDS", item: "instance/\(engine)/\(instanceClass)/\(deployment)", units: hour)
        }
        // Storage, IOPS and backup rows are shared by the engines ("Any"); engine-specific ones
        // (SQL Server, Oracle) are not what the estimator prices.
        let engine = a.text(.databaseEngine)
        guard ["", "Any", "PostgreSQL", "MySQL", "MariaDB", "Aurora PostgreSQL", "Aurora MySQL"].contains(engine) else { return nil }
        let usage = usageSuffix(a.text(.usageType))
        switch usage {
        case "RDS:GP2-Storage": return ProductMatch(service: "AmazonRDS", item: "storage/gp2/single-az", units: gbMonth)
        case "RDS:Multi-AZ-GP2-Storage": return ProductMatch(service: "AmazonRDS", item: "storage/gp2/multi-az", units: gbMonth)
        case "RDS:GP3-Storage": return ProductMatch(service: "AmazonRDS", item: "storage/gp3/single-az", units: gbMonth)
        case "RDS:Multi-AZ-GP3-Storage": return ProductMatch(service: "AmazonRDS", item: "storage/gp3/multi-az", units: gbMonth)
        case "RDS:PIOPS-Storage": return ProductMatch(service: "AmazonRDS", item: "storage/io1/single-az", units: gbMonth)
        case "RDS:Multi-AZ-PIOPS-Storage": return ProductMatch(service: "AmazonRDS", item: "storage/io1/multi-az", units: gbMonth)
        case "RDS:PIOPS": return ProductMatch(service: "AmazonRDS", item: "iops/io1/single-az", units: iopsMonth)
        case "RDS:Multi-AZ-PIOPS": return ProductMatch(service: "AmazonRDS", item: "iops/io1/multi-az", units: iopsMonth)
        case "RDS:GP3-PIOPS": return ProductMatch(service: "AmazonRDS", item: "iops/gp3/single-az", units: iopsMonth)
        case "RDS:Multi-AZ-GP3-PIOPS": return ProductMatch(service: "AmazonRDS", item: "iops/gp3/multi-az", units: iopsMonth)
        case "RDS:ChargedBackupUsage": return ProductMatch(service: "AmazonRDS", item: "backup/storage", units: gbMonth)
        case "Aurora:StorageUsage": return ProductMatch(service: "AmazonRDS", item: "aurora/storage", units: gbMonth)
        case "Aurora:StorageIOUsage":
            return ProductMatch(service: "AmazonRDS", item: "aurora/io-requests",
                                units: [UnitConversion(awsUnit: "IOs", unit: "1M requests", factor: 1_000_000)])
        case "Aurora:ServerlessV2Usage":
            return ProductMatch(service: "AmazonRDS", item: "aurora/serverless-v2",
                                units: ["ACU-Hr", "ACU-Hrs", "ACU-hour"].map { UnitConversion(awsUnit: $0, unit: "ACU-hour") })
        default: return nil
        }
    }

    // MARK: AmazonElastiCache

    private static func elastiCache<A: OfferAttributes>(_ a: A) -> ProductMatch? {
        guard a.field(.productFamily, is: "Cache Instance") else { return nil }
        let engine: String
        switch a.text(.cacheEngine) {
        case "Redis": engine = "redis"
        case "Memcached": engine = "memcached"
        case "Valkey": engine = "valkey"
        default: return nil
        }
        let nodeType = a.text(.instanceType)
        guard usageSuffix(a.text(.usageType)).hasPrefix("NodeUsage:cache."), nodeType.hasPrefix("cache.") else { return nil }
        return ProductMatch(service: "AmazonElastiCache", item: "node/\(engine)/\(nodeType)",
                            units: [UnitConversion(awsUnit: "Hrs", unit: "node-hour")])
    }

    // MARK: AmazonS3

    private static func s3<A: OfferAttributes>(_ a: A) -> ProductMatch? {
        switch usageSuffix(a.text(.usageType)) {
        case "TimedStorage-ByteHrs": return ProductMatch(service: "AmazonS3", item: "standard/storage", units: gbMonth)
        case "Requests-Tier1":
            return ProductMatch(service: "AmazonS3", item: "requests/tier1",
                                units: [UnitConversion(awsUnit: "Requests", unit: "1K requests", factor: 1000)])
        case "Requests-Tier2":
            return ProductMatch(service: "AmazonS3", item: "requests/tier2",
                                units: [UnitConversion(awsUnit: "Requests", unit: "1K requests", factor: 1000)])
        default: return nil
        }
    }

    /// The usage type without its region prefix: `USE2-BoxUsage:m5.large` → `BoxUsage:m5.large`.
    /// A prefix is 2–4 capital letters and an optional digit before the first `-` (`EU-`, `USE1-`,
    /// `EUW3-`, `EUS2-`); `TS-` (a special usage class, not a region) is never stripped.
    static func usageSuffix(_ usage: String) -> Substring {
        let bytes = usage.utf8
        guard let dash = bytes.firstIndex(of: UInt8(ascii: "-")) else { return usage[...] }
        let prefix = bytes[bytes.startIndex..<dash]
        var letters = 0
        var digits = 0
        for byte in prefix {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && digits == 0 { letters += 1 }
            else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits += 1 }
            else { return usage[...] }
        }
        guard (2...4).contains(letters), digits <= 1, !prefix.elementsEqual("TS".utf8) else { return usage[...] }
        return usage[usage.utf8.index(after: dash)...]
    }
}
