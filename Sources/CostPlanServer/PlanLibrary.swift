import CostPlan
import CostPlanReports
import Foundation
import Hummingbird

/// The plans a site shows, loaded from plan files and folders and priced once; a plan is
/// re-read, re-priced and its pages re-rendered on the first request after its file changes
/// (checked with one `stat` per request) or after the server adopts a new catalog snapshot. A
/// plan that fails to load keeps its problems, so the site shows them instead of going down.
///
/// The actor only keeps the books: parsing, pricing and rendering run on the `WorkerPool`
/// while the actor serves other requests (a page being rendered for one plan never holds up
/// another plan's), and concurrent requests for the same missing page share one rendering.
/// A plan file modified less than `settleTime` ago is not adopted yet — the previous version
/// stays on show — so a file caught half-written is not served as a smaller plan.
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
        /// The plan, its estimate and the report the pages render (built once).
        case priced(Plan, Estimate, Report)
        /// Every problem, as the CLI prints them.
        case failed([String])
    }

    private let sources: [String]
    nonisolated let catalogs: CatalogProvider
    nonisolated let workers: WorkerPool
    /// Plans with more components (all environments together) are shown as a problem.
    public nonisolated let maxComponents: Int?
    /// A plan file younger than this is not adopted yet.
    public nonisolated let settleTime: Duration
    private var entries: [String: Entry] = [:]
    /// Rendered pages as response-ready buffers (shared, never copied per request).
    private var pages: [String: ByteBuffer] = [:]
    /// The snapshot `entries` and `pages` were made with.
    private var pricedWith: PricingSnapshot?
    /// Bumped when the catalog changes: no load or rendering begun before is stored.
    private var catalogVersion = 0
    /// Bumped per page scope (a plan's name, `index`, `rates`) when its pages are dropped: a
    /// rendering of that scope begun before is not stored.
    private var scopeVersions: [String: Int] = [:]
    /// Loads and renderings under way, shared by the requests that need the same one.
    private var running: [String: Task<Sendable?, any Error>] = [:]

    /// `sources` are plan files and folders (their `*.yaml`, `*.yml`, `*.json`, not recursive).
    public init(sources: [String], catalog: any PriceCatalog) {
        self.init(sources: sources, catalogs: CatalogProvider(catalog), workers: WorkerPool())
    }

    /// A library pricing with `catalogs.current` and working on `workers`.
    public init(sources: [String], catalogs: CatalogProvider, workers: WorkerPool,
                maxComponents: Int? = nil, settleTime: Duration = .milliseconds(100)) {
        self.sources = sources
        self.catalogs = catalogs
        self.workers = workers
        self.maxComponents = maxComponents
        self.settleTime = settleTime
    }

    // MARK: - Plans

    /// Every plan, rescanning the sources and reloading changed files. Sorted by name.
    /// Throws `WorkerPool.Busy` when a plan must be loaded and the pool is full.
    public func all() async throws -> [Entry] {
        followCatalog()
        var seen: [String: String] = [:]
        for path in Self.planFiles(in: sources) {
            let name = Self.planName(path)
            // The file's stem becomes a URL segment: only plain names are served.
            guard PlanParser.isIdentifier(name), seen[name] == nil else { continue }
            seen[name] = path
        }
        for name in entries.keys where seen[name] == nil { drop(name) }
        for (name, path) in seen { _ = try await refresh(name: name, path: path) }
        return entries.values.sorted { $0.name < $1.name }
    }

    /// The plan named `name`, reloaded if its file changed; nil when there is no such plan.
    public func entry(_ name: String) async throws -> Entry? {
        followCatalog()
        if let known = entries[name] { return try await refresh(name: name, path: known.path) }
        return try await all().first { $0.name == name }
    }

    /// The plan `name` (reloaded if its file changed) and its cached page `key`, rendered from the
    /// entry when missing. Nil when there is no such plan or `render` has no page for it.
    public func page(of name: String, _ key: String, render: @escaping @Sendable (Entry) -> String?) async throws
        -> (page: ByteBuffer, entry: Entry)? {
        guard let entry = try await entry(name),
              let page = try await page("plan:\(entry.name)/\(key)", render: { render(entry) }) else { return nil }
        return (page, entry)
    }

    /// A cached rendered page for `key`, rendered on the worker pool with `render` when missing.
    /// The cache of a plan is cleared whenever the plan reloads.
    public func page(_ key: String, render: @escaping @Sendable () -> String?) async throws -> ByteBuffer? {
        followCatalog()
        if let cached = pages[key] { return cached }
        let started = version(of: key)
        let rendered = try await shared("page:\(key)#\(started)") { render().map { ByteBuffer(string: $0) } } as? ByteBuffer
        if let rendered, version(of: key) == started { pages[key] = rendered }
        return rendered
    }

    /// The catalog the library prices with now.
    public nonisolated var catalog: any PriceCatalog { catalogs.current }

    /// The catalog snapshot the library prices with now.
    public nonisolated var snapshot: PricingSnapshot { catalogs.current.snapshot }

    /// Loads and prices one plan file (also used by `costplan report`). A charge without a rate
    /// is shown as not priced; with `strict` (`costplan report --strict`) it fails the plan instead.
    /// A plan with more than `maxComponents` components (all environments together) is not priced.
    public static func load(path: String, catalog: any PriceCatalog, strict: Bool = false, maxComponents: Int? = nil) -> Outcome {
        do {
            let plan = try PlanParser.parse(contentsOf: path)
            if let maxComponents, let problem = componentLimitProblem(plan, limit: maxComponents, file: path) {
                return .failed([problem])
            }
            // Pages link to a plan by its name and are served by file name: the two must agree.
            guard plan.name == planName(path) else {
                return .failed(["\(path): error: name: the plan is named '\(plan.name)' but its file is named '\(planName(path))'"
                    + "\n    hint: rename the file to \(plan.name).\((path as NSString).pathExtension) (the site serves it as plans/\(plan.name).html), or change `name:`"])
            }
            let estimate = try Estimator(catalog: catalog).estimate(plan, withDemandCurves: true)
            if strict, let error = EstimateError(incomplete: estimate) { throw error }
            return .priced(plan, estimate, Report(estimate))
        } catch let error as PlanError {
            return .failed(error.diagnostics.map(\.description))
        } catch {
            return .failed(["\(error)"])
        }
    }

    /// The CLI-style error for a plan over the server's component limit, or nil.
    static func componentLimitProblem(_ plan: Plan, limit: Int, file: String) -> String? {
        let count = plan.environments.reduce(0) { $0 + $1.components.count }
        guard count > limit else { return nil }
        return "\(file): error: the plan has \(count) components (all environments together); the server prices at most \(limit) per plan"
            + "\n    hint: price it with `costplan estimate \(file)`, split it into several plans, or start the server with a higher --max-components"
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

    /// Drops every plan and page when the server has adopted another catalog snapshot.
    private func followCatalog() {
        let current = catalogs.current.snapshot
        guard current != pricedWith else { return }
        if pricedWith != nil {
            entries = [:]
            pages = [:]
            catalogVersion += 1
        }
        pricedWith = current
    }

    private func refresh(name: String, path: String) async throws -> Entry? {
        guard var stamp = FileStamp(path: path) else {
            drop(name)
            return nil
        }
        let known = entries[name]
        if let known, known.stamp == stamp, known.path == path { return known }
        if let wait = stamp.settling(for: settleTime) {
            // Possibly half-written: keep showing the previous version, or wait for a first one.
            if let known, known.path == path { return known }
            try await Task.sleep(for: wait)
            guard let settled = FileStamp(path: path) else { return nil }
            stamp = settled
        }
        let started = catalogVersion
        let catalog = catalogs.current
        let maxComponents = maxComponents
        guard let outcome = try await shared("load:\(path)#\(stamp)#\(started)", {
            Self.load(path: path, catalog: catalog, maxComponents: maxComponents)
        }) as? Outcome else { return nil }
        let entry = Entry(name: name, path: path, stamp: stamp, outcome: outcome)
        if catalogVersion == started, catalog.snapshot == catalogs.current.snapshot, entries[name]?.stamp != stamp {
            drop(name)
            entries[name] = entry
        }
        return entry
    }

    /// Runs `work` on the worker pool, or waits for the same work already running under `key`.
    private func shared(_ key: String, _ work: @escaping @Sendable () -> Sendable?) async throws -> Sendable? {
        if let task = running[key] { return try await task.value }
        let workers = workers
        let task = Task<Sendable?, any Error> { try await workers.run(work) }
        running[key] = task
        defer { running[key] = nil }
        return try await task.value
    }

    /// The version a page under `key` is rendered at: the catalog's and its scope's.
    private func version(of key: String) -> [Int] {
        let scope = key.hasPrefix("plan:") ? String(key.dropFirst(5).prefix { $0 != "/" }) : key
        return [catalogVersion, scopeVersions[scope] ?? 0]
    }

    private func drop(_ name: String) {
        scopeVersions[name, default: 0] += 1
        scopeVersions["index", default: 0] += 1
        entries[name] = nil
        pages = pages.filter { !$0.key.hasPrefix("plan:\(name)/") }
        pages["index"] = nil
    }
}
