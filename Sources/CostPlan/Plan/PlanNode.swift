import Foundation
import Yams

/// A plan document as a tree that remembers where each value was written, so that validation
/// errors can name the line. YAML and JSON both parse into it (JSON through the same YAML
/// parser: JSON is valid YAML flow syntax), which keeps decimal literals exact.
public struct PlanNode: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        /// A number kept as its exact decimal value and its source text.
        case number(Decimal, String)
        case string(String)
        case list([PlanNode])
        /// Keys in document order.
        case map([(key: String, node: PlanNode)])
    }

    public var value: Value
    /// 1-based line in the source file, when known.
    public var line: Int?

    public init(_ value: Value, line: Int? = nil) {
        self.value = value
        self.line = line
    }

    /// What kind of value this is, for "expected X, found Y" messages.
    public var kindName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .list: "a list"
        case .map: "a mapping"
        }
    }

    /// The map's entries, or nil when the node is not a map.
    public var entries: [(key: String, node: PlanNode)]? {
        if case let .map(entries) = value { return entries }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }
}

/// Parsing plan text into `PlanNode`s, with limits against hostile input.
public enum PlanDocument {
    /// Largest plan file accepted (a real plan is a few KB).
    public static let maxBytes = 8 * 1024 * 1024
    /// Most nodes accepted after alias expansion (guards against "billion laughs" documents).
    public static let maxNodes = 2_000_000

    /// Parses YAML or JSON text. Throws `PlanError` with the file and line on a syntax error.
    public static func parse(_ text: String, file: String) throws -> PlanNode {
        if text.utf8.count > maxBytes {
            throw PlanError([Diagnostic(file: file, path: "", line: nil,
                message: "the file is \(text.utf8.count) bytes; plans are limited to \(maxBytes) bytes",
                hint: "split the system into several plan files")])
        }
        // Most plans are plain mappings, lists and scalars: read straight from libyaml's events.
        if let root = PlanEventReader.root(of: text, budget: maxNodes, scalarValue: scalarValue) { return root }
        return try composed(text, file: file)
    }

    /// The document as Yams composes it: every YAML feature (anchors, aliases, complex keys), and
    /// the messages for syntax errors, duplicate keys and the limits. `parse` gives the same tree.
    static func composed(_ text: String, file: String) throws -> PlanNode {
        let composed: Node?
        do {
            // The basic resolver tags every scalar a string without running Yams's regular
            // expressions (compiling them and matching each plain scalar against seven was most
            // of a small plan's parse); `scalarValue` types plain scalars itself. Nothing is
            // constructed from the nodes, so the constructor's tables are left empty (the default
            // one builds them on every parse), and the text is UTF-8 (not read from the environment).
            let parser = try Parser(yaml: text, resolver: .basic, constructor: Constructor([:], [:], [:]), encoding: .utf8)
            composed = try parser.singleRoot()
        } catch let error as YamlError {
            throw PlanError([syntaxDiagnostic(error, file: file)])
        } catch {
            throw PlanError([Diagnostic(file: file, path: "", line: nil, message: "cannot parse: \(error)", hint: nil)])
        }
        guard let root = composed else {
            throw PlanError([Diagnostic(file: file, path: "", line: nil, message: "the file is empty",
                hint: "a plan starts with `version: 1`, `name:` and `environments:`")])
        }
        var budget = maxNodes
        do {
            // Count first: converting resolves every scalar's type (regular expressions), which
            // for an alias bomb would cost seconds before the budget ran out.
            var countBudget = maxNodes
            try count(root, budget: &countBudget)
            return try convert(root, budget: &budget)
        } catch is NodeBudgetExceeded {
            throw PlanError([Diagnostic(file: file, path: "", line: nil,
                message: "the document expands to more than \(maxNodes) values (aliases?)",
                hint: "remove recursive or repeated YAML aliases")])
        }
    }

    private struct NodeBudgetExceeded: Error {}

    /// Walks the expanded tree without converting it, throwing once it exceeds `budget` nodes.
    private static func count(_ node: Node, budget: inout Int) throws {
        budget -= 1
        if budget < 0 { throw NodeBudgetExceeded() }
        switch node {
        case .scalar, .alias: break
        case let .sequence(sequence): for child in sequence { try count(child, budget: &budget) }
        case let .mapping(mapping): for (_, value) in mapping { try count(value, budget: &budget) }
        }
    }

