import CostPlan
import Foundation

/// A diff whose sides came from Terraform plans, rendered with what was left out of it: the
/// plan-file diff renderers unchanged, plus the Terraform notes (head side, and the base side's
/// changed resources).
public struct TerraformDiffNotes: Sendable {
    public var head: TerraformReport
    public var base: TerraformReport?

    public init(head: TerraformReport, base: TerraformReport?) {
        self.head = head
        self.base = base
    }

    public var text: String { TerraformNotes.text(head) }

    /// The comment: the diff (shortened to leave room) followed by the Terraform section, within `limit`.
    public func markdown(_ diff: ReportDiff, violations: [BudgetViolation], limits: [BudgetLimit] = [],
                         limit: Int = DiffMarkdown.characterLimit) -> String {
        var section = TerraformNotes.markdown(head: head, base: base)
        if section.utf16.count > limit / 2 { section = String(section.prefix(limit / 4)) + "\n\n(Terraform notes cut)\n" }
        let comment = DiffMarkdown.render(diff, violations: violations, limits: limits, limit: limit - section.utf16.count)
        // Before the footer (the last `---` rule), so the comment still ends with the pricing basis.
        guard let footer = comment.range(of: "\n---\n<sub>", options: .backwards) else { return comment + section }
        return String(comment[..<footer.lowerBound]) + section + String(comment[footer.lowerBound...])
    }

    /// The diff JSON with `"terraform": {"base": …, "head": …}` added.
    public func json(_ diff: ReportDiff, violations: [BudgetViolation]) -> JSONValue {
        TerraformNotes.adding(.object([("base", base.map(TerraformNotes.json) ?? .null), ("head", TerraformNotes.json(head))]),
                              to: DiffJSON.document(diff, violations: violations))
    }
}
