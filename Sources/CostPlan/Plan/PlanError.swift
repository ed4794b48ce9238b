import Foundation

/// One problem found in a plan: what is wrong, where (file, field path, line) and how to fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// Dotted field path, e.g. `environments.dev.components.web.count.min` ("" for the document).
    public var path: String
    public var line: Int?
    public var message: String
    public var hint: String?

    public init(file: String, path: String, line: Int?, message: String, hint: String?) {
        self.file = file
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// `file:line: error: path: message` followed by an indented hint, compiler style. Plan
    /// text in any part is shown with `DisplayText.visible` (no control or bidi characters).
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": error: "
        if !path.isEmpty { text += "\(path): " }
        text += message
        text = DisplayText.visible(text)
        if let hint { text += "\n    hint: " + DisplayText.visible(hint) }
        return text
    }
}

/// A plan that cannot be priced, with every problem found (not just the first).
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        let count = diagnostics.count
        return diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(count) error\(count == 1 ? "" : "s") in the plan."
    }
}

/// Collects diagnostics while a plan is decoded, dropping exact repeats (an inherited field
/// that is wrong would otherwise be reported once per extending environment).
final class DiagnosticCollector {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    init(file: String) { self.file = file }

    func error(_ path: String, line: Int?, _ message: String, hint: String? = nil) {
        let diagnostic = Diagnostic(file: file, path: path, line: line, message: message, hint: hint)
        if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }
}
