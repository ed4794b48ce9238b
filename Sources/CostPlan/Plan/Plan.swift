import Foundation

/// A system's plan: its environment tiers and their components, validated and with every
/// `extends` resolved. Built by `PlanParser` from a plan file (format version 1).
public struct Plan: Sendable {
    public var name: String
    public var description: String?
    /// The file the plan was read from (as given), for messages.
    public var file: String
    /// Environments in file order.
    public var environments: [Environment]
}

/// One environment tier with its resolved components (inherited ones included).
public struct Environment: Sendable {
    public var name: String
    /// The environment it extends, if any.
    public var extends: String?
    public var region: String
    public var hoursPerMonth: Decimal
    public var description: String?
    public var referenceEstimate: ReferenceEstimate?
    /// What the environment must serve (`demand:`, inherited through `extends`); nil when not given.
    public var demand: Demand? = nil
    public var components: [Component]
}

/// One component of an environment, after `extends` merging.
public struct Component: Sendable {
    /// The stable id (its key in the plan); diffs match components on it.
    public var id: String
    public var type: ComponentType
    public var region: String
    public var hoursPerMonth: Decimal
    public var description: String?
    /// The component's settings flattened to `field.path = value`, sorted: what a diff compares.
    public var settings: [String: String]
    /// The decoded, priceable settings, with figures derived from demand filled in.
    var spec: any ComponentSpec
    /// The settings as written (before any derivation), so sizing at another demand starts afresh.
    var written: any ComponentSpec
    /// How the component measures up to the environment's demand (nil without a `capacity:` block).
    public var capacity: ComponentCapacity? = nil
    /// The Terraform resource address it was imported from (`aws_instance.web[0]`), set by
    /// `TerraformImport`; nil for plan files. Errors and the not-priced list name it.
    public var address: String? = nil
}

/// A cost figure from outside costplan (a design document, last month's invoice), shown beside ours.
public struct ReferenceEstimate: Hashable, Sendable, Codable {
    public var low: Decimal
    public var high: Decimal
    public var source: String?

    public var isRange: Bool { low != high }
}
