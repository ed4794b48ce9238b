import Foundation

/// A Terraform plan as `terraform show -json PLANFILE` writes it (format 0.x and 1.x), reduced
/// to what pricing needs: one entry per resource instance change, the configuration (for the
/// references that link resources while their ids are unknown) and the root variables.
///
/// Everything is driven from `resource_changes`: unlike `planned_values` it carries deletes,
/// both sides of a change and the unknown and sensitive markers.
public struct TerraformPlan: Sendable {
    /// The file the plan was read from, for messages.
    public var file: String
    public var formatVersion: String
    public var terraformVersion: String?
    var resources: [TerraformResource]
    var configuration: TerraformConfiguration
    /// Changes Terraform deferred to a later plan (`deferred_changes`, TF ≥ 1.9): not priced.
    var deferred: [(address: String, type: String, reason: String)] = []
    /// True when planning failed part-way (`errored`, TF ≥ 1.6): the plan may be incomplete.
    var errored = false
}

/// Which state of the plan to read: the resources as they are (`before`) or as they will be
/// after apply (`after`).
public enum TerraformSide: String, Sendable {
    case before, after
}

/// One resource instance change (`resource_changes[i]`).
struct TerraformResource: Sendable {
    /// The absolute instance address, e.g. `module.app.aws_ecs_service.api["x"]`.
    var address: String
    /// The module part of the address (nil for the root module), e.g. `module.app`.
    var moduleAddress: String?
    var type: String
    var name: String
    /// The instance key: a number for `count`, a string for `for_each`.
    var index: PlanNode?
    var actions: [String]
    /// Set when the change removes a deposed object (a leftover of create-before-destroy).
    var deposed: String?
    var change: PlanNode

    /// The address without its instance key: every instance of a `count`/`for_each` resource shares it.
    var baseAddress: String { (moduleAddress.map { "\($0)." } ?? "") + "\(type).\(name)" }

    /// The instance key as written in the address: `0` or `"api"` (quotes included), or nil.
    var indexKey: String? {
        guard let index else { return nil }
        if case let .string(text) = index.value { return "\"\(text)\"" }
        return index.text
    }

    /// The attributes on `side`, or nil when the object does not exist on that side.
    ///
    /// After apply: created, updated, unchanged and replaced objects; a forgotten object
    /// (`["forget"]`) keeps running outside Terraform, so it is read from `before`. Before:
    /// every object that exists now (deleted, deposed and replaced ones included).
    func attributes(_ side: TerraformSide) -> ResourceAttributes? {
        switch side {
        case .before:
            guard let before = change["before"], !actions.contains("read") else { return nil }
            return ResourceAttributes(values: before, unknown: nil, sensitive: change["before_sensitive"])
        case .after:
            if deposed != nil || actions.contains("read") { return nil }
            if actions == ["forget"] { return attributes(.before) }
            let unknown = change["after_unknown"]
            if let after = change["after"] {
                return ResourceAttributes(values: after, unknown: unknown, sensitive: change["after_sensitive"])
            }
            if unknown?.isTrue == true {
                return ResourceAttributes(values: PlanNode(.map([])), unknown: unknown, sensitive: change["after_sensitive"])
            }
            return nil
        }
    }

    /// The action lists this reader knows; any other is reported (newer Terraform), not fatal.
    static let knownActions: Set<[String]> = [["no-op"], ["create"], ["read"], ["update"], ["delete", "create"],
                                              ["create", "delete"], ["delete"], ["forget"], ["create", "forget"]]

    /// The change as one word for reports: create, update, replace, delete, no-op, forget, read.
    var action: String {
        if actions.contains("delete") && actions.contains("create") { return "replace" }
        if actions.contains("forget") && actions.contains("create") { return "replace (old object forgotten)" }
        return actions.first ?? "no-op"
    }
}
