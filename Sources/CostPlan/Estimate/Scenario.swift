/// Which point of a scaling range is priced: every estimate reports all three.
/// (`CodingKeyRepresentable`: a `[Scenario: …]` encodes as a JSON object keyed by the name.)
public enum Scenario: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    case min, desired, max
}

/// Monthly amounts at the three scenarios. `desired` is the headline; min..max is the band.
public struct Band: Hashable, Sendable, Codable {
    public var min: Decimal
    public var desired: Decimal
    public var max: Decimal

    public init(min: Decimal, desired: Decimal, max: Decimal) {
        self.min = min
        self.desired = desired
        self.max = max
    }

    public static let zero = Band(min: 0, desired: 0, max: 0)

    public subscript(scenario: Scenario) -> Decimal {
        switch scenario {
        case .min: min
        case .desired: desired
        case .max: max
        }
    }

    /// True when the band has no spread (nothing in it scales).
    public var isFlat: Bool { min == desired && desired == max }

    public static func + (lhs: Band, rhs: Band) -> Band {
        Band(min: lhs.min + rhs.min, desired: lhs.desired + rhs.desired, max: lhs.max + rhs.max)
    }
}

import Foundation
