import Foundation
import Hummingbird
import JariyaStore
import NIOCore

/// Reads the web login cookie and the language cookie, and refuses any form
/// post (anything but GET and HEAD) whose form token is not the session's,
/// or, before login, the login page's own cookie: another site cannot make
/// an officer's browser submit a form to Jariya.
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Where sessions are.
    let database: AppDatabase
    /// The server clock.
    let clock: @Sendable () -> Date

    /// The largest form Jariya accepts: a course or a roster file with room to spare.
    static let formLimit = 4 * 1024 * 1024

    /// The boundary parameter of a multipart content type.
    static func boundary(_ contentType: String) -> String? {
        contentType.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.lowercased().hasPrefix("boundary=") }
            .map { String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        context.language = WebText.Language(cookie: request.cookies[WebSession.languageCookie]?.value)
        if let token = request.cookies[WebSession.cookie]?.value {
            let hash = SessionToken.hash(token)
            if let user = try database.sessionUser(tokenSHA256: hash, now: clock()) {
                context.user = user
                context.sessionTokenHash = hash
                context.sessionToken = token
            }
        }
        context.csrfToken = context.sessionToken.map(WebSession.csrfToken) ?? request.cookies[WebSession.loginCSRFCookie]?.value ?? ""
        if request.method != .get && request.method != .head {
            let body = try await request.collectBody(upTo: Self.formLimit)
            let type = request.headers[.contentType] ?? ""
            let form: WebForm
            if type.lowercased().hasPrefix("multipart/form-data"), let boundary = Self.boundary(type) {
                do {
                    form = try WebForm.parse(multipart: body, boundary: boundary)
                } catch {
                    throw HTTPError(.badRequest, message: "the uploaded form could not be read")
                }
            } else {
                form = WebForm.parse(String(buffer: body))
            }
            guard !context.csrfToken.isEmpty, let sent = form["csrf"], WebSession.same(sent, context.csrfToken) else {
                throw HTTPError(.forbidden, message: "the form has expired or did not come from Jariya; open the page again")
            }
            context.form = form
        }
        return try await next(request, context)
    }
}
