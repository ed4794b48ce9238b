import CostPlan
@testable import CostPlanStore
import Foundation
import Testing

/// Reading the sample offer files: the rows the estimator prices are picked, with the right
/// item keys, units and prices; decoys (Windows, unused reservations, Reserved terms, Outposts,
/// other storage classes) are not.
struct OfferFileReadingTests {
    /// Each synthetic sample, in both formats, yields exactly these us-east-1 rates.
    static let expected: [(service: String, prices: [String: [String]])] = [
        // t3.micro Linux only: the Windows (0.0196), UnusedBox and Reserved (0.0065) rows are decoys.
        ("AmazonEC2", ["instance/t3.micro": ["0.0104"], "nat-gateway/hours": ["0.045"], "nat-gateway/data-processed": ["0.045"]]),
        // The Outposts-LoadBalancerUsage row (0.00) is a decoy.
        ("AWSELB", ["alb/hours": ["0.0225"], "alb/lcu": ["0.008"]]),
        // The ARM vCPU row is priced as arm64 (the estimator prices arm64 Fargate tasks).
        ("AmazonECS", ["fargate/x86_64/vcpu": ["0.04048"], "fargate/x86_64/memory": ["0.004445"],
                       "fargate/arm64/vcpu": ["0.03238"]]),
        ("AmazonRDS", ["instance/postgres/db.t4g.small/single-az": ["0.032"],
                       "instance/postgres/db.t4g.small/multi-az": ["0.064"]]),
        // Memcached is a decoy for Redis lookups; it is its own item.
        ("AmazonElastiCache", ["node/redis/cache.t3.micro": ["0.017"], "node/memcached/cache.t3.micro": ["0.017"]]),
    ]

    @Test(arguments: ["csv", "json"])
    func syntheticSamplesYieldExactlyTheEstimatorsRates(format: String) throws {
        for (service, prices) in Self.expected {
            let offerImport = try OfferImport.read(path: OfferFixtures.synthetic(service, format))
            #expect(offerImport.offerCode == service)
            #expect(offerImport.version == "20250101000000")
            #expect(offerImport.publicationDate == "2025-01-01T00:00:00Z")
            #expect(Array(offerImport.ratesByRegion.keys) == ["us-east-1"])
            #expect(OfferFixtures.prices(offerImport) == prices.mapValues { $0.map { Decimal(string: $0)! } }, "\(service) \(format)")
        }
    }

    @Test func csvAndJSONOfTheSameOfferGiveTheSameRates() throws {
        for (service, _) in Self.expected {
            let csv = try OfferImport.read(path: OfferFixtures.synthetic(service, "csv")).rates
            let json = try OfferImport.read(path: OfferFixtures.synthetic(service, "json")).rates
            func comparable(_ rates: [Rate]) -> [String] {
                rates.map { "\($0.key) \($0.unit) \($0.tierFrom.map(Money.plain) ?? "-") \(Money.plain($0.usd)) \($0.effectiveDate)" }.sorted()
            }
            #expect(comparable(csv) == comparable(json), "\(service)")
        }
    }

