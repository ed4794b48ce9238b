import Foundation

/// Writes an `ImportedPlan` as a costplan plan file (YAML): one component per mapped resource,
/// its address as the description, a comment beside every guessed or usage-file value, and the
/// resources that are not priced listed as comments at the end. Strings are written
/// double-quoted with JSON escapes (valid YAML), so no Terraform value can break the syntax.
enum PlanFileWriter {
    static func write(_ plan: ImportedPlan, plan terraform: TerraformPlan, options: TerraformImportOptions) -> String {
        let report = plan.report
        var out = "# costplan plan generated from the Terraform plan \(terraform.file)"
        out += " (Terraform \(terraform.terraformVersion ?? "?"), plan format \(terraform.formatVersion)), state \(options.side.rawValue == "after" ? "after apply" : "before apply").\n"
        if let usage = report.usageFile { out += "# Usage from \(usage).\n" }
        out += "# One component per Terraform resource (its address is the description). Comments mark values that\n"
        out += "# were guessed or came from the usage file; edit them, and add usage (data processed, storage...).\n"
        out += "version: 1\nname: \(quote(plan.name))\nregion: \(quote(plan.region))\nenvironments:\n"
        for environment in plan.environments {
            let components = plan.components.filter { $0.environment == environment }
            let region = mostCommon(components.map(\.region)) ?? plan.region
            out += "  \(quote(environment)):\n"
            if region != plan.region { out += "    region: \(quote(region))\n" }
            if components.isEmpty { out += "    components: {}\n"; continue }
            out += "    components:\n"
            for c in components { out += component(c) }
        }
        out += listing("Not priced (not in the totals)", report.notPriced)
        out += listing("Not priced until values are known or valid (the usage file can give them)", report.unresolved)
        let free = TerraformReport.countByType(report.free)
        if !free.isEmpty {
            out += "# Free (no charge of their own): " + free.map { "\($0.type) ×\($0.count)" }.joined(separator: ", ") + "\n"
        }
        for note in report.notes { out += "# Note: \(oneLine(note))\n" }
        return out
    }

    /// One component's lines (indented for `environments.NAME.components`).
    static func component(_ c: ImportedComponent) -> String {
        // Folded resources go in a comment, not the description: a replica added by a change
        // must not show up as a changed setting in diffs.
        var out = c.includes.isEmpty ? "" : "      # \(oneLine(c.address)) with \(oneLine(c.includes.joined(separator: ", ")))\n"
        out += "      \(quote(c.id)):\n"
        out += "        type: \(c.type)\n"
        out += "        description: \(quote("terraform: \(c.address)"))\n"
        out += "        region: \(quote(c.region))" + (c.regionComment.map { "  # \(oneLine($0))" } ?? "") + "\n"
        for field in c.fields {
            out += "        \(field.key): \(yaml(field.value))" + (field.comment.map { "  # \(oneLine($0))" } ?? "") + "\n"
        }
        return out
    }

    /// The most frequent value, the first-seen among equals.
    static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        guard let top = counts.values.max() else { return nil }
        return values.first { counts[$0] == top }
    }

    private static func listing(_ title: String, _ resources: [TerraformReport.Resource]) -> String {
        guard !resources.isEmpty else { return "" }
        return "# \(title):\n" + resources.map { "#   \(oneLine($0.address)): \(oneLine($0.reason))\n" }.joined()
    }

    static func yaml(_ value: PlanFieldValue) -> String {
        switch value {
        case let .number(number): Money.plain(number)
        case let .string(text): quote(text)
        case let .bool(flag): flag ? "true" : "false"
        case let .map(entries): "{" + entries.map { "\($0.0): \(yaml($0.1))" }.joined(separator: ", ") + "}"
        }
    }

    /// A YAML double-quoted scalar (JSON string syntax, `JSONString`).
    static func quote(_ text: String) -> String { JSONString.quoted(text) }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
