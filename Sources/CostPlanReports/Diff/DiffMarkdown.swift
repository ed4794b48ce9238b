import CostPlan
import Foundation

/// A plan diff as a GitHub-flavored Markdown pull-request comment: the hidden marker line a bot
/// finds its own comment by, a one-line headline, a table of environments (before, after,
/// change, min–max band), each changed environment's own setting changes (demand, region,
/// hours) and the capacity warnings the change brought or resolved, its components with their
/// setting changes and the figures derived from demand that moved, line-item detail in
/// `<details>`, and a footer naming the pricing snapshot and the 730-hour basis. No cost change →
/// a short "No cost change" comment (still listing setting changes and new warnings) — unless a
/// changed component has a charge without a rate: then the change "could not be priced fully".
/// Charges without a rate are named in a warning box with their fix (figures are of what is priced). Every
/// plan-supplied string is escaped. Always at most `limit` characters (UTF-16 units, GitHub's
/// 65,536 by default): past it, line-item detail is cut first, then component rows, then
/// environment sections, with a note saying so.
public enum DiffMarkdown {
    /// The first line of every comment, so a bot can find and update its own.
    public static let marker = "<!-- costplan-diff -->"
    /// GitHub's limit on a comment body.
    public static let characterLimit = 65_536

    /// The comment for `diff`; `violations` (from `BudgetLimit.violations`) are shown under the
    /// headline; `limits` (the budget gate's) are named when a side is not fully priced, since
    /// the gate then checks the priced cost only.
    public static func render(_ diff: ReportDiff, violations: [BudgetViolation] = [], limits: [BudgetLimit] = [],
                              limit: Int = characterLimit) -> String {
        let full = DiffMarkdownLayout.full(diff)
        let detailed = DiffMarkdownLayout.detailsChanges(diff)
        let prepared = detailed ? diff.changedEnvironments.map(PreparedSection.init) : []
        func text(_ layout: DiffMarkdownLayout) -> String {
            detailed ? compose(diff, violations, limits, prepared, layout) : noChange(diff, violations, limits, layout)
        }
        func fits(_ layout: DiffMarkdownLayout) -> Bool { text(layout).utf16.count <= limit }
        var layout = full
        if fits(layout) { return text(layout) }
        // Cut detail first, then component rows, then whole environment sections.
        layout.detailSections = largest(upTo: full.detailSections - 1) { var l = layout; l.detailSections = $0; return fits(l) }
        if fits(layout) { return text(layout) }
        layout.componentRows = largest(upTo: full.componentRows - 1) { var l = layout; l.componentRows = $0; return fits(l) }
        if fits(layout) { return text(layout) }
        layout.sections = largest(upTo: full.sections - 1) { var l = layout; l.sections = $0; return fits(l) }
        if fits(layout) { return text(layout) }
        return hardCut(text(layout), diff: diff, limit: limit)
    }

    // MARK: - Comments

    private static func compose(_ diff: ReportDiff, _ violations: [BudgetViolation], _ limits: [BudgetLimit],
                                _ sections: [PreparedSection], _ layout: DiffMarkdownLayout) -> String {
        var out = header(diff, violations, limits) + summaryTable(diff)
        let shown = Set(DiffText.byImpactEnvironments(sections.map(\.env)).prefix(layout.sections).map(\.name))
        var cut = CutCounts()
        cut.sections = sections.count - shown.count
        var detailed = 0
        for section in sections where shown.contains(section.env.name) {
            let rows = Set(section.byImpact.prefix(layout.componentRows))
            cut.rows += section.byImpact.count - rows.count
            out += "\n" + section.render(rows)
            let detail = section.components.filter { rows.contains($0.id) }.flatMap { section.details[$0.id] ?? [] }
            guard !detail.isEmpty else { continue }
            if detailed < layout.detailSections {
                out += "\n<details><summary>Line items in \(MarkdownText.escape(section.env.name))</summary>\n\n"
                    + "| Component | Line item | Quantity | Before | After | Change |\n| --- | --- | --- | ---: | ---: | ---: |\n"
                    + detail.joined() + "\n</details>\n"
                detailed += 1
            } else {
                cut.details += 1
            }
        }
        if let note = cut.note { out += "\n" + note + "\n" }
        return out + footer(diff)
    }

