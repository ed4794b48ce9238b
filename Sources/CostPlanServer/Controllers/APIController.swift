import CostPlan
import CostPlanReports
import Foundation
import Hummingbird
import NIOCore

/// The JSON API: `GET /api/plans`, `GET /api/plans/{name}` (the estimate contract),
/// `POST /api/estimate` (a plan in the body → its estimate; 400 with the error list for a bad
/// plan; 413 over 1 MiB or over the component limit; 415 for a body that is not declared JSON
/// or YAML) and `POST /api/diff`. Parsing, pricing and rendering run on the worker pool; when it
/// is full the answer is 503 with `Retry-After`.
struct APIController {
    static var maxBody: Int { 1 << 20 }
    /// The media types `POST /api/estimate` takes (a plan is JSON or YAML).
    static let planMediaTypes: Set<String> = ["application/json", "application/yaml", "text/yaml", "application/x-yaml"]

    let library: PlanLibrary
    let catalogs: CatalogProvider
    let workers: WorkerPool
    /// The most components a posted plan (each side of a diff) may have.
    let maxComponents: Int?

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/plans") { _, _ in await plans() }
        router.get("/api/plans/:name") { _, context in await plan(context.parameters.get("name") ?? "") }
        router.post("/api/estimate") { request, _ in await estimate(request) }
        router.post("/api/diff") { request, _ in await diff(request) }
    }

    private func plans() async -> Response {
        await answer {
            let entries = try await library.all()
            let list = JSONValue.object([
                ("pricing", EstimateJSON.pricing(library.snapshot)),
                ("plans", .array(entries.map { entry in
                    switch entry.outcome {
                    case let .priced(_, estimate, _):
                        .object([("name", .string(entry.name)), ("valid", .bool(true)),
                                 ("environments", .array(estimate.environments.map { env in
                                     .object([("name", .string(env.name)), ("monthly", EstimateJSON.band(env.monthly))])
                                 }))])
                    case let .failed(problems):
                        .object([("name", .string(entry.name)), ("valid", .bool(false)), ("errors", .array(problems.map(JSONValue.string)))])
                    }
                })),
            ])
            return .json(list.rendered())
        }
    }

    private func plan(_ name: String) async -> Response {
        await answer {
            guard let entry = try await library.entry(name) else {
                return .json(Self.error("no plan named '\(name)'", details: []), status: .notFound)
            }
            switch entry.outcome {
            case let .priced(_, _, report):
                let bytes = try await library.page("plan:\(entry.name)/json") { EstimateJSON.render(report) }
                return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                                body: .init(byteBuffer: bytes ?? ByteBuffer()))
            case let .failed(problems):
                return .json(Self.error("the plan '\(name)' is invalid", details: problems), status: .unprocessableContent)
            }
        }
    }

    private func estimate(_ request: Request) async -> Response {
        if let refusal = Self.refuseMediaType(request, accepted: Self.planMediaTypes) { return refusal }
        var request = request
        let body: ByteBuffer
        switch await Self.collect(&request) {
        case let .body(collected): body = collected
        case let .refused(response): return response
        }
        guard let text = body.getString(at: body.readerIndex, length: body.readableBytes, encoding: .utf8) else {
            return .json(Self.error("the body is not UTF-8 text", details: []), status: .badRequest)
        }
        let (catalog, maxComponents) = (catalogs.current, maxComponents)
        return await answer {
            try await workers.run {
                do {
                    let plan = try PlanParser.parse(text, file: "request")
                    if let maxComponents, let problem = PlanLibrary.componentLimitProblem(plan, limit: maxComponents, file: "request") {
                        return .json(Self.error("the plan has too many components for the server", details: problem.components(separatedBy: "\n")),
                                     status: .contentTooLarge)
                    }
                    return .json(EstimateJSON.render(Report(try Estimator(catalog: catalog).estimate(plan))))
                } catch let error as PlanError {
                    return .json(Self.error("the plan is invalid", details: error.diagnostics.map(\.description),
                                            diagnostics: error.diagnostics), status: .badRequest)
                } catch let error as EstimateError {
                    return .json(Self.error("rates are missing", details: error.description.split(separator: "\n").map(String.init)),
                                 status: .badRequest)
                }
            }
        }
    }

    /// `{"base": "<plan>", "head": "<plan>"}` → the diff JSON, or the PR comment Markdown when
    /// the request accepts `text/markdown`. 400 names the side that is invalid.
    private func diff(_ request: Request) async -> Response {
        if let refusal = Self.refuseMediaType(request, accepted: ["application/json"]) { return refusal }
        var request = request
        let body: ByteBuffer
        switch await Self.collect(&request) {
        case let .body(collected): body = collected
        case let .refused(response): return response
        }
        let markdown = request.headers[.accept]?.contains("text/markdown") == true
        let (catalog, maxComponents) = (catalogs.current, maxComponents)
        return await answer {
            try await workers.run {
                guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
                      let base = object["base"] as? String, let head = object["head"] as? String else {
                    return .json(Self.error("expected a JSON object {\"base\": \"<plan>\", \"head\": \"<plan>\"} with both plans as strings",
                                            details: []), status: .badRequest)
                }
                do {
                    let plans = try [(base, DiffSide.base), (head, .head)].map { text, side in
                        do { return try PlanParser.parse(text, file: side.rawValue) } catch {
                            throw DiffInputError(side: side, file: side.rawValue, underlying: error)
                        }
                    }
                    for (plan, side) in zip(plans, ["base", "head"]) {
                        if let maxComponents, let problem = PlanLibrary.componentLimitProblem(plan, limit: maxComponents, file: side) {
                            return .json(Self.error("the \(side) plan has too many components for the server",
                                                    details: problem.components(separatedBy: "\n")), status: .contentTooLarge)
                        }
                    }
                    let diff = try PlanDiff.between(plans[0], plans[1], catalog: catalog)
                    if markdown {
                        return .text(DiffMarkdown.render(diff), contentType: "text/markdown; charset=utf-8")
                    }
                    return .json(DiffJSON.render(diff))
                } catch let error as DiffInputError {
                    return .json(Self.error("the \(error.side) plan is invalid",
                                            details: error.description.split(separator: "\n").map(String.init)), status: .badRequest)
                }
            }
        }
    }

    /// The response `work` makes; 503 with `Retry-After` when the worker pool is full, 500 for
    /// an unexpected error.
    private func answer(_ work: () async throws -> Response) async -> Response {
        do {
            return try await work()
        } catch let busy as WorkerPool.Busy {
            return Self.busy(busy)
        } catch {
            return .json(Self.error("\(error)", details: []), status: .internalServerError)
        }
    }

    /// 503 with `Retry-After: 1` and the reason.
    static func busy(_ busy: WorkerPool.Busy) -> Response {
        var response = Response.json(Self.error(busy.description, details: []), status: .serviceUnavailable)
        response.headers[.retryAfter] = "1"
        return response
    }

    /// 415 unless the request's `Content-Type` (without parameters) is one of `accepted`.
    /// Browsers' cross-site forms can only send form and plain-text bodies, so this also keeps
    /// other sites from posting to the API.
    static func refuseMediaType(_ request: Request, accepted: Set<String>) -> Response? {
        let declared = request.headers[.contentType]
        let mediaType = declared?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let mediaType, accepted.contains(mediaType) { return nil }
        let what = declared.map { "the Content-Type '\($0)' is not accepted" } ?? "the request has no Content-Type"
        return .json(Self.error("\(what); send the body as \(accepted.sorted().joined(separator: ", "))", details: []),
                     status: .unsupportedMediaType)
    }

    /// The whole body, or the error response: 413 over `maxBody`, 400 when the body cannot be
    /// read (e.g. malformed chunked encoding).
    static func collect(_ request: inout Request) async -> Collected {
        do {
            return .body(try await request.collectBody(upTo: maxBody))
        } catch is NIOTooManyBytesError {
            return .refused(.json(Self.error("the request body is larger than \(maxBody) bytes", details: []), status: .contentTooLarge))
        } catch {
            return .refused(.json(Self.error("the request body could not be read: \(error)", details: []), status: .badRequest))
        }
    }

    /// A request body, or the response refusing it.
    enum Collected {
        case body(ByteBuffer)
        case refused(Response)
    }

    /// `{"error": message, "errors": [the CLI's lines], "diagnostics": [{path, line, message, hint}]}`.
    static func error(_ message: String, details: [String], diagnostics: [Diagnostic] = []) -> String {
        JSONValue.object([
            ("error", .string(message)),
            ("errors", .array(details.map(JSONValue.string))),
            ("diagnostics", .array(diagnostics.map { d in
                .object([("path", .string(d.path)), ("line", d.line.map { .number("\($0)") } ?? .null),
                         ("message", .string(d.message)), ("hint", d.hint.map(JSONValue.string) ?? .null)])
            })),
        ]).rendered()
    }
}
