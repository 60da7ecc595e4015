import Foundation
import Hummingbird
import JariyaApp
import JariyaAPI
import JariyaStore
import JariyaCore
import NIOCore

/// The request context of every Jariya route: who is logged in (if anyone)
/// and where the request came from, for rate limits.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The logged-in user, set by `SessionAuthenticator`.
    public var user: User?
    /// The hash of the session token the user came with.
    public var sessionTokenHash: String?
    /// The session token from the web login cookie, for deriving the form token.
    public var sessionToken: String?
    /// The form a web page posted, already checked for its form token.
    public var form = WebForm()
    /// The form token pages put in their forms.
    public var csrfToken = ""
    /// The language the web pages speak to this reader.
    var language = WebText.Language.thai
    /// The peer's IP address, when known.
    public let remoteAddress: String?

    /// Request bodies are read with dates that must exist (no 30 February).
    public var requestDecoder: JSONDecoder { APIJSON.decoder() }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The logged-in user if they have one of the roles; 401 or 403 otherwise.
    func requireRole(_ roles: Set<Role>) throws -> User {
        let user = try requireUser()
        guard roles.contains(user.role) else {
            throw HTTPError(.forbidden, message: "this needs the role \(roles.map(\.rawValue).sorted().joined(separator: " or "))")
        }
        return user
    }

    /// The logged-in user, or 401.
    func requireUser() throws -> User {
        guard let user else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"jariya\""], message: "log in first (POST /api/v1/login)")
        }
        return user
    }
}
