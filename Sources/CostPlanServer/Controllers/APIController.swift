import CostPlan
import CostPlanReports
import Foundation
import Hummingbird
import NIOCore

/// The JSON API: `GET /api/plans`, `GET /api/plans/{name}` (the estimate contract),
/// `POST /api/estimate` (a plan in the body → its estimate; 400 with the error list for a bad
/// plan; 413 over 1 MiB).
struct APIController<Catalog: PriceCatalog> {
    static var maxBody: Int { 1 << 20 }

    let library: PlanLibrary
    let catalog: Catalog

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/plans") { _, _ in await plans() }
        router.get("/api/plans/:name") { _, context in await plan(context.parameters.get("name") ?? "") }
        router.post("/api/estimate") { request, _ in await estimate(request) }
        router.post("/api/diff") { request, _ in await diff(request) }
    }

    private func plans() async -> Response {
        let entries = await library.all()
        let list = JSONValue.object([
            ("pricing", EstimateJSON.pricing(catalog.snapshot)),
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

    private func plan(_ name: String) async -> Response {
        guard let entry = await library.entry(name) else {
            return .json(Self.error("no plan named '\(name)'", details: []), status: .notFound)
        }
        switch entry.outcome {
        case let .priced(_, estimate, _):
            let bytes = await library.page("plan:\(entry.name)/json") { EstimateJSON.render(estimate) }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: bytes ?? ByteBuffer()))
        case let .failed(problems):
            return .json(Self.error("the plan '\(name)' is invalid", details: problems), status: .unprocessableContent)
        }
    }

    private func estimate(_ request: Request) async -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maxBody)
        } catch {
            return .json(Self.error("the plan is larger than \(Self.maxBody) bytes", details: []), status: .contentTooLarge)
        }
        guard let text = body.getString(at: body.readerIndex, length: body.readableBytes, encoding: .utf8) else {
            return .json(Self.error("the body is not UTF-8 text", details: []), status: .badRequest)
        }
        do {
            let plan = try PlanParser.parse(text, file: "request")
            return .json(EstimateJSON.render(try Estimator(catalog: catalog).estimate(plan)))
        } catch let error as PlanError {
            return .json(Self.error("the plan is invalid", details: error.diagnostics.map(\.description),
                                    diagnostics: error.diagnostics), status: .badRequest)
        } catch let error as EstimateError {
            return .json(Self.error("rates are missing", details: error.description.split(separator: "\n").map(String.init)),
                         status: .badRequest)
        } catch {
            return .json(Self.error("\(error)", details: []), status: .internalServerError)
        }
    }

    /// `{"base": "<plan>", "head": "<plan>"}` → the diff JSON, or the PR comment Markdown when
    /// the request accepts `text/markdown`. 400 names the side that is invalid.
    private func diff(_ request: Request) async -> Response {
        var request = request
        guard let body = try? await request.collectBody(upTo: Self.maxBody) else {
            return .json(Self.error("the request is larger than \(Self.maxBody) bytes", details: []), status: .contentTooLarge)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
              let base = object["base"] as? String, let head = object["head"] as? String else {
            return .json(Self.error("expected a JSON object {\"base\": \"<plan>\", \"head\": \"<plan>\"} with both plans as strings",
                                    details: []), status: .badRequest)
        }
        do {
            let diff = try PlanDiff.between(baseText: base, headText: head, catalog: catalog)
            if request.headers[.accept]?.contains("text/markdown") == true {
                return .text(DiffMarkdown.render(diff), contentType: "text/markdown; charset=utf-8")
            }
            return .json(DiffJSON.render(diff))
        } catch let error as DiffInputError {
            return .json(Self.error("the \(error.side) plan is invalid",
                                    details: error.description.split(separator: "\n").map(String.init)), status: .badRequest)
        } catch {
            return .json(Self.error("\(error)", details: []), status: .internalServerError)
        }
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
