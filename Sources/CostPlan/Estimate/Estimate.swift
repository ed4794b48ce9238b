import Foundation

/// The priced plan: every environment, every component, at min, desired and max.
public struct Estimate: Sendable {
    public var planName: String
    public var planDescription: String?
    public var environments: [EnvironmentEstimate]
    public var pricing: PricingSnapshot
    /// The file the plan was read from (as given), for messages.
    public var file: String = "plan"

    /// True when every charge of every environment is priced; false when any is `unpriced`
    /// (the totals are then lower bounds).
    public var complete: Bool { environments.allSatisfy(\.complete) }

    /// The environment named `name`, if present.
    public func environment(_ name: String) -> EnvironmentEstimate? {
        environments.first { $0.name == name }
    }
}

/// One environment tier (dev, staging, production...) priced.
public struct EnvironmentEstimate: Sendable {
    public var name: String
    public var region: String
    public var hoursPerMonth: Decimal
    public var description: String?
    public var referenceEstimate: ReferenceEstimate?
    public var components: [ComponentEstimate]
    /// What the environment must serve, when the plan says (`demand:`).
    public var demand: Demand? = nil
    /// Monthly cost against peak demand from 0 to saturation (environments with demand and
    /// components sized from it).
    public var demandCurve: DemandCurve? = nil

    /// The charges that could not be priced (no rate in the catalog), component by component:
    /// not in `monthly`, never counted as $0.
    public var unpriced: [UnpricedItem] { components.flatMap(\.unpriced) }
    /// True when every charge is priced (`monthly` is then the whole cost, not a lower bound).
    public var complete: Bool { components.allSatisfy(\.unpriced.isEmpty) }

    /// Components whose range cannot serve the peak.
    public var warnings: [CapacityWarning] { components.compactMap { $0.capacity?.warning } }

    /// The environment's monthly totals (sum of its components' priced items; a lower bound
    /// when not `complete`).
    public var monthly: Band { components.reduce(.zero) { $0 + $1.monthly } }
    /// Line items whose usage is not stated anywhere in the environment.
    public var usageDependentItems: [(component: String, item: LineItem)] {
        components.flatMap { c in c.lineItems[.desired, default: []].filter(\.dependsOnUsage).map { (c.id, $0) } }
    }
}

/// One component priced at the three scenarios.
public struct ComponentEstimate: Sendable {
    /// The component's stable id (its key in the plan).
    public var id: String
    public var type: ComponentType
    public var region: String
    public var hoursPerMonth: Decimal
    public var description: String?
    /// The line items at each scenario.
    public var lineItems: [Scenario: [LineItem]]
    /// How the component measures up to the environment's demand (nil without a `capacity:` block).
    public var capacity: ComponentCapacity? = nil
    /// Charges with no rate in the catalog: not in `lineItems` or `monthly`.
    public var unpriced: [UnpricedItem] = []

    /// The Terraform resource address it was imported from (`aws_instance.web[0]`); nil for plan files.
    public var address: String? = nil
    /// The count the component scales by (min/desired/max, what it counts, the step); nil for
    /// types that do not scale.
    public var scaling: ScalingRange? = nil
    /// The component's settings as the plan states them, flattened to `field.path = value`
    /// (`Component.settings`): what a diff compares.
    public var settings: [String: String] = [:]

    /// The monthly cost at each scenario of the priced items (usage-dependent items count as
    /// unknown, not zero; unpriced charges are left out).
    public var monthly: Band {
        func total(_ s: Scenario) -> Decimal { lineItems[s, default: []].compactMap(\.monthly).reduce(0, +) }
        return Band(min: total(.min), desired: total(.desired), max: total(.max))
    }

    /// The AWS service name finance sees on the invoice, e.g. "Amazon RDS".
    public var serviceName: String { type.serviceName }
}
