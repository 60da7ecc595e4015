import Foundation
import Hummingbird
import JariyaStore

/// Reads `Authorization: Bearer …` and puts the session's user on the context.
/// An unknown or expired token simply leaves the request anonymous; routes
/// that need a user answer 401.
struct SessionAuthenticator: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: AppDatabase
    let clock: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            let hash = SessionToken.hash(token)
            if let user = try database.sessionUser(tokenSHA256: hash, now: clock()) {
                context.user = user
                context.sessionTokenHash = hash
            }
        }
        return try await next(request, context)
    }
}
