import Foundation
import Hummingbird
import JariyaApp
import JariyaAPI
import JariyaStore

/// `/api/v1/login` and `/api/v1/logout`.
struct AuthController {
    /// Users and sessions.
    let database: AppDatabase
    /// Password checks and new sessions, shared with the login page.
    let passwords: PasswordLogin
    /// The server clock.
    let clock: @Sendable () -> Date

    /// Registers `POST login` and `POST logout`.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("login", use: login)
        group.post("logout", use: logout)
    }

    /// Checks the password and answers with a bearer token. All of it runs on
    /// the niced hashing threads, reading the body included, so that a whole
    /// office logging in at once queues there and not ahead of the saves.
    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> LoginView {
        try await withTaskExecutorPreference(WorkerThreads.hashing) { try await checkedLogin(request, context: context) }
    }

    private func checkedLogin(_ request: Request, context: AppRequestContext) async throws -> LoginView {
        let credentials = try await request.decode(as: LoginRequest.self, context: context)
        let now = clock()
        let user: User
        do {
            user = try await passwords.user(username: credentials.username, password: credentials.password,
                                            address: passwords.address(of: request, context: context), now: now)
        } catch PasswordLogin.Refusal.tooManyFailures(let wait) {
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: String(wait)],
                            message: "too many failed logins; try again in \(wait) seconds")
        } catch PasswordLogin.Refusal.wrongCredentials {
            throw HTTPError(.unauthorized, message: "wrong username or password")
        }
        let (token, session) = try passwords.startSession(for: user, now: now)
        return LoginView(token: token, expiresAt: session.expiresAt, user: UserView(user))
    }

    /// Ends the session on the server; the token stops working at once.
    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        _ = try context.requireUser()
        if let hash = context.sessionTokenHash { try database.endSession(tokenSHA256: hash, now: clock()) }
        return .noContent
    }

}
