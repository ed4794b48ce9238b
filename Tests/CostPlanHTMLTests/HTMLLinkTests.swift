import CostPlan
import CostPlanReports
import Foundation
import Testing

/// Every relative link on every page resolves to a page of the site layout (`index.html`,
/// `plans/NAME.html`, `plans/NAME/ENV.html`, `rates.html`, `assets/costplan.css`), the same
/// whether served or opened from disk; fragments point at an id on the page.
struct HTMLLinkTests {
    /// The site of the muejam example: path → page.
    static func site() -> [String: String] {
        let estimate = MueJam.estimate
        let catalog = Golden.catalog
        var pages: [String: String] = [
            "index.html": HTMLPages.index([.init(name: estimate.planName, report: Report(estimate)),
                                           .init(name: "broken", report: nil, problems: ["broken.yaml: error"])],
                                          snapshot: estimate.pricing, links: SiteLinks(root: "")),
            "plans/muejam-library.html": HTMLPages.plan(Report(estimate), links: SiteLinks(root: "../")),
            "plans/broken.html": HTMLPages.planProblems(name: "broken", problems: ["broken.yaml: error"], links: SiteLinks(root: "../")),
            "rates.html": HTMLPages.rates(catalog.allRates, snapshot: catalog.snapshot, query: "rds", links: SiteLinks(root: "")),
            "missing/deep/page.html": HTMLPages.notFound(links: SiteLinks(root: "../../")),
        ]
        for env in estimate.environments {
            pages["plans/muejam-library/\(env.name).html"] =
                HTMLPages.environment(Report(estimate), environment: env.name, links: SiteLinks(root: "../../"))!
        }
        return pages
    }

    /// The values of every `href="…"`, `src="…"` and `action="…"` attribute, unescaped.
    static func links(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\s(?:href|src|action)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map {
            String(html[Range($0.range(at: 1), in: html)!])
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// `link` resolved against the directory of `page`, without query or fragment; nil when it
    /// climbs above the site root or is not relative.
    static func resolve(_ link: String, from page: String) -> String? {
        guard !link.contains("://"), !link.hasPrefix("/") else { return nil }
        let path = String(link.prefix { $0 != "?" && $0 != "#" })
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for segment in path.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch segment {
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            case ".", "": continue
            default: parts.append(segment.removingPercentEncoding ?? segment)
            }
        }
        return parts.joined(separator: "/")
    }

    @Test func everyRelativeLinkResolvesInTheSiteLayout() {
        let site = Self.site()
        // Plus the server's CSV download of each plan (the pages' month picker).
        let downloads = site.keys.filter { $0.hasPrefix("plans/") && $0.split(separator: "/").count == 2 }
            .map { String($0.dropLast(".html".count)) + "/costs.csv" }
        let layout = Set(site.keys).subtracting(["missing/deep/page.html"]).union(["assets/costplan.css"]).union(downloads)
        var checked = 0
        for (path, html) in site.sorted(by: { $0.key < $1.key }) {
            for link in Self.links(html) {
                if link.hasPrefix("#") {
                    #expect(html.contains("id=\"\(link.dropFirst())\""), "\(path): dangling fragment \(link)")
                    continue
                }
                let target = Self.resolve(link, from: path)
                #expect(target.map(layout.contains) == true, "\(path): \(link) resolves to \(target ?? "outside the site")")
                checked += 1
            }
        }
        #expect(checked > 40)
    }

    /// Every page links the stylesheet and the index, and the plan page each environment page.
    @Test func pagesLinkStylesheetIndexAndEnvironments() {
        let site = Self.site()
        for (path, html) in site {
            let targets = Set(Self.links(html).compactMap { Self.resolve($0, from: path) })
            #expect(targets.contains("assets/costplan.css"), "\(path)")
            #expect(targets.contains("index.html") && targets.contains("rates.html"), "\(path)")
        }
        let plan = Set(Self.links(site["plans/muejam-library.html"]!).compactMap { Self.resolve($0, from: "plans/muejam-library.html") })
        for env in ["production", "staging", "dev"] { #expect(plan.contains("plans/muejam-library/\(env).html")) }
    }

    /// With `COSTPLAN_HTML_SITE=DIR`, writes the example site there (with the stylesheet) to look
    /// at in a browser; does nothing otherwise.
    @Test func writesTheSiteWhenAsked() throws {
        guard let directory = ProcessInfo.processInfo.environment["COSTPLAN_HTML_SITE"] else { return }
        let root = URL(fileURLWithPath: directory)
        for (path, html) in Self.site() {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try html.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("assets"), withIntermediateDirectories: true)
        let css = root.appendingPathComponent("assets/costplan.css")
        try? FileManager.default.removeItem(at: css)
        try FileManager.default.copyItem(at: Golden.root.appendingPathComponent("Public/costplan.css"), to: css)
    }

    @Test func resolverHandlesRootsAndFragments() {
        #expect(Self.resolve("../../index.html", from: "plans/a/b.html") == "index.html")
        #expect(Self.resolve("../rates.html?q=x#top", from: "plans/a.html") == "rates.html")
        #expect(Self.resolve("../../../etc", from: "plans/a/b.html") == nil)
        #expect(Self.resolve("https://example.com/", from: "index.html") == nil)
    }
}
