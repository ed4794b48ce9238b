import CostPlan
import CostPlanReports
import Foundation
import Hummingbird

/// The HTML pages, rendered once per plan version and catalog snapshot and served from memory:
/// `/`, `/index.html`, `/plans/NAME.html`, `/plans/NAME/ENV.html`, `/rates.html`. Rendering
/// runs on the worker pool (503 with `Retry-After` when it is full).
struct PagesController {
    let library: PlanLibrary
    let workers: WorkerPool
    /// Where served pages are kept for `CachedPageResponder` (stored under their canonical path).
    let cache: PageCache

    func addRoutes(to router: Router<BasicRequestContext>) {
        for method in [HTTPRequest.Method.get, .head] {
            router.on("/", method: method) { _, _ in await index() }
            router.on("/index.html", method: method) { _, _ in await index() }
            router.on("/rates.html", method: method) { request, _ in await rates(request) }
            router.on("/plans/:plan", method: method) { _, context in await plan(context.parameters.get("plan") ?? "") }
            router.on("/plans/:plan/:file", method: method) { request, context in
                let name = context.parameters.get("plan") ?? "", file = context.parameters.get("file") ?? ""
                if file == "costs.csv" {   // the pages' month picker: ?month=YYYY-MM[&env=NAME]
                    let month = request.uri.queryParameters.get("month") ?? ""
                    return await costs(plan: name, month: month, environment: request.uri.queryParameters.get("env"))
                }
                if file.hasPrefix("costs-"), file.hasSuffix(".csv") {
                    return await costs(plan: name, month: String(file.dropFirst("costs-".count).dropLast(".csv".count)),
                                       environment: request.uri.queryParameters.get("env"))
                }
                return await environment(plan: name, file: file)
            }
        }
    }

    private func index() async -> Response {
        await answer {
            let entries = try await library.all()
            let snapshot = library.snapshot
            let bytes = try await library.page("index") {
                HTMLPages.index(StaticSite.indexEntries(entries), snapshot: snapshot, links: SiteLinks(root: ""))
            }
            return .html(bytes ?? ByteBuffer())
        }
    }

    private func rates(_ request: Request) async -> Response {
        let query = request.uri.queryParameters.get("q").flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
        return await answer {
            let catalog = library.catalog
            let render: @Sendable () -> String = {
                HTMLPages.rates(catalog.allRates, snapshot: catalog.snapshot, query: query, links: SiteLinks(root: ""))
            }
            guard query == nil else { return .html(try await workers.run(render)) }
            guard let page = try await library.page("rates", render: render) else { return notFound(root: "") }
            cache.store(page, for: "/rates.html", source: nil, snapshotID: catalog.snapshot.id)
            return .html(page)
        }
    }

    private func plan(_ file: String) async -> Response {
        guard file.hasSuffix(".html") else { return notFound(root: "../") }
        return await answer {
            let snapshot = library.snapshot
            let served = try await library.page(of: String(file.dropLast(5)), "plan") { entry in
                switch entry.outcome {
                case let .priced(_, _, report): HTMLPages.plan(report, links: SiteLinks(root: "../"))
                case let .failed(problems):
                    HTMLPages.planProblems(name: entry.name, problems: problems, links: SiteLinks(root: "../"), snapshot: snapshot)
                }
            }
            return cached(served, at: "/plans/\(file)", snapshot: snapshot) ?? notFound(root: "../")
        }
    }

    private func environment(plan name: String, file: String) async -> Response {
        guard file.hasSuffix(".html") else { return notFound(root: "../../") }
        let env = String(file.dropLast(5))
        return await answer {
            let snapshot = library.snapshot
            let served = try await library.page(of: name, "env/\(env)") { entry in
                guard case let .priced(_, _, report) = entry.outcome else { return nil }
                return HTMLPages.environment(report, environment: env, links: SiteLinks(root: "../../"))
            }
            return cached(served, at: "/plans/\(name)/\(file)", snapshot: snapshot) ?? notFound(root: "../../")
        }
    }

    /// The response for a plan's page, which is also stored in `cache` under `path`.
    private func cached(_ served: (page: ByteBuffer, entry: PlanLibrary.Entry)?, at path: String, snapshot: PricingSnapshot) -> Response? {
        guard let (page, entry) = served else { return nil }
        cache.store(page, for: path, source: (entry.path, entry.stamp), snapshotID: snapshot.id)
        return .html(page)
    }

    /// The response `work` makes; 503 with `Retry-After` when the worker pool is full.
    private func answer(_ work: () async throws -> Response) async -> Response {
        do {
            return try await work()
        } catch let busy as WorkerPool.Busy {
            return APIController.busy(busy)
        } catch {
            return .text("costplan: error: \(error)\n", status: .internalServerError)
        }
    }

    /// `costs-YYYY-MM.csv` (or `costs.csv?month=YYYY-MM`): the finance CSV of one calendar month
    /// (desired scenario; one environment with `env`), as a download.
    private func costs(plan name: String, month monthText: String, environment: String?) async -> Response {
        await answer {
            guard let entry = try await library.entry(name), case let .priced(_, _, report) = entry.outcome else {
                return notFound(root: "../../")
            }
            return try await workers.run {
                do {
                    let month = try CalendarMonth(parsing: monthText)
                    let csv = try CostsCSV.render(report, options: CostsCSV.Options(
                        start: month, environments: environment.map { [$0] } ?? []))
                    return Response(status: .ok, headers: [
                        .contentType: "text/csv; charset=utf-8",
                        .contentDisposition: "attachment; filename=\"\(entry.name)\(environment.map { "-\($0)" } ?? "")-costs-\(month).csv\"",
                    ], body: .init(byteBuffer: ByteBuffer(string: csv)))
                } catch {
                    return .text("cannot make the CSV: \(error) (months are YYYY-MM, e.g. costs-2027-02.csv)\n", status: .badRequest)
                }
            }
        }
    }

    private func notFound(root: String) -> Response {
        .html(HTMLPages.notFound(links: SiteLinks(root: root), snapshot: library.snapshot), status: .notFound)
    }
}
