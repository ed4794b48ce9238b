import Foundation
import Testing
@testable import CostPlan

/// Rate lookup: region then `global`, errors naming what is missing and what is known nearby,
/// unit checks, tier ordering.
struct PriceCatalogTests {
    @Test func lookupFallsBackToGlobal() throws {
        let catalog = InMemoryPriceCatalog(rates: [rate("awskms", "key", "key-month", "1", region: "global")])
        let found = try catalog.lookup(service: "awskms", region: "ap-south-1", item: "key")
        #expect(found.map(\.usd) == [d("1")])
        #expect(found.map(\.key.region) == ["global"])
    }

    @Test func regionalRateWinsOverGlobal() throws {
        let catalog = InMemoryPriceCatalog(rates: [
            rate("awskms", "key", "key-month", "1", region: "global"),
            rate("awskms", "key", "key-month", "1.2", region: "eu-west-1"),
        ])
        #expect(try catalog.lookup(service: "awskms", region: "eu-west-1", item: "key").map(\.usd) == [d("1.2")])
        #expect(try catalog.lookup(service: "awskms", region: "us-east-1", item: "key").map(\.usd) == [d("1")])
    }

    static let rdsRates = [
        rate("AmazonRDS", "instance/postgres/db.t3.medium/single-az", "hour", "0.072"),
        rate("AmazonRDS", "instance/postgres/db.t3.large/single-az", "hour", "0.145"),
        rate("AmazonRDS", "instance/postgres/db.t3.medium/single-az", "hour", "0.076", region: "eu-west-1"),
        rate("AmazonRDS", "instance/postgres/db.t3.medium/single-az", "hour", "0.08", region: "ap-south-1"),
        rate("AmazonRDS", "instance/postgres/db.t3.medium/multi-az", "hour", "0.152", region: "eu-west-1"),
        rate("AmazonRDS", "instance/mysql/db.t3.medium/single-az", "hour", "0.068", region: "eu-west-1"),
        rate("AmazonRDS", "storage/gp3/single-az", "GB-month", "0.127", region: "eu-west-1"),
    ]

