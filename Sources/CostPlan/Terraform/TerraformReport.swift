import Foundation

/// What a Terraform plan turned into, beyond the priced components: the resources folded into
/// another component, the free ones, those costplan does not price and those whose cost needs
/// values Terraform only knows after apply — so nobody mistakes a partial estimate for a total.
/// Holds addresses, types and reasons only: never an attribute value.
public struct TerraformReport: Sendable {
    /// A resource that is not in the estimate, and why.
    public struct Resource: Sendable, Hashable {
        public var address: String
        public var type: String
        /// The change the plan makes to it: create, update, replace, delete, no-op, forget.
        public var action: String
        public var reason: String
    }

    /// A resource priced as (part of) a component.
    public struct Priced: Sendable, Hashable {
        public var address: String
        public var type: String
        public var action: String
        public var environment: String
        public var component: String
    }

    /// A value costplan assumed (each is also a comment in `costplan import terraform` output).
    public struct Guess: Sendable, Hashable {
        public var environment: String
        public var component: String
        public var field: String
        public var note: String
    }

    public var planFile: String
    public var side: TerraformSide
    public var formatVersion: String
    public var terraformVersion: String?
    /// The usage file read, if any.
    public var usageFile: String?
    public var priced: [Priced] = []
    /// Resources costplan does not price (their cost is not in the total).
    public var notPriced: [Resource] = []
    /// Resources it would price but for values known only after apply (or sensitive), with
    /// the fields the usage file can give.
    public var unresolved: [Resource] = []
    /// Resources with no charge of their own (security groups, IAM, subnets…).
    public var free: [Resource] = []
    public var guesses: [Guess] = []
    /// Other things the reader should know (an assumed region, an unused usage entry…).
    public var notes: [String] = []

    /// `(type, count)` pairs, most frequent first, then by type.
    public static func countByType(_ resources: [Resource]) -> [(type: String, count: Int)] {
        Dictionary(grouping: resources, by: \.type).map { ($0.key, $0.value.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.type < $1.type }
    }

    /// True when part of the infrastructure's cost is missing from the estimate.
    public var isPartial: Bool { !notPriced.isEmpty || !unresolved.isEmpty }
}
