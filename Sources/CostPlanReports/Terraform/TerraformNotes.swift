import CostPlan
import Foundation

/// How an estimate or diff of a Terraform plan says what it left out: the resources not priced
/// (with counts per type), those waiting for values known only after apply, the free ones and
/// the guesses — as terminal text, a JSON object (added under `"terraform"`) and Markdown.
/// Only addresses, types and reasons appear: never an attribute value, so nothing sensitive.
public enum TerraformNotes {
    // MARK: - Text

    public static func text(_ report: TerraformReport) -> String {
        var out = "\nTerraform plan \(report.planFile) (Terraform \(report.terraformVersion ?? "?"), plan format \(report.formatVersion)), "
            + "\(report.side == .after ? "after apply" : "before apply")\(report.usageFile.map { ", usage from \($0)" } ?? ""): "
            + "\(count(report.priced.count, "resource")) priced.\n"
        if !report.notPriced.isEmpty {
            out += "  NOT PRICED (not in the totals): \(report.notPriced.count) — \(byType(report.notPriced))\n"
            out += report.notPriced.map { "    \($0.address) (\($0.action)): \($0.reason)\n" }.joined()
        }
        if !report.unresolved.isEmpty {
            out += "  NOT PRICED until values are known or valid (the usage file can give them): \(report.unresolved.count)\n"
            out += report.unresolved.map { "    \($0.address) (\($0.action)): \($0.reason)\n" }.joined()
        }
        if !report.free.isEmpty { out += "  free: \(report.free.count) — \(byType(report.free))\n" }
        if !report.guesses.isEmpty {
            out += "  guessed values (see `costplan import terraform`):\n"
            out += report.guesses.map { "    \($0.environment)/\($0.component) \($0.field): \($0.note)\n" }.joined()
        }
        out += report.notes.map { "  note: \($0)\n" }.joined()
        return DisplayText.visible(out, keepingLineBreaks: true)
    }

    // MARK: - JSON

    public static func json(_ report: TerraformReport) -> JSONValue {
        func resources(_ list: [TerraformReport.Resource]) -> JSONValue {
            .array(list.map { .object([("address", .string($0.address)), ("type", .string($0.type)),
                                       ("action", .string($0.action)), ("reason", .string($0.reason))]) })
        }
        return .object([
            ("plan_file", .string(report.planFile)),
            ("side", .string(report.side.rawValue)),
            ("format_version", .string(report.formatVersion)),
            ("terraform_version", report.terraformVersion.map(JSONValue.string) ?? .null),
            ("usage_file", report.usageFile.map(JSONValue.string) ?? .null),
            ("counts", .object([("priced", .number("\(report.priced.count)")), ("not_priced", .number("\(report.notPriced.count)")),
                                ("unresolved", .number("\(report.unresolved.count)")), ("free", .number("\(report.free.count)"))])),
            ("priced", .array(report.priced.map { .object([("address", .string($0.address)), ("type", .string($0.type)),
                ("action", .string($0.action)), ("environment", .string($0.environment)), ("component", .string($0.component))]) })),
            ("not_priced", resources(report.notPriced)),
            ("not_priced_by_type", typeCounts(report.notPriced)),
            ("unresolved", resources(report.unresolved)),
            ("free_by_type", typeCounts(report.free)),
            ("guesses", .array(report.guesses.map { .object([("environment", .string($0.environment)), ("component", .string($0.component)),
                                                              ("field", .string($0.field)), ("note", .string($0.note))]) })),
            ("notes", .array(report.notes.map(JSONValue.string))),
        ])
    }

    /// `document` (an estimate or diff JSON object) with `"terraform"` added at the end
    /// (`{"before": …, "after": …}` for a diff).
    public static func adding(_ value: JSONValue, to document: JSONValue) -> JSONValue {
        guard case var .object(entries) = document else { return document }
        entries.append(("terraform", value))
        return .object(entries)
    }

    private static func typeCounts(_ list: [TerraformReport.Resource]) -> JSONValue {
        .array(TerraformReport.countByType(list).map { .object([("type", .string($0.type)), ("count", .number("\($0.count)"))]) })
    }

    // MARK: - Markdown

    /// A section for a pull-request comment: what is not in the totals, first in a sentence, then
    /// the lists inside `<details>`. `base` is the other side of a diff, if it is Terraform too.
    public static func markdown(head: TerraformReport, base: TerraformReport?) -> String {
        var out = "\n**Terraform** (\(MarkdownText.code(head.planFile))): \(count(head.priced.count, "resource")) priced"
        if !head.notPriced.isEmpty { out += "; **\(head.notPriced.count) not priced** (\(MarkdownText.escape(byType(head.notPriced))))" }
        if !head.unresolved.isEmpty { out += "; **\(head.unresolved.count) waiting for values known after apply**" }
        out += "; \(head.free.count) free.\n"
        let changed = ((base?.notPriced ?? []) + (base?.unresolved ?? []) + head.notPriced + head.unresolved)
            .filter { $0.action != "no-op" }
        var seen: Set<String> = []
        let changedUnique = changed.filter { seen.insert($0.address).inserted }
        if !changedUnique.isEmpty {
            out += "\n⚠️ This change touches \(count(changedUnique.count, "resource")) whose cost is not in these figures:\n\n"
            for r in changedUnique.prefix(20) { out += "- \(MarkdownText.code(r.address)) (\(r.action)): \(MarkdownText.escape(r.reason))\n" }
            if changedUnique.count > 20 { out += "- … and \(changedUnique.count - 20) more\n" }
        }
        let lists = (head.notPriced + head.unresolved)
        if !lists.isEmpty || !head.guesses.isEmpty || !head.notes.isEmpty {
            out += "\n<details><summary>Not priced, guessed and free resources</summary>\n\n"
            if !lists.isEmpty {
                out += "| Resource | Change | Why not priced |\n| --- | --- | --- |\n"
                for r in lists.prefix(100) {
                    out += "| \(MarkdownText.code(r.address)) | \(r.action) | \(MarkdownText.escape(r.reason)) |\n"
                }
                if lists.count > 100 { out += "\n… and \(lists.count - 100) more.\n" }
            }
            if !head.guesses.isEmpty {
                out += "\nGuessed: " + head.guesses.prefix(30).map { "\(MarkdownText.code("\($0.component).\($0.field)")) (\(MarkdownText.escape($0.note)))" }
                    .joined(separator: "; ") + "\n"
            }
            if !head.free.isEmpty { out += "\nFree: \(MarkdownText.escape(byType(head.free)))\n" }
            for note in head.notes.prefix(20) { out += "\nNote: \(MarkdownText.escape(note))\n" }
            out += "\n</details>\n"
        }
        return out
    }

    // MARK: - Helpers

    static func byType(_ list: [TerraformReport.Resource]) -> String {
        TerraformReport.countByType(list).map { "\($0.type) ×\($0.count)" }.joined(separator: ", ")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
