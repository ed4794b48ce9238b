import CostPlan
@testable import CostPlanStore
import Foundation
import Testing

/// The classifier against row shapes seen in real offer data (or in peers' filters over real
/// data), attribute values quoted from the sources cited in `docs/offer-filters.md`. Each rule is
/// checked with every region-prefix form (none in us-east-1, `USE1-`, `EU-`, `EUW1-`, …),
/// and each real look-alike row of the same family must stay out.
struct OfferFilterEvidenceTests {
    /// One real row shape: the offer, family, usage type (without region prefix), other attributes,
    /// the expected catalog item (nil: must be rejected) and an AWS unit it is published in.
    struct Shape: CustomStringConvertible {
        var offer: SupportedOffer
        var family: String
        var usage: String
        var extra: [OfferField: String] = [:]
        var item: String?
        var awsUnit: String?
        var description: String { "\(offer.rawValue) \(family) \(usage) \(extra.map { "\($0.key)=\($0.value)" }.sorted())" }
    }

    /// No prefix (us-east-1), and prefixes seen on real usage types: `USE1-` (newer us-east-1
    /// names), `EU-` (eu-west-1), `EUW1-`, `EUW2-`, `APS3-`, `CAN1-`, `MXC1-`, `UGW1-` (GovCloud).
    static let prefixes = ["", "USE1-", "EU-", "EUW1-", "EUW2-", "APS3-", "CAN1-", "MXC1-", "UGW1-"]

    static func attributes(_ shape: Shape, prefix: String) -> JSONAttributes {
        OfferClassifierTests.attributes(shape.family, prefix + shape.usage, shape.extra)
    }