    @Test func ratesCarryUnitsAndATraceableSource() throws {
        let offerImport = try OfferImport.read(path: OfferFixtures.synthetic("AmazonEC2", "csv"))
        let t3 = try #require(offerImport.rates.first { $0.key.item == "instance/t3.micro" })
        #expect(t3.unit == "hour")
        #expect(t3.tierFrom == nil)
        #expect(t3.effectiveDate == "2025-01-01")
        #expect(t3.source == "AWS Price List AmazonEC2 us-east-1 offer version 20250101000000 (published 2025-01-01T00:00:00Z), "
            + "SKU SYNTHEC2T3MICRO1 rate code SYNTHEC2T3MICRO1.JRTCKXETXF.6YS6EN2CT7, imported from AmazonEC2_us-east-1.SYNTHETIC.csv")
        #expect(offerImport.rates.first { $0.key.item == "nat-gateway/data-processed" }?.unit == "GB")
        let statistics = offerImport.statistics
        #expect(statistics.rowsRead == 6)
        #expect(statistics.rowsUsed == 3)
    }

    @Test func realEC2CSVWithoutRegionCodeIsPlacedByItsLocationName() throws {
        // terracost's eu-west-3 file (2020): EBS st1/io1/gp2 storage, I/O requests (not priced) and io1 IOPS.
        let offerImport = try OfferImport.read(path: OfferFixtures.path("AmazonEC2_eu-west-3.terracost-e2e.csv"))
        #expect(offerImport.version == "20201019204802")
        #expect(Array(offerImport.ratesByRegion.keys) == ["eu-west-3"])
        #expect(OfferFixtures.prices(offerImport, region: "eu-west-3") == [
            "ebs/st1/storage": [Decimal(string: "0.053")!], "ebs/io1/storage": [Decimal(string: "0.145")!],
            "ebs/gp2/storage": [Decimal(string: "0.116")!], "ebs/io1/iops": [Decimal(string: "0.076")!],
        ])
        #expect(offerImport.rates.first { $0.key.item == "ebs/io1/iops" }?.unit == "IOPS-month")
    }

    @Test func realEC2JSONExcerptIsRejectedAtItsTrailingCommaThenReadOnceFixed() throws {
        let original = OfferFixtures.path("AmazonEC2_us-east-2.excerpt.opencost-test.json")
        let error = try #require(throws: OfferImportError.self) { try OfferImport.read(path: original) }
        #expect(error.location == "$.terms.OnDemand.8D49XP354UEYTHGM[\"8D49XP354UEYTHGM.MZU6U2429S\"].priceDimensions[\"8D49XP354UEYTHGM.MZU6U2429S.2TG2D8R56U\"] (line 170)")
        #expect(error.message.contains("trailing comma"))

        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines = try String(contentsOfFile: original, encoding: .utf8).components(separatedBy: "\n")
        lines[168] = String(lines[168].dropLast())  // "},"  →  "}"
        let fixed = try OfferFixtures.write(lines.joined(separator: "\n"), to: directory, name: "AmazonEC2_us-east-2.json")
        let offerImport = try OfferImport.read(path: fixed)
        // gp3 storage is priced; m5.large's only term under OnDemand is an RI upfront fee (unit Quantity), skipped;
        // the Windows BYOL p3.8xlarge is a decoy.
        #expect(OfferFixtures.prices(offerImport, region: "us-east-2") == ["ebs/gp3/storage": [Decimal(string: "0.08")!]])
        #expect(offerImport.statistics.rowsWithUnexpectedUnit == 1)
    }

    @Test func s3StorageKeepsItsTierRangesAndRequestsArePricedPerThousand() throws {
        let offerImport = try OfferImport.read(path: OfferFixtures.synthetic("AmazonS3", "csv"))
        let storage = offerImport.rates.filter { $0.key.item == "standard/storage" }
        #expect(storage.map(\.tierFrom) == [0, 51200, 512000])
        #expect(storage.map(\.usd) == [Decimal(string: "0.023")!, Decimal(string: "0.022")!, Decimal(string: "0.021")!])
        // Requests are published per request: 0.000005 × 1,000 = 0.005 per 1K; 0.0000004 × 1,000 = 0.0004.
        #expect(OfferFixtures.prices(offerImport)["requests/tier1"] == [Decimal(string: "0.005")!])
        #expect(OfferFixtures.prices(offerImport)["requests/tier2"] == [Decimal(string: "0.0004")!])
        #expect(offerImport.rates.first { $0.key.item == "requests/tier1" }?.unit == "1K requests")
        // Glacier, Standard-IA and the Outposts row are not picked.
        #expect(offerImport.rates.count == 5)
    }

    @Test func unitConversionsAreExact() throws {
        // gp3 throughput is published per GiBps-month: 40.96 / 1024 = 0.04 per MBps-month.
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var row = OfferFixtures.natRow("THRU", "USE1-EBS:VolumeP-Throughput.gp3", "GiBps-mo", "40.9600000000")
        row["Product Family"] = "Provisioned Throughput"
        let path = try OfferFixtures.write(OfferFixtures.ec2CSV(rows: [row]), to: directory, name: "ec2.csv")
        let rate = try #require(try OfferImport.read(path: path).rates.first)
        #expect(rate.key.item == "ebs/gp3/throughput")
        #expect(rate.unit == "MBps-month")
        #expect(rate.usd == Decimal(string: "0.04")!)
    }

    @Test(arguments: [
        ("USE1-BoxUsage:t3.micro", "BoxUsage:t3.micro"), ("EU-NatGateway-Hours", "NatGateway-Hours"),
        ("EUW3-EBS:VolumeUsage.gp3", "EBS:VolumeUsage.gp3"), ("LoadBalancerUsage", "LoadBalancerUsage"),
        ("Outposts-LoadBalancerUsage", "Outposts-LoadBalancerUsage"), ("TS-LoadBalancerUsage", "TS-LoadBalancerUsage"),
        ("USE1-SpotUsage:Fargate-vCPU-Hours:perCPU", "SpotUsage:Fargate-vCPU-Hours:perCPU"),
        ("Multi-AZUsage:db.t4g.small", "Multi-AZUsage:db.t4g.small"),
    ])
    func usageTypeRegionPrefixIsStrippedOnlyWhenItIsOne(usage: String, suffix: String) {
        #expect(OfferClassifier.usageSuffix(usage) == suffix[...])
    }

    @Test func anOfferCostplanDoesNotPriceIsRefused() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try OfferFixtures.write("""
            {"formatVersion":"v1.0","offerCode":"A4B","version":"20200925212808","publicationDate":"2020-09-25T21:28:08Z",
             "products":{},"terms":{"OnDemand":{}}}
            """, to: directory, name: "A4B.json")
        let error = try #require(throws: OfferImportError.self) { try OfferImport.read(path: path) }
        #expect(error.location == "$.offerCode")
        #expect(error.message.hasPrefix("offer 'A4B' is not one costplan prices"))
    }

    @Test func jsonWithTermsBeforeProductsIsReadInTwoPasses() throws {
        let directory = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try OfferFixtures.write("""
            {"offerCode":"AmazonEC2","version":"1","publicationDate":"2026-01-01T00:00:00Z",
             "terms":{"OnDemand":{"S1":{"S1.T":{"effectiveDate":"2026-01-01T00:00:00Z","priceDimensions":{"S1.T.R":
               {"rateCode":"S1.T.R","unit":"Hrs","beginRange":"0","endRange":"Inf","pricePerUnit":{"USD":"0.5"},"appliesTo":[]}}}}}},
             "products":{"S1":{"sku":"S1","productFamily":"NAT Gateway","attributes":{"regionCode":"eu-west-1",
               "locationType":"AWS Region","usagetype":"EU-NatGateway-Hours"}}}}
            """, to: directory, name: "ec2.json")
        #expect(OfferFixtures.prices(try OfferImport.read(path: path), region: "eu-west-1") == ["nat-gateway/hours": [Decimal(string: "0.5")!]])
    }
}
