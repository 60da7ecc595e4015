import Foundation
import Hummingbird
import JariyaAPI
import JariyaStore
import NIOPosix

/// `/api/v1/login` and `/api/v1/logout`.
struct AuthController {
    /// Users and sessions.
    let database: AppDatabase
    /// Failed-login counts.
    let limiter: LoginLimiter
    /// The server clock.
    let clock: @Sendable () -> Date

    /// Registers `POST login` and `POST logout`.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("login", use: login)
        group.post("logout", use: logout)
    }

    /// The login request.
    struct Credentials: Decodable {
        var username: String
        var password: String
    }

    /// Checks the password on a thread pool, away from the request handlers,
    /// and answers with a bearer token.
    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> LoginView {
        let credentials = try await request.decode(as: Credentials.self, context: context)
        let now = clock()
        let address = context.remoteAddress ?? "unknown"
        if let wait = await limiter.retryAfter(account: credentials.username, address: address, now: now) {
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: String(wait)],
                            message: "too many failed logins; try again in \(wait) seconds")
        }
        let user = try database.user(username: credentials.username)
        // Hash even for unknown users, so timing does not tell which usernames exist.
        let stored = user?.passwordHash
        let password = credentials.password
        let matches = try await NIOThreadPool.singleton.runIfActive {
            PasswordHasher.verify(password, hash: stored ?? Self.decoyHash)
        }
        guard let user, user.active, matches else {
            await limiter.recordFailure(account: credentials.username, address: address, now: now)
            throw HTTPError(.unauthorized, message: "wrong username or password")
        }
        let token = SessionToken.generate()
        let session = try database.createSession(user: user, tokenSHA256: SessionToken.hash(token), now: now)
        return LoginView(token: token, expiresAt: session.expiresAt, user: UserView(user))
    }

    /// Ends the session on the server; the token stops working at once.
    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        _ = try context.requireUser()
        if let hash = context.sessionTokenHash { try database.endSession(tokenSHA256: hash, now: clock()) }
        return .noContent
    }

    static let decoyHash = (try? PasswordHasher.hash("decoy-password-never-used")) ?? ""
}