    @Test func missingRateNamesTheLookupAndNearbyRates() throws {
        let catalog = InMemoryPriceCatalog(rates: Self.rdsRates)
        let error = #expect(throws: PricingError.self) {
            try catalog.lookup(service: "AmazonRDS", region: "eu-west-1", item: "instance/postgres/db.t3.large/single-az")
        }
        guard case let .missingRate(key, nearby)? = error else {
            Issue.record("expected a missing rate, got \(String(describing: error))")
            return
        }
        #expect(key == RateKey(service: "AmazonRDS", region: "eu-west-1", item: "instance/postgres/db.t3.large/single-az"))
        // the same item in other regions first, then other classes of the engine in the region
        // (mysql is not a sibling of a postgres instance)
        #expect(nearby.first.map { "\($0.key.item)@\($0.key.region)" } == "instance/postgres/db.t3.large/single-az@us-east-1")
        #expect(Set(nearby.dropFirst().map { "\($0.key.item)@\($0.key.region)" }) == [
            "instance/postgres/db.t3.medium/single-az@eu-west-1",
            "instance/postgres/db.t3.medium/multi-az@eu-west-1",
        ])
        let text = "\(error!)"
        #expect(text.hasPrefix("no rate for AmazonRDS 'instance/postgres/db.t3.large/single-az' in eu-west-1; known nearby: "))
        #expect(text.contains("instance/postgres/db.t3.large/single-az in us-east-1 = $0.145/hour"))
        #expect(text.contains("pricing/AmazonRDS.csv"))
    }

    @Test func missingRateInAnUnpricedRegionListsOtherRegions() throws {
        let catalog = InMemoryPriceCatalog(rates: Self.rdsRates)
        let error = #expect(throws: PricingError.self) {
            try catalog.lookup(service: "AmazonRDS", region: "sa-east-1", item: "instance/postgres/db.t3.medium/single-az")
        }
        guard case let .missingRate(_, nearby)? = error else { Issue.record("expected a missing rate"); return }
        #expect(Set(nearby.map(\.key.region)) == ["us-east-1", "eu-west-1", "ap-south-1"])
        #expect(nearby.allSatisfy { $0.key.item == "instance/postgres/db.t3.medium/single-az" })
    }

    @Test func missingServiceSaysNothingIsNearby() throws {
        let catalog = InMemoryPriceCatalog(rates: Self.rdsRates)
        let error = #expect(throws: PricingError.self) {
            try catalog.lookup(service: "AmazonECR", region: "us-east-1", item: "storage")
        }
        #expect(error == .missingRate(RateKey(service: "AmazonECR", region: "us-east-1", item: "storage"), nearby: []))
        #expect("\(error!)".contains("the catalog has no AmazonECR rates nearby"))
    }

    /// An item priced in many regions leaves room for the region's own similar items: us-east-1
    /// and two more regions, then the siblings (an m7g.large missing in sa-east-1, known in 24).
    @Test func otherRegionsTakeAtMostThreePlaces() {
        let regions = ["af-south-1", "ap-east-1", "ap-south-1", "eu-west-1", "us-east-1", "us-west-2"]
        var rates = regions.map { rate("AmazonEC2", "instance/m7g.large", "hour", "0.0816", region: $0) }
        rates += ["m7g.xlarge", "m6g.large", "m7g.medium"].map {
            rate("AmazonEC2", "instance/\($0)", "hour", "0.1", region: "sa-east-1")
        }
        let missing = RateKey(service: "AmazonEC2", region: "sa-east-1", item: "instance/m7g.large")
        let nearby = InMemoryPriceCatalog(rates: rates).nearby(missing)
        #expect(nearby.map { "\($0.key.item)@\($0.key.region)" } == [
            "instance/m7g.large@us-east-1", "instance/m7g.large@af-south-1", "instance/m7g.large@ap-east-1",
            // siblings by closeness (common prefix + 2 × common suffix): m6g.large 10 + 2 × 7 = 24,
            // m7g.xlarge 13 + 2 × 5 = 23, m7g.medium 13 + 0 = 13
            "instance/m6g.large@sa-east-1", "instance/m7g.xlarge@sa-east-1", "instance/m7g.medium@sa-east-1",
        ])
    }

    /// Siblings share a non-empty prefix: an EBS volume type missing in a region does not list the
    /// region's EC2 instances; an item without `/` has every item of the region as a sibling.
    @Test func siblingsShareAPrefix() {
        let catalog = InMemoryPriceCatalog(rates: [
            rate("AmazonEC2", "ebs/gp2/storage", "GB-month", "0.1", region: "us-east-1"),
            rate("AmazonEC2", "instance/c5.large", "hour", "0.101", region: "eu-west-3"),
            rate("awskms", "requests", "10K requests", "0.03", region: "eu-west-3"),
        ])
        let ebs = catalog.nearby(RateKey(service: "AmazonEC2", region: "eu-west-3", item: "ebs/gp2/storage"))
        #expect(ebs.map { "\($0.key.item)@\($0.key.region)" } == ["ebs/gp2/storage@us-east-1"])
        let key = catalog.nearby(RateKey(service: "awskms", region: "eu-west-3", item: "key"))
        #expect(key.map(\.key.item) == ["requests"])
    }

    @Test func nearbyIsCappedAndSkipsUpperTiers() throws {
        var rates = (1...12).map { rate("AmazonEC2", "instance/t3.size\($0)", "hour", "0.01", region: "eu-west-1") }
        rates += [rate("AmazonS3", "standard/storage", "GB-month", "0.023", tier: "0", region: "eu-west-1"),
                  rate("AmazonS3", "standard/storage", "GB-month", "0.022", tier: "51200", region: "eu-west-1")]
        let catalog = InMemoryPriceCatalog(rates: rates)
        #expect(catalog.nearby(RateKey(service: "AmazonEC2", region: "eu-west-1", item: "instance/t3.huge")).count == 8)
        #expect(catalog.nearby(RateKey(service: "AmazonS3", region: "us-east-1", item: "standard/storage")).map(\.usd)
                == [d("0.023")])
    }

    @Test func estimatorListsAMissingRateAsUnpriced() throws {
        let plan = try parsePlan(singleComponentPlan("{type: ec2, instance_type: t3.nano, count: 2}"))
        let estimate = try Estimator(catalog: InMemoryPriceCatalog(rates: TestRates.usEast1)).estimate(plan)
        let items = try #require(estimate.environment("test")).unpriced
        #expect(items.count == 1)
        #expect(items.first?.component == "c")
        #expect(items.first?.key == RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.nano"))
        // nothing prices t3.nano anywhere: the region's other instance types are suggested
        #expect(Set(items.first?.nearby.map(\.key.item) ?? []) == ["instance/t3.large", "instance/t3.medium"])
        let text = "\(try #require(EstimateError(incomplete: estimate)))"
        #expect(text.contains("test.yaml: error: environments.test.components.c: no rate for AmazonEC2 'instance/t3.nano' in us-east-1"))
        #expect(text.hasSuffix("1 missing rate; nothing was priced."))
    }

    @Test func unitMismatchIsAnErrorNotZero() throws {
        let catalog = InMemoryPriceCatalog(rates: [rate("AmazonECR", "storage", "GB", "0.1")]) // should be GB-month
        let plan = try parsePlan(singleComponentPlan("{type: ecr, storage_gb: 25}"))
        let error = #expect(throws: EstimateError.self) { try Estimator(catalog: catalog).estimate(plan) }
        #expect(error?.failures.map(\.error) == [
            .unitMismatch(RateKey(service: "AmazonECR", region: "us-east-1", item: "storage"), expected: "GB-month", found: "GB"),
        ])
        #expect("\(error!)".contains("is per 'GB' but the pricing rule needs 'GB-month'"))
    }

    @Test func unitMismatchInAnUpperTierIsCaught() throws {
        let catalog = InMemoryPriceCatalog(rates: [
            rate("AmazonS3", "standard/storage", "GB-month", "0.023", tier: "0"),
            rate("AmazonS3", "standard/storage", "GB", "0.022", tier: "51200"),
        ])
        let context = PricingContext(catalog: catalog, region: "us-east-1", hours: 730)
        #expect(throws: PricingError.unitMismatch(RateKey(service: "AmazonS3", region: "us-east-1", item: "standard/storage"),
                                                  expected: "GB-month", found: "GB")) {
            try context.tiered("Standard storage", quantity: 10, "AmazonS3", "standard/storage", unit: "GB-month")
        }
    }

    @Test func tiersAreOrderedWhateverTheInputOrder() throws {
        let shuffled = [
            rate("AmazonS3", "standard/storage", "GB-month", "0.021", tier: "512000"),
            rate("AmazonS3", "standard/storage", "GB-month", "0.023", tier: "0"),
            rate("AmazonS3", "standard/storage", "GB-month", "0.022", tier: "51200"),
        ]
        let catalog = InMemoryPriceCatalog(rates: shuffled)
        let key = RateKey(service: "AmazonS3", region: "us-east-1", item: "standard/storage")
        #expect(catalog.rates(for: key).map(\.tierFrom) == [d("0"), d("51200"), d("512000")])

        let context = PricingContext(catalog: catalog, region: "us-east-1", hours: 730)
        let items = try context.tiered("Standard storage", quantity: 600_000, "AmazonS3", "standard/storage", unit: "GB-month")
        #expect(items.map(\.quantity) == [d("51200"), d("460800"), d("88000")])
        // 51,200 × $0.023 = $1,177.60 + 460,800 × $0.022 = $10,137.60 + 88,000 × $0.021 = $1,848
        #expect(items.compactMap(\.monthly).reduce(0, +) == d("13163.2"))
        #expect(items.map(\.name) == ["Standard storage (first 50 TB)", "Standard storage (next 450 TB)",
                                      "Standard storage (over 500 TB)"])
    }

    @Test func tierBoundaryBelongsToTheLowerTier() throws {
        let context = PricingContext(catalog: InMemoryPriceCatalog(rates: TestRates.usEast1), region: "us-east-1", hours: 730)
        let exact = try context.tiered("Out", quantity: 10240, "AWSDataTransfer", "internet-out", unit: "GB")
        #expect(exact.map(\.quantity) == [d("10240")]) // exactly 10 TB: nothing in the next tier
        let zero = try context.tiered("Out", quantity: 0, "AWSDataTransfer", "internet-out", unit: "GB")
        #expect(zero.map(\.quantity) == [d("0")])
        let unknown = try context.tiered("Out", quantity: nil, "AWSDataTransfer", "internet-out", unit: "GB")
        #expect(unknown.count == 1)
        #expect(unknown[0].dependsOnUsage)
    }

    @Test func snapshotDescribesTheRates() {
        let catalog = InMemoryPriceCatalog(rates: [
            rate("AmazonECR", "storage", "GB-month", "0.1"),
            Rate(key: RateKey(service: "AmazonECR", region: "eu-west-1", item: "storage"), unit: "GB-month",
                 usd: d("0.1"), effectiveDate: "2026-06-01", source: "derived from us-east-1"),
        ])
        #expect(catalog.snapshot.rateCount == 2)
        #expect(catalog.snapshot.latestEffectiveDate == "2026-06-01")
        #expect(catalog.allRates.filter(\.isDerived).map(\.key.region) == ["eu-west-1"])
    }
}