    static let matching: [Shape] = [
        // EC2 Linux on-demand: opencost provider_test.go us-east-2 m5.large (USE2-BoxUsage:m5.large, operation RunInstances).
        Shape(offer: .ec2, family: "Compute Instance", usage: "BoxUsage:m5.large",
              extra: [.instanceType: "m5.large", .tenancy: "Shared", .operatingSystem: "Linux", .preInstalledSw: "NA",
                      .capacityStatus: "Used", .licenseModel: "No License required", .operation: "RunInstances",
                      .marketOption: "OnDemand"], item: "instance/m5.large", awsUnit: "Hrs"),
        // NAT (terracost 2023-02 eu-west-1 dump: EU-NatGateway-Hours $0.048/Hrs, EU-NatGateway-Bytes $0.048/GB).
        Shape(offer: .ec2, family: "NAT Gateway", usage: "NatGateway-Hours", item: "nat-gateway/hours", awsUnit: "Hrs"),
        Shape(offer: .ec2, family: "NAT Gateway", usage: "NatGateway-Bytes", item: "nat-gateway/data-processed", awsUnit: "GB"),
        // EBS (terracost e2e AmazonEC2_eu-west-3.csv: EUW3-EBS:VolumeUsage.piops with Volume API Name io1, GB-Mo;
        // EUW3-EBS:VolumeP-IOPS.piops, IOPS-Mo; opencost: USE2-EBS:VolumeUsage.gp3, volumeApiName gp3).
        Shape(offer: .ec2, family: "Storage", usage: "EBS:VolumeUsage.gp2", extra: [.volumeAPIName: "gp2"], item: "ebs/gp2/storage", awsUnit: "GB-Mo"),
        Shape(offer: .ec2, family: "Storage", usage: "EBS:VolumeUsage.gp3", extra: [.volumeAPIName: "gp3"], item: "ebs/gp3/storage", awsUnit: "GB-Mo"),
        Shape(offer: .ec2, family: "Storage", usage: "EBS:VolumeUsage.piops", extra: [.volumeAPIName: "io1"], item: "ebs/io1/storage", awsUnit: "GB-Mo"),
        Shape(offer: .ec2, family: "Storage", usage: "EBS:VolumeUsage.st1", extra: [.volumeAPIName: "st1"], item: "ebs/st1/storage", awsUnit: "GB-Mo"),
        Shape(offer: .ec2, family: "Storage", usage: "EBS:VolumeUsage.sc1", extra: [.volumeAPIName: "sc1"], item: "ebs/sc1/storage", awsUnit: "GB-Mo"),
        Shape(offer: .ec2, family: "System Operation", usage: "EBS:VolumeP-IOPS.piops", extra: [.volumeAPIName: "io1"], item: "ebs/io1/iops", awsUnit: "IOPS-Mo"),
        Shape(offer: .ec2, family: "System Operation", usage: "EBS:VolumeP-IOPS.gp3", extra: [.volumeAPIName: "gp3"], item: "ebs/gp3/iops", awsUnit: "IOPS-Mo"),
        Shape(offer: .ec2, family: "Provisioned Throughput", usage: "EBS:VolumeP-Throughput.gp3", extra: [.volumeAPIName: "gp3"],
              item: "ebs/gp3/throughput", awsUnit: "GiBps-mo"),
        // ELB (AWS billing-codes page; real eu-west-1 EU-LCUUsage $0.008 LCU-Hrs, operation LoadBalancing:Application;
        // opencost us-east-2 NLB USE2-LoadBalancerUsage, operation LoadBalancing:Network).
        Shape(offer: .elb, family: "Load Balancer-Application", usage: "LoadBalancerUsage",
              extra: [.operation: "LoadBalancing:Application"], item: "alb/hours", awsUnit: "Hrs"),
        Shape(offer: .elb, family: "Load Balancer-Application", usage: "LCUUsage",
              extra: [.operation: "LoadBalancing:Application"], item: "alb/lcu", awsUnit: "LCU-Hrs"),
        Shape(offer: .elb, family: "Load Balancer-Network", usage: "LoadBalancerUsage",
              extra: [.operation: "LoadBalancing:Network"], item: "nlb/hours", awsUnit: "Hrs"),
        Shape(offer: .elb, family: "Load Balancer-Network", usage: "LCUUsage",
              extra: [.operation: "LoadBalancing:Network"], item: "nlb/nlcu", awsUnit: "NLCU-Hrs"),
        // Fargate (live-answer fixture, ap-northeast-1: family Compute, APN1-Fargate-GB-Hours unit `hours`,
        // APN1-Fargate-EphemeralStorage-GB-Hours unit GB-Hours).
        Shape(offer: .ecs, family: "Compute", usage: "Fargate-vCPU-Hours:perCPU", item: "fargate/x86_64/vcpu", awsUnit: "hours"),
        Shape(offer: .ecs, family: "Compute", usage: "Fargate-GB-Hours", item: "fargate/x86_64/memory", awsUnit: "hours"),
        Shape(offer: .ecs, family: "Compute", usage: "Fargate-ARM-vCPU-Hours:perCPU", item: "fargate/arm64/vcpu", awsUnit: "hours"),
        Shape(offer: .ecs, family: "Compute", usage: "Fargate-ARM-GB-Hours", item: "fargate/arm64/memory", awsUnit: "hours"),
        Shape(offer: .ecs, family: "Compute", usage: "Fargate-EphemeralStorage-GB-Hours", item: "fargate/ephemeral-storage", awsUnit: "GB-Hours"),
        // RDS instances (infracost db_instance.go filters; usage types InstanceUsage:/Multi-AZUsage:).
        Shape(offer: .rds, family: "Database Instance", usage: "InstanceUsage:db.t4g.micro",
              extra: [.databaseEngine: "PostgreSQL", .instanceType: "db.t4g.micro", .deploymentOption: "Single-AZ",
                      .licenseModel: "No license required"], item: "instance/postgres/db.t4g.micro/single-az", awsUnit: "Hrs"),
        Shape(offer: .rds, family: "Database Instance", usage: "Multi-AZUsage:db.r6g.large",
              extra: [.databaseEngine: "PostgreSQL", .instanceType: "db.r6g.large", .deploymentOption: "Multi-AZ"],
              item: "instance/postgres/db.r6g.large/multi-az", awsUnit: "Hrs"),
        Shape(offer: .rds, family: "Database Instance", usage: "InstanceUsage:db.m5.12xl",
              extra: [.databaseEngine: "MySQL", .instanceType: "db.m5.12xlarge", .deploymentOption: "Single-AZ"],
              item: "instance/mysql/db.m5.12xlarge/single-az", awsUnit: "Hrs"),
        Shape(offer: .rds, family: "Database Instance", usage: "InstanceUsage:db.t3.medium",
              extra: [.databaseEngine: "Aurora MySQL", .instanceType: "db.t3.medium"], item: "aurora/aurora-mysql/db.t3.medium", awsUnit: "Hrs"),
        // RDS storage, databaseEngine "Any" (real us-east-1 shapes: RDS:GP2-Storage 0.115, RDS:Multi-AZ-GP2-Storage 0.23,
        // RDS:PIOPS-Storage 0.125, RDS:Multi-AZ-PIOPS-Storage 0.25; infracost -RDS:GP3-Storage$).
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:GP2-Storage",
              extra: [.databaseEngine: "Any", .deploymentOption: "Single-AZ"], item: "storage/gp2/single-az", awsUnit: "GB-Mo"),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:Multi-AZ-GP2-Storage",
              extra: [.databaseEngine: "Any", .deploymentOption: "Multi-AZ"], item: "storage/gp2/multi-az", awsUnit: "GB-Mo"),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:GP3-Storage",
              extra: [.databaseEngine: "Any", .deploymentOption: "Single-AZ"], item: "storage/gp3/single-az", awsUnit: "GB-Mo"),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:Multi-AZ-GP3-Storage",
              extra: [.databaseEngine: "Any", .deploymentOption: "Multi-AZ"], item: "storage/gp3/multi-az", awsUnit: "GB-Mo"),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:PIOPS-Storage",
              extra: [.databaseEngine: "Any", .deploymentOption: "Single-AZ"], item: "storage/io1/single-az", awsUnit: "GB-Mo"),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:Multi-AZ-PIOPS-Storage",
              extra: [.databaseEngine: "Any", .deploymentOption: "Multi-AZ"], item: "storage/io1/multi-az", awsUnit: "GB-Mo"),
        // RDS IOPS (family Provisioned IOPS, "Any"; bill line USW2-RDS:Multi-AZ-PIOPS "$0.20 per IOPS-month").
        Shape(offer: .rds, family: "Provisioned IOPS", usage: "RDS:PIOPS", extra: [.databaseEngine: "Any"], item: "iops/io1/single-az", awsUnit: "IOPS-Mo"),
        Shape(offer: .rds, family: "Provisioned IOPS", usage: "RDS:Multi-AZ-PIOPS", extra: [.databaseEngine: "Any"], item: "iops/io1/multi-az", awsUnit: "IOPS-Mo"),
        Shape(offer: .rds, family: "Provisioned IOPS", usage: "RDS:GP3-PIOPS", extra: [.databaseEngine: "Any"], item: "iops/gp3/single-az", awsUnit: "IOPS-Mo"),
        Shape(offer: .rds, family: "Provisioned IOPS", usage: "RDS:Multi-AZ-GP3-PIOPS", extra: [.databaseEngine: "Any"], item: "iops/gp3/multi-az", awsUnit: "IOPS-Mo"),
        // Backup (infracost: Storage Snapshot, "Any", RDS:ChargedBackupUsage$, operation "").
        Shape(offer: .rds, family: "Storage Snapshot", usage: "RDS:ChargedBackupUsage", extra: [.databaseEngine: "Any", .operation: ""],
              item: "backup/storage", awsUnit: "GB-Mo"),
        // Aurora (terracost rds_cluster_test.go: Aurora MySQL storage/IO "Any", Aurora PostgreSQL its own engine;
        // Aurora:StorageIOUsage unit IOs; ServerlessV2 per engine, unit ACU-Hr).
        Shape(offer: .rds, family: "Database Storage", usage: "Aurora:StorageUsage", extra: [.databaseEngine: "Any"], item: "aurora/storage", awsUnit: "GB-Mo"),
        Shape(offer: .rds, family: "Database Storage", usage: "Aurora:StorageUsage", extra: [.databaseEngine: "Aurora PostgreSQL"],
              item: "aurora/storage", awsUnit: "GB-Mo"),
        Shape(offer: .rds, family: "System Operation", usage: "Aurora:StorageIOUsage", extra: [.databaseEngine: "Any"], item: "aurora/io-requests", awsUnit: "IOs"),
        Shape(offer: .rds, family: "ServerlessV2", usage: "Aurora:ServerlessV2Usage", extra: [.databaseEngine: "Aurora PostgreSQL"],
              item: "aurora/serverless-v2", awsUnit: "ACU-Hr"),
        // ElastiCache (standard node rows NodeUsage:cache.m6g.large in us-east-1, USW2-NodeUsage:cache.t3.micro).
        Shape(offer: .elastiCache, family: "Cache Instance", usage: "NodeUsage:cache.m6g.large",
              extra: [.cacheEngine: "Redis", .instanceType: "cache.m6g.large", .operation: "CreateCacheCluster:0002"],
              item: "node/redis/cache.m6g.large", awsUnit: "Hrs"),
        Shape(offer: .elastiCache, family: "Cache Instance", usage: "NodeUsage:cache.t3.micro",
              extra: [.cacheEngine: "Valkey", .instanceType: "cache.t3.micro"], item: "node/valkey/cache.t3.micro", awsUnit: "Hrs"),
        // S3 (family Storage TimedStorage-ByteHrs; API Request Requests-Tier1/Tier2, unit Requests).
        Shape(offer: .s3, family: "Storage", usage: "TimedStorage-ByteHrs", item: "standard/storage", awsUnit: "GB-Mo"),
        Shape(offer: .s3, family: "API Request", usage: "Requests-Tier1", item: "requests/tier1", awsUnit: "Requests"),
        Shape(offer: .s3, family: "API Request", usage: "Requests-Tier2", item: "requests/tier2", awsUnit: "Requests"),
    ]

    /// Real rows of the same families that the estimator must never pick.
    static let lookAlikes: [Shape] = [
        // NAT: Prvd rows (terracost eu-west-1 dump), the regional NAT gateway (real eu-west-1 row, same unit and price).
        Shape(offer: .ec2, family: "NAT Gateway", usage: "NatGateway-Prvd-Bytes"),
        Shape(offer: .ec2, family: "NAT Gateway", usage: "NatGateway-Prvd-Gbps"),
        Shape(offer: .ec2, family: "NAT Gateway", usage: "RegionalNatGateway-Bytes", extra: [.operation: "RegionalNatGateway"]),
        Shape(offer: .ec2, family: "NAT Gateway", usage: "RegionalNatGateway-Hours"),
        // EBS: io2 and magnetic; the I/O-request row; io2 IOPS tiers.
        Shape(offer: .ec2, family: "Storage", usage: "EBS:VolumeUsage.io2", extra: [.volumeAPIName: "io2"]),
        Shape(offer: .ec2, family: "Storage", usage: "EBS:VolumeUsage", extra: [.volumeAPIName: "standard"]),
        Shape(offer: .ec2, family: "System Operation", usage: "EBS:VolumeIOUsage", extra: [.volumeAPIName: "standard"]),
        Shape(offer: .ec2, family: "System Operation", usage: "EBS:VolumeP-IOPS.io2", extra: [.volumeAPIName: "io2"]),
        Shape(offer: .ec2, family: "System Operation", usage: "EBS:VolumeP-IOPS.io2.tier2", extra: [.volumeAPIName: "io2"]),
        Shape(offer: .ec2, family: "Storage Snapshot", usage: "EBS:SnapshotUsage"),
        // EC2: the unused capacity reservation and dedicated rows.
        Shape(offer: .ec2, family: "Compute Instance", usage: "UnusedBox:m5.large",
              extra: [.instanceType: "m5.large", .tenancy: "Shared", .operatingSystem: "Linux", .preInstalledSw: "NA",
                      .capacityStatus: "UnusedCapacityReservation"]),
        Shape(offer: .ec2, family: "Compute Instance", usage: "DedicatedRes:r5.2xlarge",
              extra: [.instanceType: "r5.2xlarge", .tenancy: "Dedicated", .operatingSystem: "Linux", .preInstalledSw: "NA",
                      .capacityStatus: "AllocatedCapacityReservation"]),
        // ELB: every other code on AWS's billing-codes page, plus the real eu-west-1 ReservedLCUUsage row (ReservedLCU-Hr).
        Shape(offer: .elb, family: "Load Balancer-Application", usage: "TS-LoadBalancerUsage"),
        Shape(offer: .elb, family: "Load Balancer-Application", usage: "Outposts-LoadBalancerUsage"),
        Shape(offer: .elb, family: "Load Balancer-Application", usage: "Outposts-LCUUsage"),
        Shape(offer: .elb, family: "Load Balancer-Application", usage: "ReservedLCUUsage"),
        Shape(offer: .elb, family: "Load Balancer-Application", usage: "IdleProvisionedLBCapacity"),
        Shape(offer: .elb, family: "Load Balancer", usage: "LoadBalancerUsage"),
        Shape(offer: .elb, family: "Load Balancer-Gateway", usage: "LCUUsage"),
        // Fargate: Spot, Windows (vCPU and the OS fee), and the same name outside family Compute.
        Shape(offer: .ecs, family: "Compute", usage: "SpotUsage:Fargate-vCPU-Hours:perCPU"),
        Shape(offer: .ecs, family: "Compute", usage: "Fargate-Windows-vCPU-Hours:perCPU"),
        Shape(offer: .ecs, family: "Compute", usage: "Fargate-Windows-OS-Hours:perCPU"),
        Shape(offer: .ecs, family: "Compute Metering", usage: "Fargate-vCPU-Hours:perCPU"),
        // RDS storage look-alikes (real us-east-1 shapes, all databaseEngine "Any").
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:Mirror-GP2-Storage",
              extra: [.databaseEngine: "Any", .deploymentOption: "Multi-AZ (SQL Server Mirror)"]),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:Multi-AZCluster-GP3-Storage",
              extra: [.databaseEngine: "Any", .deploymentOption: "Multi-AZ (readable standbys)"]),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:PIOPS-Storage-IO2", extra: [.databaseEngine: "Any"]),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:Multi-AZ-PIOPS-Storage-IO2", extra: [.databaseEngine: "Any"]),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:StorageUsage", extra: [.databaseEngine: "Any"]),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:Multi-AZ-StorageUsage", extra: [.databaseEngine: "Any"]),
        Shape(offer: .rds, family: "Provisioned IOPS", usage: "RDS:IO2-PIOPS", extra: [.databaseEngine: "Any"]),
        Shape(offer: .rds, family: "Provisioned IOPS", usage: "RDS:Multi-AZ-IO2-PIOPS", extra: [.databaseEngine: "Any"]),
        // Engine-specific or misfiled copies of shared names.
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:GP2-Storage", extra: [.databaseEngine: "SQL Server"]),
        Shape(offer: .rds, family: "Database Storage", usage: "RDS:GP2-Storage", extra: [.databaseEngine: "PostgreSQL"]),
        Shape(offer: .rds, family: "Storage Snapshot", usage: "RDS:ChargedBackupUsage", extra: [.databaseEngine: "Any", .operation: "CreateDBInstance:0014"]),
        Shape(offer: .rds, family: "Storage Snapshot", usage: "Aurora:BackupUsage", extra: [.databaseEngine: "Aurora MySQL"]),
        // Aurora I/O-Optimized and other Aurora charges; instances on I/O-Optimized and readable standbys; extended support.
        Shape(offer: .rds, family: "Database Storage", usage: "Aurora:IO-OptimizedStorageUsage", extra: [.databaseEngine: "Aurora PostgreSQL"]),
        Shape(offer: .rds, family: "ServerlessV2", usage: "Aurora:ServerlessV2IOOptimizedUsage", extra: [.databaseEngine: "Aurora PostgreSQL"]),
        Shape(offer: .rds, family: "System Operation", usage: "Aurora:BacktrackUsage", extra: [.databaseEngine: "Aurora MySQL"]),
        Shape(offer: .rds, family: "System Operation", usage: "Aurora:SnapshotExportToS3", extra: [.databaseEngine: "Aurora MySQL"]),
        Shape(offer: .rds, family: "Database Instance", usage: "InstanceUsageIOOptimized:db.r6g.large",
              extra: [.databaseEngine: "Aurora PostgreSQL", .instanceType: "db.r6g.large"]),
        Shape(offer: .rds, family: "Database Instance", usage: "Multi-AZClusterUsage:db.m5d.large",
              extra: [.databaseEngine: "PostgreSQL", .instanceType: "db.m5d.large", .deploymentOption: "Multi-AZ (readable standbys)"]),
        Shape(offer: .rds, family: "Database Instance", usage: "ExtendedSupport:Yr1-Yr2:AuroraMySQL2",
              extra: [.databaseEngine: "Aurora MySQL", .instanceType: "db.r5.large"]),
        // ElastiCache surcharge and variant rows on the same family and key (real us-east-1 shapes).
        Shape(offer: .elastiCache, family: "Cache Instance", usage: "ExtendedSupportYr1_Yr2-NodeUsage:cache.m6g.large",
              extra: [.cacheEngine: "Redis", .instanceType: "cache.m6g.large"]),
        Shape(offer: .elastiCache, family: "Cache Instance", usage: "ExtendedSupportYr3-NodeUsage:cache.m6g.large",
              extra: [.cacheEngine: "Redis", .instanceType: "cache.m6g.large"]),
        Shape(offer: .elastiCache, family: "Cache Instance", usage: "SyncDurability-NodeUsage:cache.m6g.large",
              extra: [.cacheEngine: "Redis", .instanceType: "cache.m6g.large"]),
        // S3: other storage classes and request tiers, and a request name in the wrong family.
        Shape(offer: .s3, family: "Storage", usage: "TimedStorage-SIA-ByteHrs"),
        Shape(offer: .s3, family: "Storage", usage: "TimedStorage-GIR-ByteHrs"),
        Shape(offer: .s3, family: "Storage", usage: "TimedStorage-INT-FA-ByteHrs"),
        Shape(offer: .s3, family: "API Request", usage: "Requests-SIA-Tier1"),
        Shape(offer: .s3, family: "API Request", usage: "Requests-GIR-Tier1"),
        Shape(offer: .s3, family: "Storage", usage: "Requests-Tier1"),
    ]

    @Test func realRowShapesMapToTheirItemsWithAnyRegionPrefix() throws {
        for shape in Self.matching {
            for prefix in Self.prefixes {
                let match = OfferClassifier.match(shape.offer, Self.attributes(shape, prefix: prefix))
                #expect(match?.item == shape.item, "\(prefix)\(shape)")
                if let awsUnit = shape.awsUnit {
                    #expect(match?.conversion(forAWSUnit: awsUnit) != nil, "\(prefix)\(shape) in \(awsUnit)")
                }
            }
        }
    }

    /// A Local Zone row carries two prefixes (`USE1-BOS1-EBS:VolumeUsage.gp3`, a real shape):
    /// only the region prefix is removed, so it never reads as the region's own row (the readers
    /// also skip it for its `AWS Local Zone` location type).
    @Test func aLocalZoneRowIsNotTheRegionsRow() {
        #expect(OfferClassifier.usageSuffix("USE1-BOS1-EBS:VolumeUsage.gp3") == "BOS1-EBS:VolumeUsage.gp3")
        #expect(OfferClassifier.match(.ec2, OfferClassifierTests.attributes("Storage", "USE1-BOS1-EBS:VolumeUsage.gp3",
                                                                             [.volumeAPIName: "gp3"])) == nil)
    }

    @Test func realLookAlikeRowsAreRejectedWithAnyRegionPrefix() {
        for shape in Self.lookAlikes {
            for prefix in Self.prefixes {
                let match = OfferClassifier.match(shape.offer, Self.attributes(shape, prefix: prefix))
                #expect(match == nil, "\(prefix)\(shape) matched \(match?.item ?? "")")
            }
        }
    }

    /// Imported rates must be in the unit the estimator asks for (the components' `unit:`); a
    /// published price becomes the catalog price × the conversion factor.
    @Test func publishedUnitsBecomeTheEstimatorsUnits() throws {
        // (offer, family, usage, extra, AWS unit, published price, catalog unit, catalog price)
        let cases: [(SupportedOffer, String, String, [OfferField: String], String, Decimal, String, Decimal)] = [
            // gp3 throughput us-east-1: 40.96 per GiBps-month ÷ 1024 = 0.04 per MBps-month.
            (.ec2, "Provisioned Throughput", "EBS:VolumeP-Throughput.gp3", [:], "GiBps-mo", Decimal(string: "40.96")!, "MBps-month", Decimal(string: "0.04")!),
            // S3 PUT: 0.000005 per request × 1000 = 0.005 per 1K requests.
            (.s3, "API Request", "Requests-Tier1", [:], "Requests", Decimal(string: "0.000005")!, "1K requests", Decimal(string: "0.005")!),
            // S3 GET: 0.0000004 × 1000 = 0.0004 per 1K requests.
            (.s3, "API Request", "Requests-Tier2", [:], "Requests", Decimal(string: "0.0000004")!, "1K requests", Decimal(string: "0.0004")!),
            // Aurora I/O: 0.0000002 per IO × 1,000,000 = 0.20 per 1M requests.
            (.rds, "System Operation", "Aurora:StorageIOUsage", [.databaseEngine: "Any"], "IOs", Decimal(string: "0.0000002")!, "1M requests", Decimal(string: "0.2")!),
            // Serverless v2: 0.12 per ACU-Hr = 0.12 per ACU-hour.
            (.rds, "ServerlessV2", "Aurora:ServerlessV2Usage", [.databaseEngine: "Aurora MySQL"], "ACU-Hr", Decimal(string: "0.12")!, "ACU-hour", Decimal(string: "0.12")!),
            // NLB: 0.006 per NLCU-Hrs = 0.006 per NLCU-hour.
            (.elb, "Load Balancer-Network", "LCUUsage", [:], "NLCU-Hrs", Decimal(string: "0.006")!, "NLCU-hour", Decimal(string: "0.006")!),
            // ElastiCache: 0.017 Hrs = 0.017 per node-hour.
            (.elastiCache, "Cache Instance", "NodeUsage:cache.t3.micro", [.cacheEngine: "Redis", .instanceType: "cache.t3.micro"],
             "Hrs", Decimal(string: "0.017")!, "node-hour", Decimal(string: "0.017")!),
        ]
        for (offer, family, usage, extra, awsUnit, published, unit, expected) in cases {
            let match = try #require(OfferClassifier.match(offer, OfferClassifierTests.attributes(family, usage, extra)), "\(usage)")
            let conversion = try #require(match.conversion(forAWSUnit: awsUnit), "\(usage) \(awsUnit)")
            #expect(conversion.unit == unit, "\(usage)")
            #expect(published * conversion.factor == expected, "\(usage)")
        }
        // Units seen in no real data are not guessed: gp3 throughput per MiBps-Mo, ACU-Hrs.
        let throughput = try #require(OfferClassifier.match(.ec2, OfferClassifierTests.attributes("Provisioned Throughput", "EBS:VolumeP-Throughput.gp3")))
        #expect(throughput.conversion(forAWSUnit: "MiBps-Mo") == nil)
        let acu = try #require(OfferClassifier.match(.rds, OfferClassifierTests.attributes("ServerlessV2", "Aurora:ServerlessV2Usage")))
        #expect(acu.conversion(forAWSUnit: "ACU-Hrs") == nil)
    }

    /// The catalog units of every item the classifier can produce are the units the shipped
    /// sheets use for that item (the estimator checks the unit on every lookup).
    @Test func everyMatchedItemHasTheSheetsUnit() throws {
        var sheetUnits: [String: Set<String>] = [:]   // "service item-prefix" → units
        for service in Set(Self.matching.map(\.offer.rawValue)) {
            let text = try String(contentsOf: RepositoryFiles.pricing.appendingPathComponent("\(service).csv"), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                sheetUnits["\(service) \(fields[1])", default: []].insert(String(fields[2]))
            }
        }
        for shape in Self.matching {
            let match = try #require(OfferClassifier.match(shape.offer, Self.attributes(shape, prefix: "")))
            let units = Set(match.units.map(\.unit))
            #expect(units.count == 1, "\(match.item) converts to one unit")
            // An item the sheets do not list (another instance class) takes the unit of its nearest siblings.
            var parts = match.item.split(separator: "/").map(String.init)
            var expected = sheetUnits["\(match.service) \(match.item)"] ?? []
            while expected.isEmpty, parts.count > 1 {
                parts.removeLast()
                let prefix = "\(match.service) \(parts.joined(separator: "/"))/"
                expected = sheetUnits.filter { $0.key.hasPrefix(prefix) }.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            }
            #expect(!expected.isEmpty && expected == units, "\(match.item): \(units) vs sheets \(expected)")
        }
    }
    /// An AmazonRDS CSV in the real 2026 header (taken from the synthetic fixture, which copies
    /// it verbatim) with real us-east-1 row shapes: the shared storage, backup and Aurora rows
    /// and their look-alikes, read through the CSV reader. Prices are the published us-east-1
    /// ones where known (storage 0.115 / 0.23, Aurora 0.10 / 0.20 per 1M / 0.12 per ACU-hour).
    @Test func anRDSOfferInTheRealLayoutYieldsOnlyTheSharedRows() throws {
        let header = try String(contentsOfFile: OfferFixtures.synthetic("AmazonRDS", "csv"), encoding: .utf8)
            .split(separator: "\n").prefix(6).joined(separator: "\n") + "\n"
        let columns = header.split(separator: "\n").last!.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        func row(_ sku: String, _ family: String, _ usage: String, _ unit: String, _ usd: String, engine: String,
                 deployment: String = "", operation: String = "") -> String {
            let values: [String: String] = [
                "SKU": sku, "OfferTermCode": "JRTCKXETXF", "RateCode": "\(sku).JRTCKXETXF.6YS6EN2CT7", "TermType": "OnDemand",
                "EffectiveDate": "2026-10-01", "StartingRange": "0", "EndingRange": "Inf", "Unit": unit, "PricePerUnit": usd,
                "Currency": "USD", "Product Family": family, "serviceCode": "AmazonRDS", "Location": "US East (N. Virginia)",
                "Location Type": "AWS Region", "Database Engine": engine, "Deployment Option": deployment,
                "usageType": usage, "operation": operation, "Region Code": "us-east-1",
            ]
            return columns.map { "\"\(values[$0] ?? "")\"" }.joined(separator: ",") + "\n"
        }
        let rows = [
            row("GP2SAZ", "Database Storage", "RDS:GP2-Storage", "GB-Mo", "0.1150000000", engine: "Any", deployment: "Single-AZ"),
            row("GP2MAZ", "Database Storage", "RDS:Multi-AZ-GP2-Storage", "GB-Mo", "0.2300000000", engine: "Any", deployment: "Multi-AZ"),
            row("GP2MIRROR", "Database Storage", "RDS:Mirror-GP2-Storage", "GB-Mo", "0.2300000000", engine: "Any",
                deployment: "Multi-AZ (SQL Server Mirror)"),
            row("GP3SAZ", "Database Storage", "USE1-RDS:GP3-Storage", "GB-Mo", "0.1150000000", engine: "Any", deployment: "Single-AZ"),
            row("GP3CLUSTER", "Database Storage", "USE1-RDS:Multi-AZCluster-GP3-Storage", "GB-Mo", "0.3450000000", engine: "Any",
                deployment: "Multi-AZ (readable standbys)"),
            row("IO2SAZ", "Database Storage", "RDS:PIOPS-Storage-IO2", "GB-month", "0.1250000000", engine: "Any", deployment: "Single-AZ"),
            row("BACKUP", "Storage Snapshot", "RDS:ChargedBackupUsage", "GB-Mo", "0.0950000000", engine: "Any"),
            row("BACKUPOP", "Storage Snapshot", "RDS:ChargedBackupUsage", "GB-Mo", "0.0100000000", engine: "Any", operation: "CreateDBInstance:0014"),
            row("AURSTORMY", "Database Storage", "Aurora:StorageUsage", "GB-Mo", "0.1000000000", engine: "Any"),
            row("AURSTORPG", "Database Storage", "Aurora:StorageUsage", "GB-Mo", "0.1000000000", engine: "Aurora PostgreSQL"),
            row("AURIOOPT", "Database Storage", "Aurora:IO-OptimizedStorageUsage", "GB-Mo", "0.2250000000", engine: "Aurora PostgreSQL"),
            row("AURIO", "System Operation", "Aurora:StorageIOUsage", "IOs", "0.0000002000", engine: "Aurora PostgreSQL"),
            row("AURBACKUP", "Storage Snapshot", "Aurora:BackupUsage", "GB-Mo", "0.0210000000", engine: "Aurora PostgreSQL"),
            row("ACU", "ServerlessV2", "Aurora:ServerlessV2Usage", "ACU-Hr", "0.1200000000", engine: "Aurora PostgreSQL"),
            row("ACUIOOPT", "ServerlessV2", "Aurora:ServerlessV2IOOptimizedUsage", "ACU-Hr", "0.1560000000", engine: "Aurora PostgreSQL"),
        ]
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try OfferFixtures.write(header + rows.joined(), to: directory, name: "AmazonRDS-us-east-1.csv")
        let offer = try OfferImport.read(path: path)
        #expect(OfferFixtures.prices(offer) == [
            "storage/gp2/single-az": [Decimal(string: "0.115")!],
            "storage/gp2/multi-az": [Decimal(string: "0.23")!],
            "storage/gp3/single-az": [Decimal(string: "0.115")!],
            "backup/storage": [Decimal(string: "0.095")!],
            "aurora/storage": [Decimal(string: "0.1")!],          // the Any and Aurora PostgreSQL rows agree
            "aurora/io-requests": [Decimal(string: "0.2")!],      // 0.0000002 × 1,000,000
            "aurora/serverless-v2": [Decimal(string: "0.12")!],
        ])
        #expect(offer.statistics.conflicts.isEmpty)
        #expect(offer.statistics.rowsUsed == 8)                   // 7 items, aurora/storage from two rows
        #expect(offer.statistics.rowsWithUnexpectedUnit == 0)
    }
}
