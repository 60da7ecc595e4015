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

    /// The largest form Jariya accepts, far above any answer or note.
    static let formLimit = 256 * 1024

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
            let form = WebForm.parse(String(buffer: body))
            guard !context.csrfToken.isEmpty, let sent = form["csrf"], WebSession.same(sent, context.csrfToken) else {
                throw HTTPError(.forbidden, message: "the form has expired or did not come from Jariya; open the page again")
            }
            context.form = form
        }
        return try await next(request, context)
    }
}
