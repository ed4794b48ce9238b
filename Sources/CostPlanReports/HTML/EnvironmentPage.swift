import CostPlan
import Foundation

/// `plans/NAME/ENV.html`: one tier's every line item at desired scale with the rate behind it.
enum EnvironmentPage {
    static func render(_ report: Report, _ env: Report.Environment, links: SiteLinks) -> String {
        let plan = report.plan
        var body = "<h1>\(HTML.escape(env.name)) <span class=\"sub\">\(HTML.escape(plan))</span></h1>\n"
        if let description = env.description { body += "<p class=\"lead\">\(HTML.escape(description))</p>\n" }
        body += UnpricedBox.render(env.unpriced.map { (environment: String?.none, item: $0) })
        body += "<dl class=\"facts\">\n"
            + "<div><dt>Monthly (desired)</dt><dd class=\"money total\">\(UnpricedBox.mark(!env.complete))\(HTML.money(env.monthly.desired))</dd></div>\n"
            + "<div><dt>Band (min–max)</dt><dd class=\"money\">\(env.monthly.isFlat ? "does not scale" : HTML.band(env.monthly))</dd></div>\n"
        if let reference = env.referenceEstimate {
            body += "<div><dt>Reference estimate</dt><dd class=\"money\">\(HTML.reference(reference)) "
                + "<span class=\"small\">(ours: \(PlanPage.comparison(env.monthly.desired, reference)))</span></dd></div>\n"
        }
        body += "<div><dt>Region</dt><dd>\(HTML.escape(env.region))</dd></div>\n"
            + "<div><dt>Hours per month</dt><dd>\(Money.plain(env.hoursPerMonth))"
            + (env.schedule.note.map { " (\(HTML.escape($0)))" } ?? "")
            + "</dd></div>\n</dl>\n"
        if let source = env.referenceEstimate?.source {
            body += "<p class=\"small\">Reference source: \(HTML.escape(source))</p>\n"
        }
        let others = report.environments.filter { $0.name != env.name }
        if !others.isEmpty {
            body += "<p class=\"small\">Other tiers: " + others.map {
                "<a href=\"\(HTML.escape(links.environment(plan, $0.name)))\">\(HTML.escape($0.name))</a>"
            }.joined(separator: " · ") + " · <a href=\"\(HTML.escape(links.plan(plan)))\">all tiers side by side</a></p>\n"
        }
        body += HTML.downloadForm(plan: plan, environment: env.name, links: links)
        body += capacity(env)
        body += lineItems(env)
        body += usageDependent(env)
        return HTML.document(title: "\(plan) · \(env.name)", links: links, snapshot: report.pricing, current: .plan,
                             crumbs: [("Plans", links.index), (plan, links.plan(plan)), (env.name, nil)],
                             schedule: env.schedule, body: body)
    }

