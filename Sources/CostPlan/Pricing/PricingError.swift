import Foundation

/// A rate the estimate needs is not in the catalog, or is not in the unit the rule expects.
/// Never silently priced at $0.
public enum PricingError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingRate(RateKey, nearby: [Rate])
    case unitMismatch(RateKey, expected: String, found: String)

    public var description: String {
        switch self {
        case let .missingRate(key, _):
            return lookupDescription + ". Add the rate to pricing/\(key.service).csv with its source, "
                + "run `\(UnpricedItem.fix(service: key.service, region: key.region))`, or choose a priced region/size."
        case let .unitMismatch(key, expected, found):
            return "rate \(key) is per '\(found)' but the pricing rule needs '\(expected)'; fix the unit in pricing/\(key.service).csv"
        }
    }

    /// What was looked up and, for a missing rate, what is known nearby (no advice on fixing it).
    public var lookupDescription: String {
        switch self {
        case let .missingRate(key, nearby):
            var text = "no rate for \(key.service) '\(key.item)' in \(key.region)"
            if nearby.isEmpty {
                text += " (the catalog has no \(key.service) rates nearby)"
            } else {
                text += "; known nearby: " + nearby.map {
                    "\($0.key.item) in \($0.key.region) = $\(Money.plain($0.usd))/\($0.unit)"
                }.joined(separator: ", ")
            }
            return text
        case .unitMismatch:
            return description
        }
    }
}