    private static func noChange(_ diff: ReportDiff, _ violations: [BudgetViolation], _ limits: [BudgetLimit],
                                 _ layout: DiffMarkdownLayout) -> String {
        var out = header(diff, violations, limits, planLine: false)
        let total = diff.cost.after.desired
        let envs = diff.environments.map { "\(MarkdownText.escape($0.name)) \(Formatting.dollars($0.cost.after.desired))" }
        out += "Plan \(MarkdownText.code(diff.headName)) (\(MarkdownText.code(diff.baseFile)) → \(MarkdownText.code(diff.headFile))) "
            + "stays at \(Formatting.dollars(total)) a month at desired scale"
            + (envs.count > 1 && envs.count <= 10 ? " (\(envs.joined(separator: ", ")))" : "") + ".\n"
        let settings = diff.environments.filter { !$0.settingChanges.isEmpty }.map {
            "- \(MarkdownText.escape($0.name)): " + changeList($0.settingChanges) + "\n"
        }
        let quiet = diff.environments.flatMap { env in
            env.changedComponents.filter { $0.status != .changed || !env.ownFieldChanges($0).isEmpty || !$0.derivedChanges.isEmpty }
                .map { (env, $0) }
        }
        if !quiet.isEmpty || !settings.isEmpty {
            let limit = min(quiet.count, layout.componentRows)
            out += "\nSettings changed without a cost change:\n\n" + settings.joined()
            for (env, c) in quiet.prefix(limit) {
                out += "- \(MarkdownText.code(c.id)) in \(MarkdownText.escape(env.name))\(fieldChanges(c, in: env))\n"
            }
            if limit < quiet.count { out += "- … and \(quiet.count - limit) more\n" }
        }
        for env in diff.environments where env.head != nil && !env.changedWarnings.isEmpty {
            out += "\n" + warnings(env, naming: true)
        }
        return out + footer(diff)
    }

    private static func header(_ diff: ReportDiff, _ violations: [BudgetViolation], _ limits: [BudgetLimit],
                               planLine: Bool = true) -> String {
        var out = marker + "\n### " + DiffText.headline(diff) { MarkdownText.escape($0) } + "\n\n"
        if !violations.isEmpty {
            out += "> [!CAUTION]\n" + violations.map {
                "> **Budget exceeded:** " + DiffText.violation($0) { MarkdownText.escape($0) } + ".\n"
            }.joined(separator: ">\n") + "\n"
        }
        out += unpriced(diff, limits)
        if planLine {
            out += "Plan \(MarkdownText.code(diff.headName)): \(MarkdownText.code(diff.baseFile)) → \(MarkdownText.code(diff.headFile)); "
                + "USD a month at desired scale, with the min–max band of the scaling ranges.\n\n"
        }
        return out
    }

