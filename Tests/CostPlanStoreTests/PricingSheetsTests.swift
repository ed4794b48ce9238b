import CostPlan
@testable import CostPlanStore
import Foundation
import Testing

/// The committed rate sheets themselves: loadable, sourced, dated, honest about derivation.
struct PricingSheetsTests {
    let sheets: [RateSheet]

    init() throws {
        sheets = try CatalogLoader(pricingDirectory: RepositoryFiles.pricing, databasePath: "/dev/null").parseSheets()
    }

    @Test func everySheetParsesAndHoldsRates() {
        #expect(sheets.count >= 19)
        for sheet in sheets { #expect(!sheet.rates.isEmpty, "\(sheet.service) has no rates") }
    }

    @Test func everyRateHasASourceAndAnEffectiveDate() {
        for rate in sheets.flatMap(\.rates) {
            #expect(rate.source.count >= 10, "\(rate.key) has no real source: '\(rate.source)'")
            #expect(rate.effectiveDate.count == 10, "\(rate.key) has no effective date")
        }
    }

    @Test func everyRateIsPriced() {
        // A $0 rate would silently price usage at nothing; only real prices belong in the sheets.
        for rate in sheets.flatMap(\.rates) where rate.tierFrom == nil || rate.tierFrom == 0 {
            #expect(rate.usd > 0, "\(rate.key) is $0")
        }
    }

    @Test func theFourRegionsArePricedForTheCoreServices() {
        let rates = sheets.flatMap(\.rates)
        for region in ["us-east-1", "us-west-2", "eu-west-1", "ap-south-1"] {
            for (service, item) in [("AmazonECS", "fargate/x86_64/vcpu"), ("AmazonEC2", "instance/t3.medium"),
                                    ("AmazonEC2", "nat-gateway/hours"), ("AWSELB", "alb/hours"),
                                    ("AmazonRDS", "instance/postgres/db.t3.medium/single-az"),
                                    ("AmazonElastiCache", "node/redis/cache.t3.medium")] {
                #expect(rates.contains { $0.key == RateKey(service: service, region: region, item: item) },
                        "\(service) \(item) missing in \(region)")
            }
        }
    }

    /// Multi-AZ rates derived as "2 x the Single-AZ rate" are exactly twice that rate.
    @Test func derivedMultiAZRatesAreTwiceSingleAZ() {
        let rates = sheets.flatMap(\.rates)
        let derived = rates.filter { $0.source.hasPrefix("derived from 2 x the Single-AZ") && $0.key.item.hasPrefix("instance/") }
        #expect(!derived.isEmpty)
        for rate in derived {
            let single = rates.first {
                $0.key.region == rate.key.region
                    && $0.key.item == rate.key.item.replacingOccurrences(of: "/multi-az", with: "/single-az")
            }
            #expect(single.map { $0.usd * 2 } == rate.usd, "\(rate.key)")
        }
    }
}
