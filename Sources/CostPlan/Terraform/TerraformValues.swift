import Foundation

/// One step of an attribute path inside a Terraform value: an object key or a list position.
/// Written as a dotted string where numbers are positions: `"launch_template.0.id"`.
enum AttributeStep: Hashable, Sendable {
    case key(String)
    case index(Int)

    static func parse(_ dotted: String) -> [AttributeStep] {
        dotted.split(separator: ".").map { part in Int(part).map(AttributeStep.index) ?? .key(String(part)) }
    }
}

extension PlanNode {
    /// The value at `path`, or nil when a step is missing (or the value is `null`).
    func value(at path: [AttributeStep]) -> PlanNode? {
        var node = self
        for step in path {
            switch (step, node.value) {
            case let (.key(key), .map(entries)):
                guard let next = entries.last(where: { $0.key == key })?.node else { return nil }
                node = next
            case let (.index(i), .list(items)):
                guard items.indices.contains(i) else { return nil }
                node = items[i]
            default:
                return nil
            }
        }
        return node.isNull ? nil : node
    }

    subscript(_ key: String) -> PlanNode? { value(at: [.key(key)]) }

    /// The text of a string scalar (numbers and booleans as written), else nil.
    var text: String? {
        switch value {
        case let .string(text): text
        case let .number(_, source): source
        case let .bool(flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// A number, or a string holding one (Terraform writes some numbers as strings: `"256"`).
    var decimal: Decimal? {
        switch value {
        case let .number(number, _): number
        case let .string(text): Money.parse(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    var flag: Bool? {
        switch value {
        case let .bool(flag): flag
        case let .string(text): text == "true" ? true : text == "false" ? false : nil
        default: nil
        }
    }

    var items: [PlanNode] {
        if case let .list(items) = value { return items }
        return []
    }

    /// True when the node is the JSON `true` (how `after_unknown` / `*_sensitive` mark a leaf).
    var isTrue: Bool {
        if case .bool(true) = value { return true }
        return false
    }
}

/// The attributes of one resource instance on one side of a change (`before` or `after`), with
/// the markers that say which values Terraform cannot know until apply (`after_unknown`) and
/// which are sensitive (`before_sensitive` / `after_sensitive`).
///
/// Sensitive values are never returned: reading one answers nil and records it, so no secret
/// can reach a plan file, a report or a log. Unknown values answer nil too; `isUnknown` tells
/// the two apart from an absent value.
struct ResourceAttributes {
    let values: PlanNode
    let unknown: PlanNode?
    let sensitive: PlanNode?

    /// True when `path` (or a value containing it) is unknown until apply.
    func isUnknown(_ path: String) -> Bool { Self.marked(unknown, AttributeStep.parse(path)) }

    /// True when `path` (or a value containing it) is sensitive.
    func isSensitive(_ path: String) -> Bool { Self.marked(sensitive, AttributeStep.parse(path)) }

    /// The value at `path` when it is known and not sensitive.
    func node(_ path: String) -> PlanNode? {
        if isSensitive(path) || isUnknown(path) { return nil }
        return values.value(at: AttributeStep.parse(path))
    }

    func string(_ path: String) -> String? {
        guard let text = node(path)?.text, !text.isEmpty else { return nil }
        return text
    }

    func decimal(_ path: String) -> Decimal? { node(path)?.decimal }
    func bool(_ path: String) -> Bool? { node(path)?.flag }
    func int(_ path: String) -> Int? { decimal(path).flatMap(FieldReader.wholeNumber) }
    func list(_ path: String) -> [PlanNode] { node(path)?.items ?? [] }

    private static func marked(_ root: PlanNode?, _ path: [AttributeStep]) -> Bool {
        guard var node = root else { return false }
        if node.isTrue { return true }
        for step in path {
            guard let next = node.value(at: [step]) else { return false }
            if next.isTrue { return true }
            node = next
        }
        return false
    }
}
