import Foundation

/// The two small index files of the AWS Price List bulk API (docs/aws-price-list-format: §1.1,
/// §1.3): the service index lists each offer's region index; a region index lists each
/// region's current offer file. URLs inside them are paths relative to the endpoint.
enum PriceListIndex {
    /// The path of the service index under the endpoint.
    static let servicePath = "/offers/v1.0/aws/index.json"

    /// `offers[code].currentRegionIndexUrl` of a service index, per offer code.
    static func regionIndexPaths(_ data: Data, url: String) throws -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let offers = object["offers"] as? [String: Any] else {
            throw PriceListFetchError(url: url, message: "not an AWS Price List service index (no \"offers\" object)",
                                      hint: "check --endpoint: it must serve \(servicePath) as AWS does")
        }
        var paths: [String: String] = [:]
        for (code, entry) in offers {
            if let path = (entry as? [String: Any])?["currentRegionIndexUrl"] as? String { paths[code] = path }
        }
        return paths
    }

    /// `regions[code].currentVersionUrl` of a region index, per region code.
    static func versionPaths(_ data: Data, url: String) throws -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let regions = object["regions"] as? [String: Any] else {
            throw PriceListFetchError(url: url, message: "not an AWS Price List region index (no \"regions\" object)",
                                      hint: "check --endpoint: it must serve the offers' region_index.json files as AWS does")
        }
        var paths: [String: String] = [:]
        for (code, entry) in regions {
            if let path = (entry as? [String: Any])?["currentVersionUrl"] as? String { paths[code] = path }
        }
        return paths
    }

    /// The offer version in a versioned file path: `…/AmazonEC2/20250101000000/eu-central-1/index.json`
    /// → `20250101000000` (the component before the region), nil when the path has no such shape.
    static func version(inPath path: String, region: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard let index = parts.lastIndex(of: region), index > 0 else { return nil }
        let version = parts[index - 1]
        return version.allSatisfy(\.isNumber) ? version : nil
    }

    /// The CSV twin of an offer file URL (`index.json` → `index.csv`), which streams faster.
    static func csvTwin(_ path: String) -> String {
        path.hasSuffix(".json") ? String(path.dropLast(5)) + ".csv" : path
    }

    /// `path` resolved against `endpoint` (absolute URLs are kept as they are).
    static func resolve(_ path: String, against endpoint: String) -> String {
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        let base = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        return base + (path.hasPrefix("/") ? path : "/" + path)
    }
}

/// A fetch that cannot go on: the URL, what is wrong, and what to do. The catalog is unchanged.
public struct PriceListFetchError: Error, CustomStringConvertible, Sendable {
    public var url: String
    public var message: String
    public var hint: String

    public var description: String { "\(url): error: \(message)\n    hint: \(hint)" }
}
