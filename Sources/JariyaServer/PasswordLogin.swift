import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaStore

/// Logging in with a password, the same for the API and the login page:
/// failures slowed per account and per address by a back-off kept in the
/// store (so a restart forgets nothing), the check made on the hashing
/// threads away from the request threads, and a new session on success.
struct PasswordLogin: Sendable {
    /// Users, sessions and failure counts.
    let database: AppDatabase
    /// The back-off per account (username).
    let accountBackoff: Backoff
    /// The back-off per client address.
    let addressBackoff: Backoff
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    let trustedProxies: Set<String>

    /// The address a request's failures count under (see `ClientAddress`).
    func address(of request: Request, context: AppRequestContext) -> String {
        ClientAddress.resolve(peer: context.remoteAddress, forwardedFor: WebSession.header("X-Forwarded-For", in: request),
                              trustedProxies: trustedProxies)
    }

    /// Why a login was refused.
    enum Refusal: Error {
        /// Too many failures lately; try again after this many seconds.
        case tooManyFailures(retryAfter: Int)
        /// Unknown user, wrong password or an account turned off: one answer for all three.
        case wrongCredentials
    }

    /// The user whose password this is, or a refusal. A username longer than
    /// any that can exist is refused (400) before anything is counted or hashed.
    /// The whole check runs on the hashing threads: a burst of logins, its
    /// reads and its writes included, queues there, at a lower priority,
    /// and never ahead of the saves of officers already in a test.
    func user(username: String, password: String, address: String, now: Date) async throws -> User {
        try await WorkerThreads.hashing.run { try check(username: username, password: password, address: address, now: now) }
    }

    private func check(username: String, password: String, address: String, now: Date) throws -> User {
        let username = try TextField.username.accept(username)
        // The password is compared as typed; only its length is held to the rule.
        try TextField.password.checkLength(password)
        let account = AppDatabase.loginFailureKey("account", username.lowercased())
        let keys = [(account, accountBackoff), (AppDatabase.loginFailureKey("address", address), addressBackoff)]
        if let wait = try database.loginRetryAfter(keys, now: now) {
            throw Refusal.tooManyFailures(retryAfter: wait)
        }
        let user = try database.user(username: username)
        // Hash even for unknown users, so timing does not tell which usernames exist.
        let stored = user?.passwordHash
        let matches = PasswordHasher.verify(password, hash: stored ?? Self.decoyHash)
        guard let user, user.active, matches else {
            try database.recordLoginFailure(keys, now: now)
            throw Refusal.wrongCredentials
        }
        try database.clearLoginFailures(key: account)
        // A hash made with older, dearer settings is made again now that the password is at hand.
        if let stored, PasswordHasher.needsRehash(stored) {
            try database.replacePasswordHash(userID: user.id ?? 0, old: stored, new: try PasswordHasher.hash(password))
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
