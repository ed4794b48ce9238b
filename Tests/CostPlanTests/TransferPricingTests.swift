import Foundation
import Testing
@testable import CostPlan

/// Tiered storage and transfer: s3, cloudfront, data_transfer (each GB priced by the tier it falls in).
struct TransferPricingTests {
    static let cases: [PricingCase] = [
        PricingCase("s3 crossing the 50 TB tier", "{type: s3, storage_gb: 60000, put_requests: 100, get_requests: 2000}",
                    // 51,200 GB × $0.023 = $1,177.60 + 8,800 GB × $0.022 = $193.60
                    // + 100K PUT × $0.005 = $0.50 + 2,000K GET × $0.0004 = $0.80
                    flat: d("1372.5")),
        PricingCase("s3 within the first tier", "{type: s3, storage_gb: 1000, put_requests: 0, get_requests: 0}",
                    // 1,000 GB × $0.023
                    flat: d("23")),
        PricingCase("cloudfront tiers + HTTPS requests per 10K", "{type: cloudfront, data_out_gb: 15000, requests_millions: 20}",
                    // 10,240 GB × $0.085 = $870.40 + 4,760 GB × $0.08 = $380.80
                    // + 20M / 10K = 2,000 × $0.01 = $20
                    flat: d("1271.2")),
        PricingCase("cloudfront europe", "{type: cloudfront, data_out_gb: 100, requests_millions: 1, viewer_region: europe}",
                    // 100 GB × $0.085 = $8.50 + 1M / 10K = 100 × $0.012 = $1.20
                    flat: d("9.7")),
        PricingCase("data_transfer tiers, inter-region, inter-AZ × 2",
                    "{type: data_transfer, internet_out_gb: 60000, inter_region_gb: 1000, inter_az_gb: 500}",
                    // internet: 10,240 × $0.09 = $921.60 + 40,960 × $0.085 = $3,481.60 + 8,800 × $0.07 = $616
                    // + inter-region 1,000 × $0.02 = $20 + inter-AZ 500 GB × 2 directions × $0.01 = $10
                    flat: d("5049.2")),
        PricingCase("data_transfer inter-AZ only", "{type: data_transfer, inter_az_gb: 250}",
                    // 250 GB × 2 × $0.01; no internet line when only inter-AZ is stated
                    flat: d("5")),
    ]

    @Test(arguments: cases)
    func monthlyCost(_ testCase: PricingCase) throws {
        try testCase.check()
    }

    @Test func s3TierSplit() throws {
        let items = try priceComponent("{type: s3, storage_gb: 60000, put_requests: 1, get_requests: 1}")
            .lineItems[.desired, default: []]
        let storage = items.filter { $0.rate.key.item == "standard/storage" }
        #expect(storage.map(\.quantity) == [d("51200"), d("8800")])
        #expect(storage.map(\.unitPrice) == [d("0.023"), d("0.022")])
        #expect(storage.map(\.name) == ["Standard storage (first 50 TB)", "Standard storage (next 450 TB)"])
    }

    @Test func internetEgressTierSplit() throws {
        let items = try priceComponent("{type: data_transfer, internet_out_gb: 200000}").lineItems[.desired, default: []]
        // 10,240 + 40,960 + 102,400 + 46,400 = 200,000 GB
        #expect(items.map(\.quantity) == [d("10240"), d("40960"), d("102400"), d("46400")])
        #expect(items.map(\.unitPrice) == [d("0.09"), d("0.085"), d("0.07"), d("0.05")])
        // 921.6 + 3481.6 + 7168 + 2320
        #expect(try priceComponent("{type: data_transfer, internet_out_gb: 200000}").monthly.desired == d("13891.2"))
    }

    @Test func interAZIsBilledInBothDirections() throws {
        let items = try priceComponent("{type: data_transfer, inter_az_gb: 250}").lineItems[.desired, default: []]
        #expect(items.map(\.rate.key.item) == ["inter-az"])
        #expect(items.map(\.quantity) == [d("500")]) // 250 GB × 2
    }

    @Test func cloudFrontRequestsAreCountedIn10K() throws {
        let items = try priceComponent("{type: cloudfront, data_out_gb: 100, requests_millions: 20}").lineItems[.desired, default: []]
        let requests = try #require(items.last)
        #expect(requests.rate.key == RateKey(service: "AmazonCloudFront", region: "global", item: "requests-https/north_america"))
        #expect(requests.quantity == d("2000")) // 20,000,000 / 10,000
    }
}
