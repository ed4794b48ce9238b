import Foundation

/// A field of a component or block, with the path it was written at (after `extends`
/// merging, an inherited field keeps the path of the environment that wrote it).
struct Field {
    var node: PlanNode
    var path: String
}

/// Reads typed values out of one mapping strictly: wrong types, out-of-range values and
/// unknown keys become diagnostics (all of them, not only the first), and defaults apply
/// to absent fields. Call `finish()` once every known key has been asked for.
final class FieldReader {
    let path: String
    let line: Int?
    let fields: [(key: String, field: Field)]
    private let diagnostics: DiagnosticCollector
    private var known: [String] = []

    init(fields: [(key: String, field: Field)], path: String, line: Int?, diagnostics: DiagnosticCollector) {
        self.fields = fields
        self.path = path
        self.line = line
        self.diagnostics = diagnostics
    }

    /// A reader over a plain map node at `path`, or nil (with a diagnostic) when it is not a map.
    static func map(_ node: PlanNode, path: String, diagnostics: DiagnosticCollector) -> FieldReader? {
        guard let entries = node.entries else {
            diagnostics.error(path, line: node.line, "expected a mapping, found \(node.kindName)")
            return nil
        }
        return FieldReader(fields: entries.map { ($0.key, Field(node: $0.node, path: join(path, $0.key))) },
                           path: path, line: node.line, diagnostics: diagnostics)
    }

    // MARK: - Access

    /// The raw field, marking the key as known.
    func field(_ key: String) -> Field? {
        known.append(key)
        guard let field = fields.last(where: { $0.key == key })?.field, !field.node.isNull else { return nil }
        return field
    }

    func error(_ field: Field, _ message: String, hint: String? = nil) {
        diagnostics.error(field.path, line: field.node.line, message, hint: hint)
    }

    /// A problem with the field `key`, reported at its path and line (at the mapping's line when
    /// the field is absent or null, e.g. a check of two fields where one was left out).
    func error(at key: String, _ message: String, hint: String? = nil) {
        guard let field = fields.last(where: { $0.key == key })?.field else {
            return diagnostics.error(join(path, key), line: line, message, hint: hint)
        }
        error(field, message, hint: hint)
    }

    /// A plan, environment or component name (`PlanParser.isIdentifier`), reported when it is not one.
    func identifier(_ key: String, required: Bool = false) -> String? {
        guard let text = string(key, required: required) else { return nil }
        if !PlanParser.isIdentifier(text) {
            error(at: key, "'\(text)' is not a valid name", hint: "use 1–64 letters, digits, '-', '_' or '.'")
        }
        return text
    }

    /// An AWS region code, or nil (with a diagnostic suggesting the nearest code) when it is unknown.
    func region(_ key: String) -> String? {
        guard let code = string(key) else { return nil }
        guard AWSRegion.isKnown(code) else {
            error(at: key, "unknown AWS region '\(code)'",
                  hint: suggestion(code, AWSRegion.all).map { "did you mean '\($0)'?" } ?? "use a region code such as us-east-1")
            return nil
        }
        return code
    }

    func missing(_ key: String, hint: String? = nil) {
        diagnostics.error(join(path, key), line: line, "is required", hint: hint)
    }

    /// The string at `key`; `hint` (built only for a problem) goes with a missing or non-string value.
    func string(_ key: String, required: Bool = false, hint: @autoclosure () -> String? = nil) -> String? {
        guard let field = field(key) else {
            if required { missing(key, hint: hint()) }
            return nil
        }
        switch field.node.value {
        case let .string(text): return text
        case let .number(_, text): return text
        default:
            error(field, "expected a string, found \(field.node.kindName)", hint: hint())
            return nil
        }
    }

    /// A string that must be one of `options`.
    func choice(_ key: String, _ options: [String], required: Bool = false) -> String? {
        guard let text = string(key, required: required, hint: "one of: \(options.joined(separator: ", "))") else { return nil }
        guard options.contains(text) else {
            error(at: key, "'\(text)' is not one of: \(options.joined(separator: ", "))",
                  hint: suggestion(text, options).map { "did you mean '\($0)'?" })
            return nil
        }
        return text
    }

    /// One of `options`, or `defaultValue` when the field is absent (or invalid, with a diagnostic).
    func choice(_ key: String, _ options: [String], default defaultValue: String) -> String {
        choice(key, options) ?? defaultValue
    }

