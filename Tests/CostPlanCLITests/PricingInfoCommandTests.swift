import Foundation
import Testing

/// `costplan pricing info --region R`: what one region covers, and how to fill the rest.
struct PricingInfoCommandTests {
    @Test func regionCoverageListsServicesItemGroupsAndTheFixForMissingServices() throws {
        let result = try CLI.run(["pricing", "info", "--region", "eu-central-1"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(result.stdout.hasPrefix("Region eu-central-1: "))
        // ec2-ondemand.csv has 244 eu-central-1 rows (rates README §1: "eu-central-1 244")
        #expect(lines.contains { $0.hasPrefix("AmazonEC2 ") && $0.contains(" instance ") && $0.contains(" 244 ") })
        // RDS Multi-AZ instances are derived (2 x Single-AZ), so the group counts derived rates
        let postgres = try #require(lines.first { $0.hasPrefix("AmazonRDS ") && $0.contains("instance/postgres") })
        #expect(postgres.contains("2022-07-18"))
        #expect(lines.contains { $0.hasPrefix("AmazonECS ") && $0.contains("fargate/x86_64/vcpu") })
        // no load balancer or S3 rate in eu-central-1: the fix is named
        #expect(result.stdout.contains("  costplan pricing fetch --service AWSELB --region eu-central-1\n"))
        #expect(result.stdout.contains("  costplan pricing fetch --service AmazonS3 --region eu-central-1\n"))
        #expect(!result.stdout.contains("--service AmazonEC2 --region eu-central-1"))
    }

    @Test func aRegionWithoutRatesSaysSoAndListsEveryFetch() throws {
        let result = try CLI.run(["pricing", "info", "--region", "ap-east-2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Region ap-east-2: 0 rates in 0 services"))
        #expect(result.stdout.contains("(no rate for this region)"))
        for service in ["AmazonEC2", "AWSELB", "AmazonECS", "AmazonRDS", "AmazonElastiCache", "AmazonS3"] {
            #expect(result.stdout.contains("costplan pricing fetch --service \(service) --region ap-east-2\n"))
        }
    }

    @Test func anUnknownRegionIsRejected() throws {
        let result = try CLI.run(["pricing", "info", "--region", "eu-middle-9"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--region eu-middle-9: not an AWS region code"))
    }

    @Test func theOverviewCountsRegionsPerService() throws {
        let result = try CLI.run(["pricing", "info"])
        #expect(result.status == 0, "\(result.stderr)")
        let ec2 = try #require(result.stdout.components(separatedBy: "\n").first { $0.hasPrefix("AmazonEC2 ") })
        #expect(ec2.split(separator: " ").map(String.init) == ["AmazonEC2", "24", "5040", "1"])
        #expect(result.stdout.contains("What one region covers: costplan pricing info --region <region>"))
    }
}
