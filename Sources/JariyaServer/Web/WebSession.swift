import Crypto
import Foundation
import Hummingbird
import JariyaCore

/// How the web pages keep a login: the session token lives in a cookie the
/// page's scripts cannot read (HttpOnly), that other sites' forms do not
/// carry (SameSite=Lax), and that travels only over HTTPS when the server is
/// reached that way (Secure).
enum WebSession {
    /// The login cookie.
    static let cookie = "jariya_session"
    /// The form token of the login page, before there is a session.
    static let loginCSRFCookie = "jariya_login_csrf"
    /// The reader's language, `th` or `en`.
    static let languageCookie = "jariya_lang"

    /// The form token of a session, derived from its secret token: it needs no
    /// storage and ends with the session.
    static func csrfToken(session token: String) -> String {
        Hex.string(SHA256.hash(data: Data("jariya-csrf:\(token)".utf8)))
    }

    /// Whether the request reached Jariya over HTTPS, directly or through the
    /// agency's proxy.
    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https || header("X-Forwarded-Proto", in: request)?.lowercased() == "https"
    }

    /// A request header that has no constant in HTTPTypes, by name.
    static func header(_ name: String, in request: Request) -> String? {
        request.headers.first { $0.name.canonicalName == name.lowercased() }?.value
    }

    /// A cookie with Jariya's attributes; `maxAge` 0 deletes it.
    static func cookie(_ name: String, _ value: String, request: Request, maxAge: Int? = nil, httpOnly: Bool = true) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: isSecure(request), httpOnly: httpOnly, sameSite: .lax)
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
