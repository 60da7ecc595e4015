import Foundation
import JariyaStore
import NIOPosix

/// Logging in with a password, the same for the API and the login page:
/// failures limited per account and address, the hash checked on a thread
/// pool away from the request handlers, and a new session on success.
struct PasswordLogin: Sendable {
    /// Users and sessions.
    let database: AppDatabase
    /// Failed-login counts.
    let limiter: LoginLimiter

    /// Why a login was refused.
    enum Refusal: Error {
        /// Too many failures lately; try again after this many seconds.
        case tooManyFailures(retryAfter: Int)
        /// Unknown user, wrong password or an account turned off: one answer for all three.
        case wrongCredentials
    }

    /// The user whose password this is, or a refusal.
    func user(username: String, password: String, address: String, now: Date) async throws -> User {
        if let wait = await limiter.retryAfter(account: username, address: address, now: now) {
            throw Refusal.tooManyFailures(retryAfter: wait)
        }
        let user = try database.user(username: username)
        // Hash even for unknown users, so timing does not tell which usernames exist.
        let stored = user?.passwordHash
        let matches = try await NIOThreadPool.singleton.runIfActive {
            PasswordHasher.verify(password, hash: stored ?? Self.decoyHash)
        }
        guard let user, user.active, matches else {
            await limiter.recordFailure(account: username, address: address, now: now)
            throw Refusal.wrongCredentials
        }
        return user
    }

    /// A new session for the user; the token goes to the client once, only its hash is kept.
    func startSession(for user: User, now: Date) throws -> (token: String, session: LoginSession) {
        let token = SessionToken.generate()
        return (token, try database.createSession(user: user, tokenSHA256: SessionToken.hash(token), now: now))
    }

    private static let decoyHash = (try? PasswordHasher.hash("decoy-password-never-used")) ?? ""
}
