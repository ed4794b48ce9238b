import CostPlan
import CostPlanReports
import Hummingbird

/// A failed API request: its status and the JSON error body (`{"error", "errors", "diagnostics"}`).
/// `init(_:)` is the one place domain errors become HTTP statuses; `APIErrorMiddleware` applies
/// it to everything an API route throws.
struct APIError: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    /// The CLI's lines for the problem.
    var details: [String] = []
    var diagnostics: [Diagnostic] = []
    /// `Retry-After` (seconds), for 503.
    var retryAfter: String?

    init(status: HTTPResponse.Status, message: String, details: [String] = [], diagnostics: [Diagnostic] = [], retryAfter: String? = nil) {
        self.status = status
        self.message = message
        self.details = details
        self.diagnostics = diagnostics
        self.retryAfter = retryAfter
    }

    /// The status and body for `error`: bad input 400 (naming the plan, or the diff side, that is
    /// invalid, cannot be read or cannot be priced), a full worker pool 503, anything else 500.
    init(_ error: any Error) {
        func lines(_ error: any Error) -> [String] { "\(error)".split(separator: "\n").map(String.init) }
        switch error {
        case let error as APIError:
            self = error
        case let busy as WorkerPool.Busy:
            self.init(status: .serviceUnavailable, message: busy.description, retryAfter: "1")
        case let error as PlanError:
            self.init(status: .badRequest, message: "the plan is invalid", details: error.diagnostics.map(\.description),
                      diagnostics: error.diagnostics)
        case let error as EstimateError:
            self.init(status: .badRequest, message: "rates are missing", details: lines(error))
        case let error as DiffInputError:
            self.init(status: .badRequest, message: "the \(error.side) plan is invalid", details: lines(error))
        case is TerraformPlanError, is PlanReadError, is UsageFileError:
            self.init(status: .badRequest, message: "the plan cannot be read", details: lines(error))
        default:
            self.init(status: .internalServerError, message: "\(error)")
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = Response.json(APIController.error(message, details: details, diagnostics: diagnostics), status: status)
        if let retryAfter { response.headers[.retryAfter] = retryAfter }
        return response
    }
}

/// Answers every error an API route throws with `APIError(error)`'s response, inside the global
/// middleware (so the security headers and the request log see it as any other response).
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try APIError(error).response(from: request, context: context)
        }
    }
}
