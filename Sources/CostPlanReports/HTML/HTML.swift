import CostPlan
import Foundation

/// Where the site's pages are, relative to the page being rendered. The layout is the same for
/// the server and a static export: `index.html`, `plans/NAME.html`, `plans/NAME/ENV.html`,
/// `rates.html`, `assets/costplan.css`.
public struct SiteLinks: Sendable, Hashable {
    /// The relative prefix from the page to the site root: `""` for `index.html`, `"../"` for
    /// `plans/NAME.html`, `"../../"` for `plans/NAME/ENV.html`.
    public var root: String

    /// Links from a page whose path to the site root is `root` (e.g. `"../"`).
    public init(root: String) {
        self.root = root
    }

    var index: String { root + "index.html" }
    var rates: String { root + "rates.html" }
    var stylesheet: String { root + "assets/costplan.css" }
    func plan(_ name: String) -> String { root + "plans/" + HTML.pathSegment(name) + ".html" }
    func environment(_ plan: String, _ environment: String) -> String {
        root + "plans/" + HTML.pathSegment(plan) + "/" + HTML.pathSegment(environment) + ".html"
    }
}

/// The building blocks every page shares: escaping, the document shell, money cells.
enum HTML {
    /// Escapes `text` for HTML text, attribute values (quoted) and SVG text: `& < > " '`, and
    /// control and bidi characters as visible `\u{XX}` (`DisplayText`; line breaks and tabs
    /// are kept, they are only whitespace in HTML). Every string that comes from a plan, a rate
    /// or a request goes through here.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in DisplayText.visible(text, keepingLineBreaks: true).unicodeScalars {
            if let entity = entity(scalar) { out += entity } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The character reference for a character HTML treats specially (`& < > " '`), else nil.
    /// (Markdown comments escape with it too.)
    static func entity(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        default: nil
        }
    }

    /// `name` percent-encoded as one URL path segment (only `A-Z a-z 0-9 - . _ ~` kept).
    static func pathSegment(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// A value safe for an `id` attribute and a `#fragment`: letters, digits and `-` only.
    static func anchor(_ text: String) -> String {
        String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    /// `$1,234.57`.
    static func money(_ value: Decimal) -> String { Formatting.dollars(value) }

    /// `$121.47–$607.36`.
    static func band(_ band: Band) -> String { Formatting.band(band) }

    /// A reference estimate as `$1,190–$1,670` or `$230`.
    static func reference(_ r: ReferenceEstimate) -> String {
        r.isRange ? Formatting.range(r.low, r.high, Formatting.wholeDollars) : Formatting.wholeDollars(r.low)
    }

    /// `part` as a whole percentage of `whole` (half-up), or nil when `whole` is zero.
    static func percent(_ part: Decimal, of whole: Decimal) -> String? {
        guard !whole.isZero else { return nil }
        return Money.plain(Money.rounded(part / whole * 100, scale: 0)) + "%"
    }

    /// A complete HTML5 document: head with the stylesheet, the site navigation, `body` as the
    /// main content, and the footer naming the pricing snapshot and the hours basis: 730 hours
    /// a month, or `schedule`'s note on the page of an environment that runs other hours
    /// (`mixedSchedules` on a page whose tiers do not all run 730).
    static func document(title: String, links: SiteLinks, snapshot: PricingSnapshot?, current: Page,
                         crumbs: [(label: String, href: String?)] = [], schedule: Report.Schedule? = nil,
                         mixedSchedules: Bool = false, body: String) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · costplan</title>
            <link rel="stylesheet" href="\(escape(links.stylesheet))">
            </head>
            <body>
            <header class="site">
            <a class="brand" href="\(escape(links.index))">costplan</a>
            <nav aria-label="Site">
            <a href="\(escape(links.index))"\(current == .index ? " aria-current=\"page\"" : "")>Plans</a>
            <a href="\(escape(links.rates))"\(current == .rates ? " aria-current=\"page\"" : "")>Rates</a>
            </nav>
            </header>
            <main>

            """
        if !crumbs.isEmpty {
            let items = crumbs.map { crumb in
                crumb.href.map { "<li><a href=\"\(escape($0))\">\(escape(crumb.label))</a></li>" }
                    ?? "<li aria-current=\"page\">\(escape(crumb.label))</li>"
            }
            out += "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>\(items.joined())</ol></nav>\n"
        }
        out += body
        out += "</main>\n<footer class=\"site\">\n<p>"
        if let snapshot {
            out += "Priced with pricing snapshot <code>\(escape(snapshot.id))</code> (\(escape(snapshot.origin)), "
                + "\(Formatting.quantity(Decimal(snapshot.rateCount))) rates, newest effective date "
                + "<time>\(escape(snapshot.latestEffectiveDate))</time>). "
        } else {
            out += "No pricing snapshot on this page. "
        }
        if let note = schedule?.note {
            out += "Monthly figures are USD, on-demand list prices; free tiers are not deducted. On this page "
                + "\(escape(note)).</p>\n</footer>\n</body>\n</html>\n"
        } else {
            out += "Monthly figures are USD at \(Money.plain(Money.hoursPerMonth)) hours per month for time-billed items"
                + (mixedSchedules ? " unless a tier says otherwise" : "")
                + ", on-demand list prices; free tiers are not deducted.</p>\n</footer>\n</body>\n</html>\n"
        }
        return out
    }

    /// Which site section a page belongs to (marked in the navigation).
    enum Page { case index, plan, rates, other }
}

extension HTML {
    /// The "Download CSV" form: a month picker that asks the server for
    /// `plans/NAME/costs.csv?month=YYYY-MM` (one environment with `env`). Needs `costplan serve`.
    static func downloadForm(plan: String, environment: String?, links: SiteLinks) -> String {
        let action = "\(links.root)plans/\(pathSegment(plan))/costs.csv"
        var form = "<form class=\"download\" method=\"get\" action=\"\(escape(action))\">\n"
            + "<label>Finance CSV for the month <input type=\"month\" name=\"month\" required "
            + "pattern=\"[0-9]{4}-[0-9]{2}\" placeholder=\"2027-02\"></label>\n"
        if let environment {
            form += "<input type=\"hidden\" name=\"env\" value=\"\(escape(environment))\">\n"
        }
        return form + "<button type=\"submit\">Download CSV</button>\n"
            + "<span class=\"small\">calendar-month hours, one row per line item (served by <code>costplan serve</code>)</span>\n</form>\n"
    }
}
