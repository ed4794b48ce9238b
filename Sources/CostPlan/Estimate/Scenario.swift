/// Which point of a scaling range is priced: every estimate reports all three.
/// (`CodingKeyRepresentable`: a `[Scenario: …]` encodes as a JSON object keyed by the name.)
public enum Scenario: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    case min, desired, max
}

/// A value at each of the three scenarios: a count (`CountRange`) or a monthly amount (`Band`).
public struct ScenarioValues<Value: Sendable>: Sendable {
    public var min: Value
    public var desired: Value
    public var max: Value

    public init(min: Value, desired: Value, max: Value) {
        self.min = min
        self.desired = desired
        self.max = max
    }

    /// The value at one scenario.
    public subscript(scenario: Scenario) -> Value {
        switch scenario {
        case .min: min
        case .desired: desired
        case .max: max
        }
    }
}

extension ScenarioValues: Equatable where Value: Equatable {}
extension ScenarioValues: Hashable where Value: Hashable {}
extension ScenarioValues: Codable where Value: Codable {}

/// Monthly amounts at the three scenarios. `desired` is the headline; min..max is the band.
public typealias Band = ScenarioValues<Decimal>

extension Band {
    public static var zero: Band { Band(min: 0, desired: 0, max: 0) }

    /// True when the band has no spread (nothing in it scales).
    public var isFlat: Bool { min == desired && desired == max }

    public static func + (lhs: Band, rhs: Band) -> Band {
        Band(min: lhs.min + rhs.min, desired: lhs.desired + rhs.desired, max: lhs.max + rhs.max)
    }
}

import Foundation
