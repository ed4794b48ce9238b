import CostPlan
import CostPlanReports
import Foundation

/// The report site as files: the same pages the server shows, with relative links, so the
/// folder opens from disk (`file://`) or any static host. Layout: `index.html`,
/// `plans/NAME.html`, `plans/NAME/ENV.html`, `rates.html`, `assets/` (from `Public/`).
public enum StaticSite {
    /// Every page of the site: relative path → HTML.
    public static func pages(_ entries: [PlanLibrary.Entry], catalog: any PriceCatalog) -> [(path: String, html: String)] {
        var pages: [(String, String)] = [
            ("index.html", HTMLPages.index(indexEntries(entries), snapshot: catalog.snapshot, links: SiteLinks(root: ""))),
            ("rates.html", HTMLPages.rates(catalog.allRates, snapshot: catalog.snapshot, query: nil, links: SiteLinks(root: ""))),
        ]
        for entry in entries {
            switch entry.outcome {
            case let .priced(_, _, report):
                pages.append(("plans/\(entry.name).html", HTMLPages.plan(report, links: SiteLinks(root: "../"))))
                for env in report.environments {
                    if let html = HTMLPages.environment(report, environment: env.name, links: SiteLinks(root: "../../")) {
                        pages.append(("plans/\(entry.name)/\(env.name).html", html))
                    }
                }
            case let .failed(problems):
                pages.append(("plans/\(entry.name).html", HTMLPages.planProblems(name: entry.name, problems: problems, links: SiteLinks(root: "../"),
                                                                    snapshot: catalog.snapshot)))
            }
        }
        return pages
    }

    /// The index rows for `entries`.
    static func indexEntries(_ entries: [PlanLibrary.Entry]) -> [HTMLPages.IndexEntry] {
        entries.map { entry in
            switch entry.outcome {
            case let .priced(_, _, report): HTMLPages.IndexEntry(name: entry.name, report: report, problems: [])
            case let .failed(problems): HTMLPages.IndexEntry(name: entry.name, report: nil, problems: problems)
            }
        }
    }

    /// Writes the site into `output`, replacing it whole: pages and assets go to a sibling
    /// temporary folder first, which is then renamed into place, so a failure leaves the
    /// previous report as it was. `assets` is copied to `assets/`; when there is no such folder
    /// (a copied binary run outside the repository) `stylesheet`, the built-in one, is written as
    /// `assets/costplan.css`.
    public static func write(_ pages: [(path: String, html: String)], assets: URL, stylesheet: String? = nil,
                             to output: URL) throws {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).tmp-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: staging) }
        for (path, html) in pages {
            let url = staging.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: url)
        }
        var isFolder: ObjCBool = false
        if let stylesheet, !(fileManager.fileExists(atPath: assets.path, isDirectory: &isFolder) && isFolder.boolValue) {
            let folder = staging.appendingPathComponent("assets")
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(stylesheet.utf8).write(to: folder.appendingPathComponent("costplan.css"))
        } else {
            try fileManager.copyItem(at: assets, to: staging.appendingPathComponent("assets"))
        }
        if fileManager.fileExists(atPath: output.path) {
            let old = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(UUID().uuidString)")
            try fileManager.moveItem(at: output, to: old)
            do { try fileManager.moveItem(at: staging, to: output) } catch {
                try? fileManager.moveItem(at: old, to: output)
                throw error
            }
            try? fileManager.removeItem(at: old)
        } else {
            try fileManager.moveItem(at: staging, to: output)
        }
    }
}
