import CostPlan
import CostPlanReports
import Foundation
import Hummingbird
import NIOCore

/// The JSON API: `GET /api/plans`, `GET /api/plans/{name}` (the estimate contract),
/// `POST /api/estimate` (a plan or a Terraform plan JSON in the body → its estimate; 400 with the
/// error list for a bad plan; 413 over 1 MiB or over the component limit; 415 for a body that is
/// not declared JSON or YAML) and `POST /api/diff`. Parsing, pricing and rendering run on the
/// worker pool; when it is full the answer is 503 with `Retry-After`. Errors are thrown and
/// answered by `APIErrorMiddleware` (statuses: `APIError.init(_:)`).
struct APIController {
    static var maxBody: Int { 1 << 20 }
    /// The media types `POST /api/estimate` takes (a plan is JSON or YAML; a Terraform plan is JSON).
    static let planMediaTypes: Set<String> = ["application/json", "application/yaml", "text/yaml", "application/x-yaml"]

    let library: PlanLibrary
    let catalogs: CatalogProvider
    let workers: WorkerPool
    /// The most components a posted plan (each side of a diff) may have.
    let maxComponents: Int?

    func addRoutes(to router: Router<BasicRequestContext>) {
        let api = router.group("api").add(middleware: APIErrorMiddleware())
        api.get("plans") { _, _ in try await plans() }
        api.get("plans/:name") { _, context in try await plan(context.parameters.get("name") ?? "") }
        api.post("estimate") { request, _ in try await estimate(request) }
        api.post("diff") { request, _ in try await diff(request) }
    }

    private func plans() async throws -> Response {
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

    private func plan(_ name: String) async throws -> Response {
        guard let entry = try await library.entry(name) else {
            throw APIError(status: .notFound, message: "no plan named '\(name)'")
        }
        switch entry.outcome {
        case let .priced(_, _, report):
            let bytes = try await library.page("plan:\(entry.name)/json") { EstimateJSON.render(report) }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: bytes ?? ByteBuffer()))
        case let .failed(problems):
            throw APIError(status: .unprocessableContent, message: "the plan '\(name)' is invalid", details: problems)
        }
    }

    /// A plan file (YAML or JSON) or a Terraform plan JSON (`terraform show -json`, priced after
    /// apply, with its Terraform notes) → the estimate JSON.
    private func estimate(_ request: Request) async throws -> Response {
        try Self.requireMediaType(request, accepted: Self.planMediaTypes)
        var request = request
        let text = try await Self.text(of: &request)
        let (catalog, maxComponents) = (catalogs.current, maxComponents)
        return try await workers.run {
            let input = try PlanInput.load(.text(text, name: "request"), options: Self.terraformOptions)
            try Self.checkSize(input.plan, limit: maxComponents, side: nil)
            let report = Report(try Estimator(catalog: catalog).estimate(input.plan))
            guard let terraform = input.terraform else { return .json(EstimateJSON.render(report)) }
            return .json(TerraformNotes.adding(TerraformNotes.json(terraform), to: EstimateJSON.document(report)).rendered())
        }
    }

    /// `{"base": "<plan>", "head": "<plan>"}` → the diff JSON, or the PR comment Markdown when
    /// the request accepts `text/markdown`. Either side may be a Terraform plan JSON; a Terraform
    /// plan alone as `base` (no `head`) compares its state before and after apply, as
    /// `costplan diff plan.json` does. 400 names the side that is invalid.
    private func diff(_ request: Request) async throws -> Response {
        try Self.requireMediaType(request, accepted: ["application/json"])
        var request = request
        let body = try await Self.collect(&request)
        let markdown = request.headers[.accept]?.contains("text/markdown") == true
        let (catalog, maxComponents) = (catalogs.current, maxComponents)
        return try await workers.run {
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
            guard let base = object?["base"] as? String, object?["head"] == nil || object?["head"] is String else {
                throw APIError(status: .badRequest,
                               message: "expected a JSON object {\"base\": \"<plan>\", \"head\": \"<plan>\"} with both plans as strings")
            }
            let head = object?["head"] as? String
            let sides = [(base, DiffSide.base, head == nil ? TerraformSide.before : .after), (head ?? base, .head, .after)]
            let inputs = try sides.map { text, side, state in
                do { return try PlanInput.load(.text(text, name: side.rawValue), side: state, options: Self.terraformOptions) } catch {
                    throw DiffInputError(side: side, file: side.rawValue, underlying: error)
                }
            }
            for (input, side) in zip(inputs, ["base", "head"]) { try Self.checkSize(input.plan, limit: maxComponents, side: side) }
            let diff = try ReportDiff.between(inputs[0].plan, inputs[1].plan, catalog: catalog)
            let notes = inputs[1].terraform.map { TerraformDiffNotes(head: $0, base: inputs[0].terraform) }
            if markdown {
                let text = notes?.markdown(diff, violations: []) ?? DiffMarkdown.render(diff)
                return .text(text, contentType: "text/markdown; charset=utf-8")
            }
            return .json(notes?.json(diff, violations: []).rendered() ?? DiffJSON.render(diff))
        }
    }

    /// Terraform plans posted to the API: the default workspace, no usage file, priced today.
    static var terraformOptions: TerraformInputOptions { TerraformInputOptions(workspace: "default") }

    /// 413 when `plan` has more components than the server prices (`side`: which side of a diff).
    static func checkSize(_ plan: Plan, limit: Int?, side: String?) throws {
        guard let limit, let problem = PlanLibrary.componentLimitProblem(plan, limit: limit, file: side ?? "request") else { return }
        throw APIError(status: .contentTooLarge, message: "the \(side.map { "\($0) " } ?? "")plan has too many components for the server",
                       details: problem.components(separatedBy: "\n"))
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
    static func requireMediaType(_ request: Request, accepted: Set<String>) throws {
        let declared = request.headers[.contentType]
        let mediaType = declared?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let mediaType, accepted.contains(mediaType) { return }
        let what = declared.map { "the Content-Type '\($0)' is not accepted" } ?? "the request has no Content-Type"
        throw APIError(status: .unsupportedMediaType, message: "\(what); send the body as \(accepted.sorted().joined(separator: ", "))")
    }

    /// The whole body; 413 over `maxBody`, 400 when the body cannot be read (e.g. malformed
    /// chunked encoding).
    static func collect(_ request: inout Request) async throws -> ByteBuffer {
        do {
            return try await request.collectBody(upTo: maxBody)
        } catch is NIOTooManyBytesError {
            throw APIError(status: .contentTooLarge, message: "the request body is larger than \(maxBody) bytes")
        } catch {
            throw APIError(status: .badRequest, message: "the request body could not be read: \(error)")
        }
    }

    /// The whole body as UTF-8 text (400 when it is not).
    static func text(of request: inout Request) async throws -> String {
        let body = try await collect(&request)
        guard let text = body.getString(at: body.readerIndex, length: body.readableBytes, encoding: .utf8) else {
            throw APIError(status: .badRequest, message: "the body is not UTF-8 text")
        }
        return text
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
