/// AWS region codes a plan may name. The catalog may not price every one of them: a region
/// that is valid but unpriced gets a missing-rate error naming the nearest priced regions.
public enum AWSRegion {
    public static let all: [String] = [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "af-south-1", "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
        "ca-central-1", "ca-west-1",
        "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
        "eu-north-1", "eu-south-1", "eu-south-2",
        "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
        "us-gov-east-1", "us-gov-west-1",
    ]

    public static func isKnown(_ code: String) -> Bool { all.contains(code) }
}
