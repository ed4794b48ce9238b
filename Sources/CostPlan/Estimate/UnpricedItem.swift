import Foundation

/// A charge of a component that could not be priced because the catalog has no rate for it.
/// It is never counted as $0: the estimate's totals are the sum of what is priced (a lower
/// bound), and every output lists the item with the command that fills the gap.
public struct UnpricedItem: Hashable, Sendable, Codable {
    /// The component's id (its key in the plan).
    public var component: String
    /// The component's Terraform resource address (`aws_instance.web[0]`) when it was imported
    /// from a Terraform plan; nil for plan files.
    public var address: String?
    /// The charge as a line item would name it, e.g. "Instance (Linux, on-demand, 2 × m9.large)".
    public var item: String
    /// The rate that was looked up (service, region, item key).
    public var key: RateKey
    /// Known rates close to `key` (the same item in other regions, siblings in the region).
    public var nearby: [Rate]

    public init(component: String, address: String? = nil, item: String, key: RateKey, nearby: [Rate]) {
        self.component = component
        self.address = address
        self.item = item
        self.key = key
        self.nearby = nearby
    }

    /// The Price List service code, e.g. `AmazonEC2`.
    public var service: String { key.service }
    /// The region the rate was looked up in.
    public var region: String { key.region }
    /// How messages name the component: its Terraform address, else its id.
    public var place: String { address ?? component }

    /// The missing-rate error this item stands for (what `--strict` reports).
    public var error: PricingError { .missingRate(key, nearby: nearby) }

    /// What was looked up and what is known nearby, e.g. "no rate for AmazonEC2
    /// 'instance/m9.large' in eu-central-1; known nearby: …".
    public var reason: String { error.lookupDescription }

    /// The command that fills the gap: fetches the service's rates for the region.
    public var fix: String { Self.fix(service: key.service, region: key.region) }

    /// `costplan pricing fetch --service SERVICE --region REGION`.
    public static func fix(service: String, region: String) -> String {
        "costplan pricing fetch --service \(service) --region \(region)"
    }
}
