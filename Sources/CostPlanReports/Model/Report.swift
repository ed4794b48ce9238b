import CostPlan
import Foundation

/// What every renderer shows, built once from an estimate (`Report(_:)`): the environments
/// with their schedules and notes, each component with its scaling range and its monthly cost
/// at min, desired and max, the line items, the charges without a rate, the cost-versus-scale
/// curves and the pricing snapshot. Renderers take only this (never the `Plan` or the
/// `Estimate`), so a presentation fact is derived in one place. `Codable`: renderer tests load
/// serialized reports (`Tests/Fixtures/reports/`), so a pricing change does not churn every golden.
public struct Report: Hashable, Sendable, Codable {
    /// The plan's name.
    public var plan: String
    /// The file (or `REF:PATH`) the plan was read from, as given: how a diff names its sides.
    public var file: String
    /// The plan's description, if it has one.
    public var description: String?
    /// The catalog the estimate was priced with.
    public var pricing: PricingSnapshot
    /// The environment tiers, in plan order.
    public var environments: [Environment]
    /// The cost-versus-scale curve of every priced component whose band is not flat and whose
    /// scaling range has room, environments and components in plan order.
    public var curves: [ScaleCurve]

    /// True when every charge of every environment is priced (the totals are then not lower bounds).
    public var complete: Bool { environments.allSatisfy(\.complete) }

    /// The environment named `name`, if present.
    public func environment(_ name: String) -> Environment? {
        environments.first { $0.name == name }
    }

    /// Component ids in first-seen order across the environments (the rows of the side-by-side views).
    public var componentIDs: [String] {
        var seen: Set<String> = [], ids: [String] = []
        for env in environments { for c in env.components where seen.insert(c.id).inserted { ids.append(c.id) } }
        return ids
    }

    /// The tier with the highest desired total: what the others are compared with (ratios).
    public var baseline: Environment? {
        environments.max { $0.monthly.desired < $1.monthly.desired }
    }
}

extension Report {
    /// One environment tier as shown.
    public struct Environment: Hashable, Sendable, Codable {
        public var name: String
        public var region: String
        public var description: String?
        /// How many hours a month its time-billed items run, and the note when not 730.
        public var schedule: Schedule
        /// A figure from elsewhere shown beside ours.
        public var referenceEstimate: ReferenceEstimate?
        /// The monthly totals of what is priced (a lower bound when not `complete`).
        public var monthly: Band
        public var components: [Component]
        /// What the environment must serve, when the plan says (`demand:`).
        public var demand: Demand?
        /// Monthly cost against peak demand from 0 to saturation, when priced.
        public var demandCurve: DemandCurve?

        /// Hours a month for time-billed items (730 unless the plan says otherwise).
        public var hoursPerMonth: Decimal { schedule.hoursPerMonth }
        /// The charges without a rate, component by component.
        public var unpriced: [UnpricedItem] { components.flatMap(\.unpriced) }
        /// True when every charge is priced.
        public var complete: Bool { components.allSatisfy(\.complete) }
        /// Components whose range cannot serve the peak.
        public var warnings: [CapacityWarning] { components.compactMap { $0.capacity?.warning } }
        /// Line items at desired scale whose usage the plan does not state.
        public var usageDependentItems: [(component: String, item: LineItem)] {
            components.flatMap { c in c.items(.desired).filter(\.dependsOnUsage).map { (c.id, $0) } }
        }
    }

    /// The hours basis of an environment: the one place that words a schedule other than 730 hours.
    public struct Schedule: Hashable, Sendable, Codable {
        public var hoursPerMonth: Decimal

        public init(hoursPerMonth: Decimal) { self.hoursPerMonth = hoursPerMonth }

        /// True for the AWS convention of 730 hours a month.
        public var isFullMonth: Bool { hoursPerMonth == Money.hoursPerMonth }
        /// `260 h/month`.
        public var hours: String { "\(Money.plain(hoursPerMonth)) h/month" }
        /// "time-billed items run 260 h/month; storage is billed all month", or nil at 730 hours.
        public var note: String? {
            isFullMonth ? nil : "time-billed items run \(hours); storage is billed all month"
        }
    }

    /// One component of one environment as shown.
    public struct Component: Hashable, Sendable, Codable {
        /// The component's stable id (its key in the plan).
        public var id: String
        public var type: ComponentType
        /// The AWS service name finance sees on the invoice, e.g. "Amazon RDS".
        public var service: String
        public var region: String
        public var hoursPerMonth: Decimal
        public var description: String?
        /// The Terraform resource address it was imported from; nil for plan files.
        public var address: String?
        /// The count it scales by (min/desired/max); nil for types that do not scale.
        public var range: ScalingRange?
        /// The monthly cost of what is priced at min, desired and max.
        public var monthly: Band
        /// The line items at each scenario.
        public var lineItems: [Scenario: [LineItem]]
        /// How it measures up to the environment's demand (nil without a `capacity:` block).
        public var capacity: ComponentCapacity?
        /// Charges with no rate in the catalog: not in `lineItems` or `monthly`.
        public var unpriced: [UnpricedItem]
        /// Its settings as the plan states them, flattened to `field.path = value`: what a diff
        /// compares.
        public var settings: [String: String]

        /// The line items at `scenario` (none when it has none there).
        public func items(_ scenario: Scenario) -> [LineItem] { lineItems[scenario, default: []] }
        /// True when every charge is priced.
        public var complete: Bool { unpriced.isEmpty }
        /// True when nothing of it is priced at desired scale ("not priced" rather than a figure).
        public var notPriced: Bool { !unpriced.isEmpty && items(.desired).isEmpty }
    }
}
