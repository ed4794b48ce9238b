import CostPlan
@testable import CostPlanStore
import Foundation
import Testing

/// The product rules beyond the samples: which attributes map to which catalog item, and the
/// look-alikes that must not.
struct OfferClassifierTests {
    static func attributes(_ family: String, _ usage: String, _ extra: [OfferField: String] = [:]) -> JSONAttributes {
        var a = JSONAttributes()
        a.values[OfferField.productFamily.rawValue] = family
        a.values[OfferField.usageType.rawValue] = usage
        for (field, value) in extra { a.values[field.rawValue] = value }
        return a
    }

    /// (offer, family, usage type, extra attributes, expected item or nil, an AWS unit it accepts → catalog unit)
    static let cases: [(SupportedOffer, String, String, [OfferField: String], String?, String?)] = [
        (.ec2, "Storage", "EUW2-EBS:VolumeUsage.sc1", [.volumeAPIName: "sc1"], "ebs/sc1/storage", "GB-Mo→GB-month"),
        (.ec2, "Storage", "EBS:VolumeUsage.io2", [.volumeAPIName: "io2"], nil, nil),
        (.ec2, "System Operation", "EBS:VolumeP-IOPS.gp3", [:], "ebs/gp3/iops", "IOPS-Mo→IOPS-month"),
        (.ec2, "System Operation", "EBS:VolumeIOUsage", [:], nil, nil),
        (.ec2, "NAT Gateway", "USE1-NatGateway-Prvd-Bytes", [:], nil, nil),
        (.ec2, "Compute Instance (bare metal)", "BoxUsage:m5.metal",
         [.instanceType: "m5.metal", .tenancy: "Shared", .operatingSystem: "Linux", .preInstalledSw: "NA",
          .capacityStatus: "Used", .operation: "RunInstances"], "instance/m5.metal", "Hrs→hour"),
        (.ec2, "Compute Instance", "BoxUsage:m5.large",
         [.instanceType: "m5.large", .tenancy: "Shared", .operatingSystem: "Linux", .preInstalledSw: "SQL Std",
          .capacityStatus: "Used"], nil, nil),
        (.ec2, "Compute Instance", "DedicatedUsage:m5.large",
         [.instanceType: "m5.large", .tenancy: "Dedicated", .operatingSystem: "Linux", .preInstalledSw: "NA",
          .capacityStatus: "Used"], nil, nil),
        (.elb, "Load Balancer-Network", "USE2-LoadBalancerUsage", [:], "nlb/hours", "Hrs→hour"),
        (.elb, "Load Balancer-Network", "USE2-LCUUsage", [:], "nlb/nlcu", "NLCU-Hrs→NLCU-hour"),
        (.elb, "Load Balancer-Application", "USE1-TS-LoadBalancerUsage", [:], nil, nil),
        (.ecs, "Compute", "USE1-Fargate-ARM-GB-Hours", [:], "fargate/arm64/memory", "GB-Hours→GB-hour"),
        (.ecs, "Compute", "USE1-Fargate-EphemeralStorage-GB-Hours", [:], "fargate/ephemeral-storage", "GB-Hours→GB-hour"),
        (.ecs, "Compute", "USE1-SpotUsage:Fargate-vCPU-Hours:perCPU", [:], nil, nil),
        (.ecs, "Compute", "USE1-Fargate-Windows-vCPU-Hours:perCPU", [:], nil, nil),
        (.rds, "Database Storage", "RDS:Multi-AZ-GP3-Storage", [.databaseEngine: "Any"], "storage/gp3/multi-az", "GB-Mo→GB-month"),
        (.rds, "Database Storage", "RDS:Multi-AZ-GP3-Storage", [.databaseEngine: "SQL Server"], nil, nil),
        (.rds, "Provisioned IOPS", "RDS:PIOPS", [.databaseEngine: "Any"], "iops/io1/single-az", "IOPS-Mo→IOPS-month"),
        (.rds, "Storage Snapshot", "USW2-RDS:ChargedBackupUsage", [:], "backup/storage", "GB-Mo→GB-month"),
        (.rds, "System Operation", "Aurora:StorageIOUsage", [.databaseEngine: "Aurora PostgreSQL"], "aurora/io-requests", "IOs→1M requests"),
        (.rds, "ServerlessV2", "Aurora:ServerlessV2Usage", [.databaseEngine: "Aurora MySQL"], "aurora/serverless-v2", "ACU-Hr→ACU-hour"),
        (.rds, "Database Instance", "InstanceUsage:db.r6g.large",
         [.databaseEngine: "Aurora PostgreSQL", .instanceType: "db.r6g.large"], "aurora/aurora-postgresql/db.r6g.large", "Hrs→hour"),
        (.rds, "Database Instance", "InstanceUsageIOOptimized:db.r6g.large",
         [.databaseEngine: "Aurora PostgreSQL", .instanceType: "db.r6g.large"], nil, nil),
        (.rds, "Database Instance", "Multi-AZUsage:db.m5.large",
         [.databaseEngine: "MySQL", .instanceType: "db.m5.large", .deploymentOption: "Multi-AZ"], "instance/mysql/db.m5.large/multi-az", "Hrs→hour"),
        (.rds, "Database Instance", "Multi-AZClusterUsage:db.m5d.large",
         [.databaseEngine: "MySQL", .instanceType: "db.m5d.large", .deploymentOption: "Multi-AZ (readable standbys)"], nil, nil),
        (.rds, "Database Instance", "ExtendedSupport:Yr1-Yr2:MySQL5.7",
         [.databaseEngine: "MySQL", .instanceType: "db.m5.large", .deploymentOption: "Single-AZ"], nil, nil),
        (.elastiCache, "Cache Instance", "EU-NodeUsage:cache.r6g.large",
         [.cacheEngine: "Valkey", .instanceType: "cache.r6g.large"], "node/valkey/cache.r6g.large", "Hrs→node-hour"),
        (.elastiCache, "Cache Instance", "APN1-ExtendedSupportYr3-NodeUsage:cache.t3.micro",
         [.cacheEngine: "Redis", .instanceType: "cache.t3.micro"], nil, nil),
        (.s3, "Storage", "USW2-TimedStorage-ByteHrs", [:], "standard/storage", "GB-Mo→GB-month"),
        (.s3, "Storage", "TimedStorage-INT-FA-ByteHrs", [:], nil, nil),
    ]

    @Test func eachRuleMapsToItsItemAndRejectsLookAlikes() {
        for (offer, family, usage, extra, item, unit) in Self.cases {
            let match = OfferClassifier.match(offer, Self.attributes(family, usage, extra))
            #expect(match?.item == item, "\(offer) \(family) \(usage)")
            if let unit, let match {
                let parts = unit.components(separatedBy: "→")
                #expect(match.conversion(forAWSUnit: parts[0])?.unit == parts[1], "\(usage) \(unit)")
            }
        }
    }

    @Test func conversionFactorsAreExact() throws {
        // Aurora I/O is published per request: × 1,000,000 → per 1M requests.
        let io = try #require(OfferClassifier.match(.rds, Self.attributes("System Operation", "Aurora:StorageIOUsage")))
        #expect(io.conversion(forAWSUnit: "IOs")?.factor == 1_000_000)
        let throughput = try #require(OfferClassifier.match(.ec2, Self.attributes("Provisioned Throughput", "EBS:VolumeP-Throughput.gp3")))
        #expect(throughput.conversion(forAWSUnit: "GiBps-mo")?.factor == Decimal(string: "0.0009765625")!)  // 1 / 1024
    }
}