    private static func convert(_ node: Node, budget: inout Int) throws -> PlanNode {
        budget -= 1
        if budget < 0 { throw NodeBudgetExceeded() }
        let line = node.mark.map { $0.line }
        switch node {
        case let .scalar(scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                || scalar.style == .literal || scalar.style == .folded
            return PlanNode(scalarValue(scalar.string, quoted: quoted), line: line)
        case let .sequence(sequence):
            var items: [PlanNode] = []
            for child in sequence { items.append(try convert(child, budget: &budget)) }
            return PlanNode(.list(items), line: line)
        case let .mapping(mapping):
            var entries: [(key: String, node: PlanNode)] = []
            for (key, value) in mapping {
                let keyText = key.scalar?.string ?? "\(key)"
                entries.append((keyText, try convert(value, budget: &budget)))
            }
            return PlanNode(.map(entries), line: line)
        case let .alias(alias):
            return PlanNode(.string("*\(alias.anchor)"), line: line)
        }
    }

    /// The value of a scalar written as `text`; `quoted` (quotes or a block scalar) makes it a string.
    private static func scalarValue(_ text: String, quoted: Bool) -> PlanNode.Value {
        if quoted { return .string(text) }
        if let flag = yamlBool[text] { return .bool(flag) }
        if let value = plainValue(text) { return value }
        // YAML 1.1's rules for the rest, as Yams types a plain scalar (explicit resolver and
        // constructor: the defaults compile regular expressions).
        let node = Node.scalar(.init(text, Tag(.str, .basic, Constructor([:], [:], [:])), .plain))
        if node.null != nil { return .null }
        if node.int != nil || node.float != nil {
            let cleaned = text.replacingOccurrences(of: "_", with: "")
            if let number = Money.parse(cleaned) { return .number(number, text) }
            let lowered = cleaned.lowercased()
            if !lowered.contains("inf"), !lowered.contains("nan"), !lowered.hasPrefix("0x"), !lowered.hasPrefix("0o"),
               let number = Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX")) {
                return .number(number, text)
            }
        }
        return .string(text)
    }

    /// The type of the plain scalars most plans are made of, without Yams's constructors (a
    /// generic number parse and a Foundation string replace per scalar, on every cold run); nil
    /// for anything else, which the full rules below type. The two agree: a plain decimal
    /// (`-12`, `0.045`, no leading zero: `010` is octal in YAML 1.1) is an int or float and reads
    /// with `Money.parse`; a scalar starting with a letter that is not a boolean is null when it
    /// is `null`, `Null` or `NULL`, else a string: no int starts with a letter, and the floats
    /// that do (`nan`, `inf`, `Infinity`, which `Double` reads) are kept as strings below.
    private static func plainValue(_ text: String) -> PlanNode.Value? {
        var bytes = text.utf8.makeIterator()
        guard var byte = bytes.next() else { return nil }
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return text == "null" || text == "Null" || text == "NULL" ? .null : .string(text)
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            guard let next = bytes.next() else { return nil }
            byte = next
        default: break
        }
        // `0` or [1-9][0-9]*, then optionally `.` and one or more digits.
        guard isDigit(byte) else { return nil }
        var leadingZero = byte == UInt8(ascii: "0")
        var fraction: Int?   // digits after the point, once there is one
        while let next = bytes.next() {
            if next == UInt8(ascii: "."), fraction == nil {
                fraction = 0
            } else if isDigit(next) {
                if fraction == nil {
                    if leadingZero { return nil }
                } else {
                    fraction? += 1
                }
            } else {
                return nil
            }
            leadingZero = leadingZero && fraction == nil
        }
        if fraction == 0 { return nil }
        return Money.parse(text).map { .number($0, text) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The plain scalars YAML 1.1 reads as booleans (Yams's default resolver's list, exactly:
    /// `yEs` stays a string).
    private static let yamlBool: [String: Bool] = [
        "yes": true, "Yes": true, "YES": true, "true": true, "True": true, "TRUE": true, "on": true, "On": true, "ON": true,
        "no": false, "No": false, "NO": false, "false": false, "False": false, "FALSE": false, "off": false, "Off": false,
        "OFF": false,
    ]

    private static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _):
            return Diagnostic(file: file, path: "", line: mark.line,
                message: "syntax error: \(problem)\(context.map { " \($0.text)" } ?? "")",
                hint: "check indentation and quoting near line \(mark.line) (column \(mark.column))")
        case let .parser(context, problem, mark, _):
            return Diagnostic(file: file, path: "", line: mark.line,
                message: "syntax error: \(problem)\(context.map { " \($0.text)" } ?? "")",
                hint: "check indentation, brackets and quoting near line \(mark.line) (column \(mark.column))")
        case let .composer(_, problem, mark, _):
            return Diagnostic(file: file, path: "", line: mark.line, message: "syntax error: \(problem)", hint: nil)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(file: file, path: "", line: context.mark.line,
                message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping",
                hint: "each key may appear once; merge the two entries")
        case let .reader(problem, _, _, _):
            return Diagnostic(file: file, path: "", line: nil, message: "cannot read the file: \(problem)",
                hint: "plans must be UTF-8 text")
        default:
            return Diagnostic(file: file, path: "", line: nil, message: "syntax error: \(error)", hint: nil)
        }
    }
}