    /// The demand and, per component with a `capacity:` block, what it needs, what it is
    /// configured with, and which figures were derived (and from what) or stated in the plan.
    private static func capacity(_ env: Report.Environment) -> String {
        let sized = env.components.filter { $0.capacity != nil }
        guard let demand = env.demand, !sized.isEmpty else { return "" }
        var out = """
            <section aria-labelledby="capacity">
            <h2 id="capacity">Capacity at today's demand</h2>
            <p class="meta">Demand: \(HTML.escape(CapacityTable.describe(demand))).</p>

            """
        if !env.warnings.isEmpty {
            out += "<div class=\"problems capacity-warnings\" role=\"note\">\n<ul>\n"
                + env.warnings.map { "<li>\(HTML.escape($0.description))</li>" }.joined(separator: "\n") + "\n</ul>\n</div>\n"
        }
        out += """
            <div class="table-wrap">
            <table class="capacity">
            <thead><tr><th scope="col">Component</th><th scope="col">Unit</th><th scope="col" class="num">At peak</th>\
            <th scope="col" class="num">At average</th><th scope="col" class="num">Range</th><th scope="col" class="num">Desired</th>\
            <th scope="col" class="num">Saturates at</th><th scope="col" class="num">Headroom</th><th scope="col">How</th></tr></thead>
            <tbody>

            """
        for component in sized {
            guard let c = component.capacity else { continue }
            let how = c.derived.map { "<li>derived: \(HTML.escape($0))</li>" } + c.explicit.map { "<li>stated: \(HTML.escape($0))</li>" }
            out += "<tr><th scope=\"row\"><a href=\"#c-\(HTML.anchor(component.id))\">\(HTML.escape(component.id))</a></th>"
                + "<td>\(HTML.escape(c.unit))</td>"
                + "<td class=\"num\">\(c.requiredAtPeak.map(CapacityTable.figure) ?? "—")</td>"
                + "<td class=\"num\">\(c.requiredAtAverage.map(CapacityTable.figure) ?? "—")</td>"
                + "<td class=\"num\">\(c.configured.map { $0.isFixed ? "\($0.min)" : "\($0.min)–\($0.max)" } ?? "—")</td>"
                + "<td class=\"num\">\(c.configured.map { "\($0.desired)" } ?? "—")</td>"
                + "<td class=\"num\">\(c.saturatesAtRPS.map { "\(CapacityTable.figure($0)) rps" } ?? c.saturatesAtWorkingSetGB.map { "\(CapacityTable.figure($0)) GB" } ?? "—")</td>"
                + "<td class=\"num\">\(c.headroom.map { "\(CapacityTable.figure(Money.rounded($0, scale: 2)))×" } ?? "—")</td>"
                + "<td>\(how.isEmpty ? "" : "<ul class=\"how\">\(how.joined())</ul>")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    /// The line items grouped by component, each group headed by the component and its subtotal.
    private static func lineItems(_ env: Report.Environment) -> String {
        var out = """
            <section aria-labelledby="items">
            <h2 id="items">Line items at desired scale</h2>
            <p class="meta">Derived rates (computed from a published rate by a documented rule) are marked \
            <span class="badge derived">derived</span>.</p>
            <div class="table-wrap">
            <table class="items">
            <thead><tr><th scope="col">Line item</th><th scope="col" class="num">Quantity</th><th scope="col">Unit</th>\
            <th scope="col" class="num">Unit price</th><th scope="col" class="num">Monthly</th><th scope="col">Effective</th>\
            <th scope="col">Rate source</th></tr></thead>

            """
        for component in env.components {
            out += "<tbody id=\"c-\(HTML.anchor(component.id))\">\n<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"4\">"
                + "<span class=\"id\">\(HTML.escape(component.id))</span> <span class=\"type\">\(HTML.escape(component.type.rawValue))</span>"
                + " <span class=\"small\">\(HTML.escape(component.service))"
                + (component.region == env.region ? "" : ", \(HTML.escape(component.region))")
                + (component.hoursPerMonth == env.hoursPerMonth ? "" : ", " + Report.Schedule(hoursPerMonth: component.hoursPerMonth).hours)
                + "</span>"
                + (component.description.map { "<span class=\"desc\">\(HTML.escape($0))</span>" } ?? "")
                + "</th>" + subtotal(component) + "<td colspan=\"2\">"
                + (component.monthly.isFlat ? "" : "<span class=\"band\">band \(HTML.band(component.monthly))</span>")
                + "</td></tr>\n"
            for item in component.items(.desired) {
                out += row(item)
            }
            for item in component.unpriced {
                out += "<tr class=\"unpriced\"><td>\(HTML.escape(item.item))</td><td class=\"num\">—</td><td></td><td class=\"num\">—</td>"
                    + "<td class=\"num unpriced\">not priced</td><td>—</td>"
                    + "<td class=\"source\">Fix: <code>\(HTML.escape(item.fix))</code></td></tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "<tfoot><tr class=\"total\"><th scope=\"row\" colspan=\"4\">Total</th>"
            + "<td class=\"num money\">\(UnpricedBox.mark(!env.complete))\(HTML.money(env.monthly.desired))</td><td colspan=\"2\"></td></tr></tfoot>\n"
        return out + "</table>\n</div>\n</section>\n"
    }

    /// A component's desired subtotal cell: "not priced" when none of its items is, marked ≥
    /// when some are not.
    private static func subtotal(_ component: Report.Component) -> String {
        if component.notPriced {
            return "<td class=\"num unpriced\">not priced</td>"
        }
        return "<td class=\"num money\">\(UnpricedBox.mark(!component.unpriced.isEmpty))\(HTML.money(component.monthly.desired))</td>"
    }

    private static func row(_ item: LineItem) -> String {
        let rate = item.rate
        let derived = rate.isDerived ? "<span class=\"badge derived\">derived</span> " : ""
        let monthly = item.monthly.map(HTML.money)
        return "<tr\(item.dependsOnUsage ? " class=\"usage\"" : "")><td>\(HTML.escape(item.name))</td>"
            + "<td class=\"num\">\(item.quantity.map(Formatting.quantity) ?? "—")</td>"
            + "<td>\(HTML.escape(item.unit))</td>"
            + "<td class=\"num money\">\(Formatting.unitPrice(item.unitPrice))</td>"
            + "<td class=\"num money\">\(monthly ?? "<em>depends on usage</em>")</td>"
            + "<td>\(rate.effectiveDate.isEmpty ? "—" : "<time>\(HTML.escape(rate.effectiveDate))</time>")</td>"
            + "<td class=\"source\">\(derived)\(HTML.escape(rate.source))"
            + "<span class=\"rate-key\">\(HTML.escape(rate.key.service)) · \(HTML.escape(rate.key.item)) · "
            + "\(HTML.escape(rate.key.region)) · per \(HTML.escape(rate.unit))</span></td></tr>\n"
    }

    /// Items left out of the total because the plan does not state their usage.
    private static func usageDependent(_ env: Report.Environment) -> String {
        let items = env.usageDependentItems
        guard !items.isEmpty else { return "" }
        let list = items.map { entry in
            "<li><span class=\"id\">\(HTML.escape(entry.component))</span> — \(HTML.escape(entry.item.name)) at "
                + "\(Formatting.unitPrice(entry.item.unitPrice)) per \(HTML.escape(entry.item.rate.unit))</li>"
        }.joined(separator: "\n")
        return """
            <section class="note" aria-labelledby="usage">
            <h2 id="usage">Depends on usage</h2>
            <p>\(items.count) item\(items.count == 1 ? " is" : "s are") not in the total: the plan does not state the usage \
            \(items.count == 1 ? "it is" : "they are") billed on. State it in the plan to price \(items.count == 1 ? "it" : "them").</p>
            <ul>
            \(list)
            </ul>
            </section>

            """
    }
}
