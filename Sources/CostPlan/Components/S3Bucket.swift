import Foundation

/// S3 Standard: tiered storage per GB-month and requests per 1,000 (aws-specs §8.4).
/// Requests are given in thousands a month, as the rate is quoted.
struct S3Bucket: ComponentSpec {
    var storageGB: Decimal?
    var putRequestsThousands: Decimal?
    var getRequestsThousands: Decimal?

    init(_ f: FieldReader) {
        storageGB = f.decimal("storage_gb", unit: "GB")
        putRequestsThousands = f.decimal("put_requests", unit: "thousand requests")
        getRequestsThousands = f.decimal("get_requests", unit: "thousand requests")
    }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        try p.tiered("Standard storage", quantity: storageGB, "AmazonS3", "standard/storage", unit: "GB-month") + [
            try p.monthly("PUT, COPY, POST, LIST requests", quantity: putRequestsThousands, "AmazonS3", "requests/tier1", unit: "1K requests"),
            try p.monthly("GET and other requests", quantity: getRequestsThousands, "AmazonS3", "requests/tier2", unit: "1K requests"),
        ]
    }
}
