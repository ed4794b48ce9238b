/// Region codes for the `Location` display names in offer files, for files that have no
/// `Region Code` column (EC2 CSVs before ~2021). AWS renamed "EU (…)" to "Europe (…)"; both
/// spellings are listed. A row whose region cannot be told is skipped and counted.
enum RegionNames {
    static func code(forLocation location: String) -> String? { codes[location] }

    private static let codes: [String: String] = {
        let names: [(String, [String])] = [
            ("us-east-1", ["US East (N. Virginia)"]), ("us-east-2", ["US East (Ohio)"]),
            ("us-west-1", ["US West (N. California)"]), ("us-west-2", ["US West (Oregon)"]),
            ("af-south-1", ["Africa (Cape Town)"]), ("ap-east-1", ["Asia Pacific (Hong Kong)"]),
            ("ap-east-2", ["Asia Pacific (Taipei)"]),
            ("ap-south-1", ["Asia Pacific (Mumbai)"]), ("ap-south-2", ["Asia Pacific (Hyderabad)"]),
            ("ap-northeast-1", ["Asia Pacific (Tokyo)"]), ("ap-northeast-2", ["Asia Pacific (Seoul)"]),
            ("ap-northeast-3", ["Asia Pacific (Osaka)", "Asia Pacific (Osaka-Local)"]),
            ("ap-southeast-1", ["Asia Pacific (Singapore)"]), ("ap-southeast-2", ["Asia Pacific (Sydney)"]),
            ("ap-southeast-3", ["Asia Pacific (Jakarta)"]), ("ap-southeast-4", ["Asia Pacific (Melbourne)"]),
            ("ap-southeast-5", ["Asia Pacific (Malaysia)"]), ("ap-southeast-7", ["Asia Pacific (Thailand)"]),
            ("ca-central-1", ["Canada (Central)"]), ("ca-west-1", ["Canada West (Calgary)"]),
            ("eu-central-1", ["EU (Frankfurt)", "Europe (Frankfurt)"]), ("eu-central-2", ["EU (Zurich)", "Europe (Zurich)"]),
            ("eu-west-1", ["EU (Ireland)", "Europe (Ireland)"]), ("eu-west-2", ["EU (London)", "Europe (London)"]),
            ("eu-west-3", ["EU (Paris)", "Europe (Paris)"]), ("eu-north-1", ["EU (Stockholm)", "Europe (Stockholm)"]),
            ("eu-south-1", ["EU (Milan)", "Europe (Milan)"]), ("eu-south-2", ["EU (Spain)", "Europe (Spain)"]),
            ("il-central-1", ["Israel (Tel Aviv)"]), ("me-central-1", ["Middle East (UAE)"]),
            ("me-south-1", ["Middle East (Bahrain)"]), ("mx-central-1", ["Mexico (Central)"]),
            ("sa-east-1", ["South America (Sao Paulo)", "South America (São Paulo)"]),
            ("us-gov-east-1", ["AWS GovCloud (US-East)"]), ("us-gov-west-1", ["AWS GovCloud (US-West)", "AWS GovCloud (US)"]),
        ]
        var codes: [String: String] = [:]
        for (code, locations) in names { for location in locations { codes[location] = code } }
        return codes
    }()
}
