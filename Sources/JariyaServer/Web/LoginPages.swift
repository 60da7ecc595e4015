import Foundation
import Hummingbird
import JariyaStore

/// The login page, logging out and the language switch.
struct LoginPages {
    /// Users and sessions.
    let database: AppDatabase
    /// Password checks and new sessions, shared with the API.
    let passwords: PasswordLogin
    /// Renders pages.
    let renderer: WebRenderer
    /// The server clock.
    let clock: @Sendable () -> Date
    /// The agency served.
    let agencyCode: String?

    /// Registers the routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("login", use: form)
        group.post("login", use: login)
        group.post("logout", use: logout)
        group.get("lang/:language", use: language)
    }

    /// The login form's content.
    struct LoginContent: Sendable {
        var agencyName: String
        var next: String
        var username: String
        var error: String?
    }

    /// `GET /login`: the form, with a form token in a cookie of its own.
    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        var context = context
        var cookie: Cookie?
        if context.csrfToken.isEmpty {
            context.csrfToken = SessionToken.generate()
            cookie = WebSession.cookie(WebSession.loginCSRFCookie, context.csrfToken, request: request)
        }
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        var response = try render(LoginContent(agencyName: agencyName(), next: next, username: ""), request: request, context: context)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    /// `POST /login`: a new session, its token in a fresh cookie; the old
    /// session (if any) ends, so a token planted before login is worth nothing.
    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let username = (context.form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = context.form["password"] ?? ""
        let next = Self.safeNext(context.form["next"])
        let now = clock()
        let words = WebText.words(context.language)
        let user: User
        do {
            user = try await passwords.user(username: username, password: password, address: passwords.address(of: request, context: context), now: now)
        } catch let refusal as PasswordLogin.Refusal {
            var wait: Int?
            if case .tooManyFailures(let seconds) = refusal { wait = seconds }
            let error = wait.map { "\(words["tooManyLogins"] ?? "") (\($0) \(words["seconds"] ?? "s"))" } ?? words["wrongLogin"]
            var response = try render(LoginContent(agencyName: agencyName(), next: next, username: username, error: error),
                                      request: request, context: context, status: wait == nil ? .unauthorized : .tooManyRequests)
            if let wait { response.headers[.retryAfter] = String(wait) }
            return response
        }
        if let old = context.sessionTokenHash { try database.endSession(tokenSHA256: old, now: now) }
        let (token, session) = try passwords.startSession(for: user, now: now)
        let home = switch user.role {
        case .officer: "/my"
        case .trainer: "/trainer"
        case .hr, .admin: "/hr"
        }
        let landing = next.isEmpty ? home : next
        var response = redirect(to: landing)
        response.setCookie(WebSession.cookie(WebSession.cookie, token, request: request,
                                             maxAge: max(60, Int(session.expiresAt.timeIntervalSince(now)))))
        response.setCookie(WebSession.cookie(WebSession.loginCSRFCookie, "", request: request, maxAge: 0))
        return response
    }

    /// `POST /logout`: the session ends on the server, not only in the browser.
    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let hash = context.sessionTokenHash { try database.endSession(tokenSHA256: hash, now: clock()) }
        var response = redirect(to: "/login")
        response.setCookie(WebSession.cookie(WebSession.cookie, "", request: request, maxAge: 0))
        return response
    }

    /// `GET /lang/{th|en}?back=PATH`: remembers the language for a year.
    @Sendable func language(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = WebText.Language(cookie: context.parameters.get("language"))
        var response = redirect(to: Self.safeNext(request.uri.queryParameters["back"].map(String.init)).nonEmpty ?? "/")
        response.setCookie(WebSession.cookie(WebSession.languageCookie, language.rawValue, request: request, maxAge: 365 * 86_400))
        return response
    }

    /// Only a path on this site: never another host, so the login page
    /// cannot be used to send someone elsewhere. Browsers drop tabs and line
    /// breaks inside an address and read a backslash as a slash, so
    /// `/\t/evil.example` would leave the site: anything but printable ASCII
    /// without spaces or backslashes is refused, then `//` at the start.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }),
              next.hasPrefix("/"), !next.hasPrefix("//") else { return "" }
        return next
    }

    private func agencyName() throws -> String {
        try database.agency(code: agencyCode).name
    }

    private func render(_ content: LoginContent, request: Request, context: AppRequestContext,
                        status: HTTPResponse.Status = .ok) throws -> Response {
        try renderer.page("login", title: "login", content, request: request, context: context, status: status)
            .response(from: request, context: context)
    }
}

extension String {
    /// Nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
