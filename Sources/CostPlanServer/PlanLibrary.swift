import CostPlan
import Foundation
import Hummingbird

/// The plans a site shows, loaded from plan files and folders and priced once; a plan is
/// re-read, re-priced and its pages re-rendered on the first request after its file changes
/// (checked with one `stat` per request). A plan that fails to load keeps its problems, so the
/// site shows them instead of going down.
public actor PlanLibrary {
    /// One plan file and what came of loading it.
    public struct Entry: Sendable {
        /// The file's stem: the plan's URL name (`plans/NAME.html`).
        public let name: String
        public let path: String
        let stamp: FileStamp
        public let outcome: Outcome

        /// An entry for a plan loaded outside a library (the static report).
        public init(name: String, path: String, outcome: Outcome) {
            self.init(name: name, path: path, stamp: FileStamp(seconds: 0, nanoseconds: 0, size: 0), outcome: outcome)
        }

        init(name: String, path: String, stamp: FileStamp, outcome: Outcome) {
            self.name = name
            self.path = path
            self.stamp = stamp
            self.outcome = outcome
        }
    }

    public enum Outcome: Sendable {
        case priced(Plan, Estimate, [ScaleCurve])
        /// Every problem, as the CLI prints them.
        case failed([String])
    }

    private let sources: [String]
    private let catalog: any PriceCatalog
    private var entries: [String: Entry] = [:]
    /// Rendered pages as response-ready buffers (shared, never copied per request).
    private var pages: [String: ByteBuffer] = [:]

    /// `sources` are plan files and folders (their `*.yaml`, `*.yml`, `*.json`, not recursive).
    public init(sources: [String], catalog: any PriceCatalog) {
        self.sources = sources
        self.catalog = catalog
    }

    // MARK: - Plans

    /// Every plan, rescanning the sources and reloading changed files. Sorted by name.
    public func all() -> [Entry] {
        var seen: Set<String> = []
        for path in Self.planFiles(in: sources) {
            let name = Self.planName(path)
            // The file's stem becomes a URL segment: only plain names are served.
            guard PlanParser.isIdentifier(name), seen.insert(name).inserted else { continue }
            _ = refresh(name: name, path: path)
        }
        for name in entries.keys where !seen.contains(name) { drop(name) }
        return entries.values.sorted { $0.name < $1.name }
    }

    /// The plan named `name`, reloaded if its file changed; nil when there is no such plan.
    public func entry(_ name: String) -> Entry? {
        if let known = entries[name] { return refresh(name: name, path: known.path) }
        return all().first { $0.name == name }
    }

    /// The plan `name` (reloaded if its file changed) and its cached page `key`, rendered from the
    /// entry when missing, in one call (one actor hop per request). Nil when there is no such plan
    /// or `render` has no page for it.
    public func page(of name: String, _ key: String, render: (Entry) -> String?) -> (page: ByteBuffer, entry: Entry)? {
        guard let entry = entry(name), let page = page("plan:\(entry.name)/\(key)", render: { render(entry) }) else { return nil }
        return (page, entry)
    }

    /// A cached rendered page for `key`, rendering it with `render` when missing.
    /// The cache of a plan is cleared whenever the plan reloads.
    public func page(_ key: String, render: () -> String?) -> ByteBuffer? {
        if let cached = pages[key] { return cached }
        guard let text = render() else { return nil }
        let buffer = ByteBuffer(string: text)
        pages[key] = buffer
        return buffer
    }

    /// Loads and prices one plan file (also used by `costplan report`). A charge without a rate
    /// is shown as not priced; with `strict` (`costplan report --strict`) it fails the plan instead.
    public static func load(path: String, catalog: any PriceCatalog, strict: Bool = false) -> Outcome {
        do {
            let plan = try PlanParser.parse(contentsOf: path)
            // Pages link to a plan by its name and are served by file name: the two must agree.
            guard plan.name == planName(path) else {
                return .failed(["\(path): error: name: the plan is named '\(plan.name)' but its file is named '\(planName(path))'"
                    + "\n    hint: rename the file to \(plan.name).\((path as NSString).pathExtension) (the site serves it as plans/\(plan.name).html), or change `name:`"])
            }
            let estimate = try Estimator(catalog: catalog).estimate(plan, withDemandCurves: true)
            if strict, let error = EstimateError(incomplete: estimate) { throw error }
            return .priced(plan, estimate, ScaleCurve.curves(plan: plan, estimate: estimate))
        } catch let error as PlanError {
            return .failed(error.diagnostics.map(\.description))
        } catch {
            return .failed(["\(error)"])
        }
    }

    /// The plan files among `sources` (files as given; folders' regular plan files, sorted;
    /// symbolic links skipped), scanned by `PlanFiles`.
    public static func planFiles(in sources: [String]) -> [String] {
        PlanFiles.scan(sources).files
    }

    /// `examples/muejam-library.yaml` → `muejam-library`.
    public static func planName(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    // MARK: - Private

    private func refresh(name: String, path: String) -> Entry? {
        guard let stamp = FileStamp(path: path) else {
            drop(name)
            return nil
        }
        if let known = entries[name], known.stamp == stamp, known.path == path { return known }
        drop(name)
        let entry = Entry(name: name, path: path, stamp: stamp, outcome: Self.load(path: path, catalog: catalog))
        entries[name] = entry
        return entry
    }

    private func drop(_ name: String) {
        entries[name] = nil
        pages = pages.filter { !$0.key.hasPrefix("plan:\(name)/") }
        pages["index"] = nil
    }
}