    private static func summaryTable(_ diff: ReportDiff) -> String {
        var out = "| Environment | Before | After | Change | Min–max before | Min–max after |\n"
            + "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        for env in diff.environments {
            let status = env.status == .added || env.status == .removed ? " _(\(env.status.rawValue))_" : ""
            out += "| \(MarkdownText.escape(env.name))\(status) | \(env.base == nil ? "—" : Formatting.dollars(env.cost.before.desired)) "
                + "| \(env.head == nil ? "—" : Formatting.dollars(env.cost.after.desired)) | \(DiffText.change(env.cost)) "
                + "| \(env.base == nil ? "—" : DiffText.band(env.cost.before)) | \(env.head == nil ? "—" : DiffText.band(env.cost.after)) |\n"
        }
        if diff.environments.count > 1 {
            let total = diff.cost
            out += "| **Total** | **\(Formatting.dollars(total.before.desired))** | **\(Formatting.dollars(total.after.desired))** "
                + "| **\(DiffText.change(total))** | \(DiffText.band(total.before)) | \(DiffText.band(total.after)) |\n"
        }
        return out
    }

    /// ": `instance_type` t3.large → t3.xlarge · `count.max` 10 → 20 · `count.desired` 2 → 12
    /// _(derived from demand)_" (empty when none): the component's own setting changes (not the
    /// region or hours it only inherits from `env`, which the environment shows once), then the
    /// figures its `capacity:` block derived differently.
    static func fieldChanges(_ c: ReportDiff.Component, in env: ReportDiff.Environment) -> String {
        let own = env.ownFieldChanges(c)
        guard !own.isEmpty || !c.derivedChanges.isEmpty else { return "" }
        return ": " + changeList(own, derived: c.derivedChanges)
    }

    /// "`field` before → after · …", derived figures marked "_(derived from demand)_".
    static func changeList(_ changes: [FieldChange], derived: [FieldChange] = []) -> String {
        func value(_ text: String?) -> String { text.map { MarkdownText.escape($0, maxLength: 100) } ?? "_(not set)_" }
        func item(_ f: FieldChange) -> String { "\(MarkdownText.code(f.field)) \(value(f.before)) → \(value(f.after))" }
        return (changes.map(item) + derived.map { item($0) + " _(derived from demand)_" }).joined(separator: " · ")
    }

    /// The capacity warnings a change brought or changed, as a GitHub alert, and those it
    /// resolved, one line each; `naming` adds the environment (outside its own section).
    static func warnings(_ env: ReportDiff.Environment, naming: Bool) -> String {
        let place = naming ? " in \(MarkdownText.escape(env.name))" : ""
        var alert: [String] = [], resolved: [String] = []
        for change in env.changedWarnings {
            switch (change.before, change.after) {
            case let (nil, after?):
                alert.append("> **New capacity warning\(place):** \(MarkdownText.escape(after.summary, maxLength: 400)).\n")
            case let (before?, after?):
                alert.append("> **Capacity warning\(place), still short:** \(MarkdownText.escape(after.summary, maxLength: 400)) "
                    + "(before: \(MarkdownText.escape(shortfall(before))))\n")
            case let (before?, nil):
                resolved.append("Capacity warning resolved\(place): \(MarkdownText.code(before.component)) now serves the peak "
                    + "(before: \(MarkdownText.escape(shortfall(before)))).\n")
            case (nil, nil):
                break
            }
        }
        var out = alert.isEmpty ? "" : "> [!WARNING]\n" + alert.joined(separator: ">\n")
        if !resolved.isEmpty { out += (out.isEmpty ? "" : "\n") + resolved.joined(separator: "\n") }
        return out
    }

    /// Most unpriced items a comment names one by one.
    static let unpricedShown = 10

    /// The warning box naming the charges without a rate (with their fix), saying that the
    /// figures — and the budget gate, when `limits` are set — cover what is priced only; empty
    /// when both sides are fully priced.
    static func unpriced(_ diff: ReportDiff, _ limits: [BudgetLimit]) -> String {
        let items = diff.unpriced
        guard !items.isEmpty else { return "" }
        var out = "> [!WARNING]\n> **Not priced:** \(items.count) item\(items.count == 1 ? " has" : "s have") no rate in the catalog, "
            + "so the figures below are of what is priced (lower bounds).\n"
        for (side, environment, item) in items.prefix(unpricedShown) {
            out += "> - \(MarkdownText.code(item.place)) in \(MarkdownText.escape(environment)) (\(side.rawValue)): "
                + "\(MarkdownText.escape(item.item, maxLength: 200)) — \(MarkdownText.escape(item.service)) in \(MarkdownText.escape(item.region)); "
                + "fix: \(command(item.fix))\n"
        }
        if items.count > unpricedShown { out += "> - … and \(items.count - unpricedShown) more (`costplan diff --format json` lists all)\n" }
        if !limits.isEmpty {
            out += ">\n> The budget gate (--fail-above " + limits.map { DiffText.limit($0) }.joined(separator: ", ")
                + ") checks the priced cost only.\n"
        }
        return out + "\n"
    }

    /// A shell command in a code span when it holds only ASCII letters, digits, spaces and
    /// `-_./:` (shown literally); anything else escaped as text.
    static func command(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || " -_./:".contains($0)) }
        return plain ? "`\(text)`" : MarkdownText.escape(text, maxLength: 300)
    }

    /// "the peak of 900 rps needed 8 instances, count.max 6".
    private static func shortfall(_ w: CapacityWarning) -> String {
        "the peak of \(Formatting.quantity(w.demand)) \(w.saturationUnit) needed \(w.needed) \(w.unit), \(w.field) \(w.configuredMax)"
    }

    private static func footer(_ diff: ReportDiff) -> String {
        let s = diff.pricing
        return "\n---\n<sub>Both sides priced with one catalog: snapshot \(MarkdownText.code(s.id)) "
            + "(\(MarkdownText.escape(s.origin)), \(s.rateCount) rates, newest \(MarkdownText.escape(s.latestEffectiveDate))) · "
            + "\(Money.plain(Money.hoursPerMonth))-hour month · on-demand list prices, free tiers not deducted · "
            + "`costplan diff`</sub>\n"
    }

    // MARK: - The size limit

    private static func hardCut(_ text: String, diff: ReportDiff, limit: Int) -> String {
        let tail = "\n\n" + CutCounts.hardNote + "\n" + footer(diff)
        var kept = Substring(text)
        let budget = max(0, limit - tail.utf16.count)
        while kept.utf16.count > budget {
            let excess = kept.utf16.count - budget
            let end = kept.index(kept.endIndex, offsetBy: -min(kept.count, max(1, excess)))
            kept = kept[..<end]
            if let newline = kept.lastIndex(of: "\n") { kept = kept[..<newline] }
        }
        return String(kept) + tail
    }

    /// The largest `n` in `0...upper` with `fits(n)` (fits is monotone: more content, longer
    /// text), or 0 when none fits.
    private static func largest(upTo upper: Int, _ fits: (Int) -> Bool) -> Int {
        var low = 0, high = max(0, upper)
        while low < high {
            let mid = (low + high + 1) / 2
            if fits(mid) { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// How much of a diff a comment shows; `full` shows everything.
struct DiffMarkdownLayout {
    /// Environment sections (of those with line-item rows) that keep their `<details>`.
    var detailSections: Int
    /// Changed-component rows per environment section (the largest changes are kept).
    var componentRows: Int
    /// Environment sections shown (the largest changes are kept).
    var sections: Int

    /// True when the comment details the changes (a cost change, or a change that cannot be
    /// priced fully); false for the short "No cost change" comment.
    static func detailsChanges(_ diff: ReportDiff) -> Bool { diff.hasCostChange || diff.hasUnpricedChange }

    static func full(_ diff: ReportDiff) -> DiffMarkdownLayout {
        let changed = diff.changedEnvironments
        let rows = diff.environments.map(\.changedComponents.count)
        return DiffMarkdownLayout(detailSections: changed.count,
                                  componentRows: detailsChanges(diff) ? rows.max() ?? 0 : rows.reduce(0, +),
                                  sections: changed.count)
    }
}

/// What a shortened comment left out, and the note saying so.
struct CutCounts {
    var details = 0, rows = 0, sections = 0

    static let why = "to stay under GitHub's 65,536-character comment limit; `costplan diff --format json` has everything"
    static let hardNote = "> [!NOTE]\n> The comment was cut here " + why + "."

    var note: String? {
        var parts: [String] = []
        if details > 0 { parts.append("line-item detail for \(details) environment\(details == 1 ? "" : "s")") }
        if rows > 0 { parts.append("\(Formatting.quantity(Decimal(rows))) changed component row\(rows == 1 ? "" : "s") (the largest changes are shown)") }
        if sections > 0 { parts.append("\(Formatting.quantity(Decimal(sections))) changed environment\(sections == 1 ? "" : "s") (the largest changes are shown)") }
        guard !parts.isEmpty else { return nil }
        return "> [!NOTE]\n> Left out " + parts.joined(separator: ", ") + " " + Self.why + "."
    }
}

/// One changed environment's section, rendered once per row so that a shortened comment only
/// reassembles strings.
struct PreparedSection {
    let env: ReportDiff.Environment
    /// The changed components in plan order.
    let components: [ReportDiff.Component]
    /// Their ids, largest change first.
    let byImpact: [String]
    let rows: [String: String]
    let notes: [String: String]
    let details: [String: [String]]
    /// The environment's own setting changes and capacity warnings, under its heading.
    let preface: String

    init(_ env: ReportDiff.Environment) {
        self.env = env
        var preface = ""
        if !env.settingChanges.isEmpty { preface += "Settings: " + DiffMarkdown.changeList(env.settingChanges) + "\n\n" }
        if env.head != nil, !env.changedWarnings.isEmpty { preface += DiffMarkdown.warnings(env, naming: false) + "\n" }
        self.preface = preface
        components = env.changedComponents
        byImpact = DiffText.byImpact(components).map(\.id)
        var rows: [String: String] = [:], notes: [String: String] = [:], details: [String: [String]] = [:]
        for c in components {
            let partial = !(c.base?.unpriced.isEmpty ?? true) || !(c.head?.unpriced.isEmpty ?? true)
            rows[c.id] = "| \(MarkdownText.code(c.id)) | \(c.type.rawValue) | \(c.status.rawValue) "
                + "| \(DiffText.sideCost(c.base, c.cost.before.desired, Formatting.dollars)) "
                + "| \(DiffText.sideCost(c.head, c.cost.after.desired, Formatting.dollars)) "
                + "| \(DiffText.signedDollars(c.cost.delta.desired))\(partial ? " (priced part)" : "") |\n"
            let changes = DiffMarkdown.fieldChanges(c, in: env)
            if c.status == .changed, !changes.isEmpty { notes[c.id] = "- \(MarkdownText.code(c.id))\(changes)\n" }
            details[c.id] = c.lineItems.filter { $0.status != .unchanged }.map { item in
                "| \(MarkdownText.code(c.id)) | \(MarkdownText.escape(item.name)) | \(MarkdownText.escape(DiffText.quantity(item))) "
                    + "| \(DiffText.monthly(item.before)) | \(DiffText.monthly(item.after)) "
                    + "| \(item.delta.map(DiffText.signedDollars) ?? "—") |\n"
            }
        }
        self.rows = rows
        self.notes = notes
        self.details = details
    }

    /// The heading, the table of the components in `shown` and their setting changes.
    func render(_ shown: Set<String>) -> String {
        let status = env.status == .changed ? "" : " (\(env.status.rawValue))"
        var out = "#### \(MarkdownText.escape(env.name))\(status): \(DiffText.change(env.cost))\n\n" + preface
        if !components.isEmpty {
            out += "| Component | Type | Status | Before | After | Change |\n| --- | --- | --- | ---: | ---: | ---: |\n"
        }
        let kept = components.filter { shown.contains($0.id) }
        out += kept.compactMap { rows[$0.id] }.joined()
        let hidden = components.count - kept.count
        if hidden > 0 { out += "| … | | \(hidden) more changed | | | |\n" }
        let bullets = kept.compactMap { notes[$0.id] }
        if !bullets.isEmpty { out += "\n" + bullets.joined() }
        let unchanged = env.components.count - components.count
        if unchanged > 0 { out += "\n\(unchanged) unchanged component\(unchanged == 1 ? "" : "s") not shown.\n" }
        return out
    }
}