    func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let field = field(key) else { return defaultValue }
        if case let .bool(value) = field.node.value { return value }
        error(field, "expected true or false, found \(field.node.kindName)")
        return defaultValue
    }

    /// A decimal number within `min...max` (bounds inclusive; nil = unbounded).
    func decimal(_ key: String, required: Bool = false, min: Decimal? = 0, max: Decimal? = nil,
                 unit: String = "") -> Decimal? {
        guard let field = field(key) else {
            if required { missing(key) }
            return nil
        }
        guard case let .number(value, _) = field.node.value else {
            error(field, "expected a number\(unit.isEmpty ? "" : " (\(unit))"), found \(field.node.kindName)")
            return nil
        }
        if let min, value < min {
            error(field, "must be at least \(min)\(unit.isEmpty ? "" : " \(unit)"), found \(value)",
                  hint: min == 0 ? "amounts cannot be negative" : nil)
            return nil
        }
        if let max, value > max {
            error(field, "must be at most \(max)\(unit.isEmpty ? "" : " \(unit)"), found \(value)")
            return nil
        }
        return value
    }

    /// A whole number within `min...max`.
    func int(_ key: String, required: Bool = false, min: Int = 0, max: Int? = nil) -> Int? {
        guard let value = decimal(key, required: required, min: Decimal(min), max: max.map { Decimal($0) }) else { return nil }
        guard let whole = Self.wholeNumber(value) else {
            error(at: key, "must be a whole number, found \(value)")
            return nil
        }
        return whole
    }

    /// A count: a whole number or `{min, max, desired}`.
    func count(_ key: String, default defaultValue: Int? = nil, max limit: Int = 100_000) -> CountRange? {
        guard let field = field(key) else { return defaultValue.map(CountRange.init(fixed:)) }
        switch field.node.value {
        case .number:
            guard let n = int(key, min: 0, max: limit) else { return nil }
            return CountRange(fixed: n)
        case .map:
            guard let range = FieldReader.map(field.node, path: field.path, diagnostics: diagnostics) else { return nil }
            let min = range.int("min", required: true, max: limit)
            let max = range.int("max", required: true, max: limit)
            let desired = range.int("desired", max: limit)
            range.finish(what: "a range")
            guard let min, let max else { return nil }
            if min > max {
                range.error(at: "min", "min (\(min)) is greater than max (\(max))", hint: "swap them, or raise max")
                return nil
            }
            if let desired, desired < min || desired > max {
                range.error(at: "desired", "desired (\(desired)) is outside min..max (\(min)..\(max))")
                return nil
            }
            return CountRange(min: min, desired: desired ?? min, max: max)
        default:
            error(field, "expected a number or {min, max, desired}, found \(field.node.kindName)")
            return nil
        }
    }

    /// A nested mapping field (e.g. `usage`), or nil when absent.
    func nested(_ key: String) -> FieldReader? {
        guard let field = field(key) else { return nil }
        return FieldReader.map(field.node, path: field.path, diagnostics: diagnostics)
    }

    /// True when the key is present (and not null), without marking it known.
    func has(_ key: String) -> Bool {
        fields.contains { $0.key == key && !$0.field.node.isNull }
    }

    /// Reports every key that was never asked for as unknown, suggesting the closest known key.
    func finish(what describe: @autoclosure () -> String) {
        for (key, field) in fields where !known.contains(key) {
            let what = describe()
            let hint = suggestion(key, known).map { "did you mean '\($0)'?" }
                ?? "known fields for \(what): \(Array(Set(known)).sorted().joined(separator: ", "))"
            error(field, "unknown field '\(key)' for \(what)", hint: hint)
        }
    }

    static func wholeNumber(_ value: Decimal) -> Int? {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .plain)
        guard rounded == value, value.magnitude < 1_000_000_000 else { return nil }
        return NSDecimalNumber(decimal: value).intValue
    }
}

/// `path.key`, or `key` at the top.
func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
}

/// The closest of `options` to `word` when it is plausibly a typo (edit distance <= 2).
func suggestion(_ word: String, _ options: [String]) -> String? {
    let best = options.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= Swift.max(2, word.count / 4), best.1 < word.count else { return nil }
    return best.0
}

private func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
