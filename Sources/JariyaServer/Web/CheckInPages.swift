import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaStore

/// Self check-in: the room's QR code opens `/checkin?session=ID&code=CODE`
/// on the officer's phone; the code can be typed too.
struct CheckInPages {
    /// The quiz engine, for its clock, database and parsed courses.
    let engine: QuizEngine
    /// Renders pages.
    let renderer: WebRenderer

    private var database: AppDatabase { engine.database }

    /// Registers the routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("checkin", use: checkInForm)
        group.post("checkin", use: checkIn)
    }

    /// The check-in form and its outcome.
    struct CheckInContent: Sendable {
        var sessions: [SessionOption]
        var code: String
        var message: String?
        var error: String?
        var completed: Bool
    }

    /// A session open for check-in now.
    struct SessionOption: Sendable {
        var id: Int64
        var label: String
        var selected: Bool
    }

    /// `GET /checkin?session=ID&code=CODE`: what the room's QR code opens.
    @Sendable func checkInForm(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireRole([.officer])
        let query = request.uri.queryParameters
        let content = try checkInContent(user: user, selected: try request.query("session", in: 1...Int.max).map(Int64.init),
                                         code: query["code"].map(String.init) ?? "")
        return try renderer.page("checkin", title: "checkIn", content, request: request, context: context)
    }

    /// `POST /checkin`: the officer's own check-in, judged by the same rules as the API's.
    @Sendable func checkIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole([.officer])
        let words = WebText.words(context.language)
        guard let id = context.form["session"].flatMap({ Int64($0) }) else { throw HTTPError(.badRequest, message: "choose the session") }
        let code = (context.form["code"] ?? "").trimmingCharacters(in: .whitespaces)
        let session = try database.session(id: id, agencyID: user.agencyId)
        let rule = try engine.content.completionRule(agencyID: user.agencyId, courseKey: session.courseKey)
        let outcome: AttendanceOutcome
        do {
            outcome = try database.selfCheckIn(sessionID: id, user: user, code: code, now: engine.clock(), rule: rule)
        } catch let error where error is AttendanceError || error is TooManyTries || error is TextRefusal {
            // Back to the form, with what went wrong in the officer's language: a code typed wrong is tried again.
            var content = try checkInContent(user: user, selected: id, code: code)
            content.error = WebText.explain(error, context.language) ?? "\(error)"
            let status = DomainErrorMiddleware.http(error)?.status ?? .badRequest
            var response = try renderer.page("checkin", title: "checkIn", content, request: request, context: context, status: status)
                .response(from: request, context: context)
            if let wait = error as? TooManyTries { response.headers[.retryAfter] = String(wait.retryAfter) }
            return response
        }
        var content = try checkInContent(user: user, selected: id, code: "")
        content.message = "\(words["checkedIn"] ?? "") (\(outcome.status == .late ? words["late"] ?? "" : words["present"] ?? ""))"
        content.completed = outcome.completion != nil
        return try renderer.page("checkin", title: "checkIn", content, request: request, context: context)
            .response(from: request, context: context)
    }

    private func checkInContent(user: User, selected: Int64?, code: String) throws -> CheckInContent {
        let now = engine.clock()
        let open = try database.sessions(agencyID: user.agencyId, fiscalYear: FiscalYear(containing: now).buddhistYear)
            .filter { now >= $0.startsAt.addingTimeInterval(-AppDatabase.checkInOpensBefore) && now <= $0.endsAt }
        let options = open.map { session in
            SessionOption(id: session.id ?? 0, label: "\(session.title) · \(ThaiTime.short(session.startsAt)) · \(session.place)",
                          selected: session.id == selected || open.count == 1)
        }
        return CheckInContent(sessions: options, code: code, message: nil, completed: false)
    }
}
