import Foundation

/// A value written into a generated plan file.
indirect enum PlanFieldValue: Sendable {
    case number(Decimal)
    case string(String)
    case bool(Bool)
    case map([(String, PlanFieldValue)])

    /// A count: a plain number when it does not scale, else `{min, max, desired}`.
    static func count(min: Int, max: Int, desired: Int) -> PlanFieldValue {
        if min == max { return .number(Decimal(min)) }
        return .map([("min", .number(Decimal(min))), ("max", .number(Decimal(max))), ("desired", .number(Decimal(desired)))])
    }

    static func int(_ value: Int) -> PlanFieldValue { .number(Decimal(value)) }

    /// The number, when the value is one.
    var number: Decimal? {
        if case let .number(value) = self { return value }
        return nil
    }
}

/// One field of a generated component, with the note written beside it (why it was guessed,
/// or that it came from the usage file).
struct ImportedField: Sendable {
    var key: String
    var value: PlanFieldValue
    var comment: String?
}

/// One costplan component built from one Terraform resource (plus the resources folded into
/// it: a service's task definition and autoscaling target, a database's read replicas…).
struct ImportedComponent: Sendable {
    var id: String
    var type: String
    var address: String
    var includes: [String]
    var region: String
    var regionComment: String?
    var environment: String
    var fields: [ImportedField]
    /// The Terraform resource's type and planned action (for the report, should it be rejected).
    var resourceType = ""
    var action = ""

    func field(_ key: String) -> ImportedField? { fields.first { $0.key == key } }

    /// Sets `key`, replacing an earlier value (a usage-file value replaces a mapped one whole).
    mutating func set(_ key: String, _ value: PlanFieldValue, _ comment: String? = nil) {
        if let i = fields.firstIndex(where: { $0.key == key }) {
            fields[i] = ImportedField(key: key, value: value, comment: comment)
        } else {
            fields.append(ImportedField(key: key, value: value, comment: comment))
        }
    }
}

/// The plan built from a Terraform plan: the components per environment, ready to be written
/// as a plan file, plus the report of everything that was not priced.
struct ImportedPlan: Sendable {
    var name: String
    var region: String
    /// Environment names in order.
    var environments: [String]
    var components: [ImportedComponent]
    var report: TerraformReport
}
