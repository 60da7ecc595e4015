import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaCore
import JariyaStore
import Testing

/// The pieces of the access-matrix test: who may use a route, the ids it
/// takes, the people who ask, and how their answers are judged.
enum AccessMatrix {
    /// Who may use a route at all.
    enum Access: CustomStringConvertible {
        /// No login needed.
        case anyone
        /// Any logged-in user.
        case loggedIn
        /// Only these roles.
        case roles(Set<Role>)

        func allows(_ role: Role) -> Bool {
            switch self {
            case .anyone, .loggedIn: true
            case .roles(let roles): roles.contains(role)
            }
        }

        var description: String {
            switch self {
            case .anyone: "anyone"
            case .loggedIn: "any logged-in user"
            case .roles(let roles): roles.map(\.rawValue).sorted().joined(separator: "+")
            }
        }
    }

    /// An id in a route that belongs to an officer (officer A) or to the agency
    /// (agency 1), with an id of the same kind that does not exist.
    struct OwnedID {
        enum Owner { case officer, agency }
        var owner: Owner
        /// The real id, officer A's or agency 1's.
        var real: String
        /// An id of the same kind that names nothing.
        var missing: String
        /// Roles that may use any officer's id of their own agency (HR and admins with certificates).
        var readers: Set<Role> = []
        /// What someone else's id answers: exactly what a missing id answers.
        var answer: HTTPResponse.Status = .notFound
    }

    /// One request: the target (path and query) and what it carries.
    struct Probe {
        enum Body {
            case none
            case json(Data)
            case form([(String, String)])
            case upload([(String, String)], field: String, filename: String, bytes: [UInt8])
        }

        var target: String
        var body: Body = .none
        /// The request ends or replaces the caller's session, so it is sent from a session of its own.
        var ownSession = false

        init(_ target: String, _ body: Body = .none, ownSession: Bool = false) {
            self.target = target
            self.body = body
            self.ownSession = ownSession
        }

        /// A request with one of the API's request types as its body.
        static func json(_ target: String, _ body: some Encodable, ownSession: Bool = false) -> Probe {
            Probe(target, .json((try? TestJSON.encoder().encode(body)) ?? Data()), ownSession: ownSession)
        }
    }

    /// A route's rule and how to make a request to it: `probe` takes the id to
    /// name (the real one or the missing one) and who sends it.
    struct Rule {
        var access: Access
        var id: OwnedID?
        var probe: (_ id: String, _ actor: Actor) -> Probe

        init(_ access: Access, id: OwnedID? = nil, _ probe: @escaping (_ id: String, _ actor: Actor) -> Probe) {
            self.access = access
            self.id = id
            self.probe = probe
        }

        /// What this actor must get.
        func expectation(for actor: Actor) -> Expected {
            if case .anyone = access { return .allowed }
            guard let role = actor.role else { return .login }
            guard access.allows(role) else { return .refused(.forbidden) }
            if let id {
                switch id.owner {
                case .officer:
                    let reads = actor.agency == Actor.homeAgency && id.readers.contains(role)
                    if !actor.ownsTheIDs && !reads { return .hidden(id.answer) }
                case .agency:
                    if actor.agency != Actor.homeAgency { return .hidden(id.answer) }
                }
            }
            return .allowed
        }
    }

    /// What an actor must get from a route.
    enum Expected: CustomStringConvertible {
        /// Served: 2xx, a redirect that is not to the login page, or a
        /// business refusal (400, 409, 410, 422); never 401 or 403, nor 404
        /// for a route that names an id (the id is the caller's to use).
        case allowed
        /// 401 from the API, a redirect to the login page from a page.
        case login
        /// The wrong role: this status.
        case refused(HTTPResponse.Status)
        /// Someone else's id: this status, and the same answer as for an id that does not exist.
        case hidden(HTTPResponse.Status)

        var description: String {
            switch self {
            case .allowed: "allowed (2xx, 3xx, 400, 409, 410 or 422)"
            case .login: "login required"
            case .refused(let status): "\(status.code) (wrong role)"
            case .hidden(let status): "\(status.code), as for an id that does not exist"
            }
        }
    }

    /// Someone sending requests: a role, an agency, an API token and a web login.
    struct Actor {
        /// The agency whose objects the matrix points at.
        static let homeAgency: Int64 = 1

        var name: String
        var username: String?
        var role: Role?
        var agency: Int64
        /// Officer A: the owner of the officer's ids in the matrix.
        var ownsTheIDs = false
        /// The API's bearer token.
        var token: String?
        /// The `Cookie` header the web pages get.
        var cookie: String
        /// The form token that goes with that cookie.
        var csrf: String

        /// Logs in on the API and on the login page.
        static func logIn(_ client: some TestClientProtocol, name: String, username: String, role: Role, agency: Int64,
                          ownsTheIDs: Bool = false) async throws -> Actor {
            let token = try await client.login(username)
            let browser = WebBrowser()
            let landing = try await browser.logIn(client, username)
            #expect(landing.status == .seeOther, "\(username) logs in on the page")
            try await browser.get(client, "/login")
            let session = try #require(browser.cookie("jariya_session"), "\(username) has a login cookie")
            return Actor(name: name, username: username, role: role, agency: agency, ownsTheIDs: ownsTheIDs, token: token,
                         cookie: "jariya_session=\(session)", csrf: browser.csrf)
        }

        /// A visitor who is not logged in, holding the login page's form token,
        /// so that a post is judged by its route's rule and not refused as a forgery.
        static func anonymous(_ client: some TestClientProtocol) async throws -> Actor {
            let browser = WebBrowser()
            try await browser.get(client, "/login")
            let token = try #require(browser.cookie("jariya_login_csrf"))
            return Actor(name: "anonymous", username: nil, role: nil, agency: 0, token: nil,
                         cookie: "jariya_login_csrf=\(token)", csrf: browser.csrf)
        }

        /// The same person with a new session.
        func again(_ client: some TestClientProtocol) async throws -> Actor {
            guard let username, let role else { return try await Self.anonymous(client) }
            return try await Self.logIn(client, name: name, username: username, role: role, agency: agency, ownsTheIDs: ownsTheIDs)
        }
    }

    /// What came back.
    struct Answer {
        var status: HTTPResponse.Status
        var location: String?
        var body: String

        var toLoginPage: Bool { status.code == 303 && (location?.hasPrefix("/login") ?? false) }

        var summary: String {
            var text = "\(status.code)"
            if let location { text += " → \(location)" }
            let message = AccessMatrix.visibleText(body).prefix(120)
            if !message.isEmpty && status.code >= 400 { text += " «\(message)»" }
            return text
        }
    }

    /// Sends a probe as an actor: the API with the actor's bearer token, the
    /// pages with the actor's cookie and form token.
    static func send(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ probe: Probe, as actor: Actor) async throws -> Answer {
        var headers: HTTPFields = [:]
        if probe.target.hasPrefix("/api/") {
            if let token = actor.token { headers[.authorization] = "Bearer \(token)" }
        } else {
            headers[.cookie] = actor.cookie
        }
        var body: ByteBuffer?
        switch probe.body {
        case .none:
            break
        case .json(let data):
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: data)
        case .form(let fields):
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: ([("csrf", actor.csrf)] + fields).map { "\(formEncoded($0))=\(formEncoded($1))" }.joined(separator: "&"))
        case .upload(let fields, let field, let filename, let bytes):
            let boundary = "access-matrix-\(UUID().uuidString)"
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            var buffer = ByteBuffer()
            for (name, value) in [("csrf", actor.csrf)] + fields {
                buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
            }
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n")
            buffer.writeString("Content-Type: application/octet-stream\r\n\r\n")
            buffer.writeBytes(bytes)
            buffer.writeString("\r\n--\(boundary)--\r\n")
            body = buffer
        }
        return try await client.execute(uri: probe.target, method: method, headers: headers, body: body) { response in
            Answer(status: response.status, location: response.headers[.location], body: String(buffer: response.body))
        }
    }

    /// Whether an answer is what was expected (for `.hidden`, only its status:
    /// the comparison with a missing id is made by the caller).
    static func meets(_ answer: Answer, _ expected: Expected, api: Bool, public isPublic: Bool, takesID: Bool) -> Bool {
        let code = answer.status.code
        switch expected {
        case .allowed:
            if [401, 403].contains(code) || code >= 500 { return false }
            if !isPublic && answer.toLoginPage { return false }
            if takesID && code == 404 { return false }
            return (200..<400).contains(code) || [400, 409, 410, 422].contains(code)
        case .login:
            return api ? code == 401 : answer.toLoginPage
        case .refused(let status), .hidden(let status):
            return code == status.code
        }
    }

    /// The shape of an answer with the id it named taken out: JSON's keys and
    /// texts, or a page's tags and visible text. Someone else's id and a
    /// missing one must give the same shape.
    static func shape(_ answer: Answer, naming id: String) -> String {
        let text: String
        if let object = try? JSONSerialization.jsonObject(with: Data(answer.body.utf8), options: [.fragmentsAllowed]) {
            text = jsonShape(object)
        } else {
            let tags = matches(of: #"<\s*(/?[A-Za-z][A-Za-z0-9-]*)"#, in: answer.body).joined(separator: " ")
            text = tags + "\n" + visibleText(answer.body)
        }
        return "\(answer.status.code) " + withoutID(id, in: text)
    }

    /// Any route's JSON, whatever its type: the shape is compared between two
    /// answers, not read, so it stays untyped (`JSONSerialization`'s objects).
    private static func jsonShape(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0): \(jsonShape(object[$0] ?? NSNull()))" }.joined(separator: ", ") + "}"
        case let array as [Any]:
            return "[" + array.map(jsonShape).joined(separator: ", ") + "]"
        case let string as String:
            return "\"\(string)\""
        default:
            return "\(type(of: value))"
        }
    }

    /// A page's text without its tags, spaces collapsed.
    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: #"<script[\s\S]*?</script>|<style[\s\S]*?</style>"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
    }

    /// The text with every whole occurrence of the id (as written, or
    /// percent-encoded in a link) replaced by `{id}`.
    static func withoutID(_ id: String, in text: String) -> String {
        guard !id.isEmpty else { return text }
        var result = text
        let forms = Set([id, id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id])
        for form in forms {
            let pattern = "(?<![A-Za-z0-9])" + NSRegularExpression.escapedPattern(for: form) + "(?![A-Za-z0-9])"
            result = result.replacingOccurrences(of: pattern, with: "{id}", options: .regularExpression)
        }
        return result
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]).lowercased() }
        }
    }

    private static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The operations an OpenAPI document declares, as "GET /api/v1/…": the
    /// paths are the keys indented two spaces under `paths:`, their methods
    /// the keys indented four.
    static func operations(inOpenAPI text: String) -> Set<String> {
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if !line.hasPrefix(" ") && !line.isEmpty {
                inPaths = line.hasPrefix("paths:")
                path = nil
            } else if inPaths, line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if inPaths, let path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let key = line.trimmingCharacters(in: .whitespaces)
                if let method = ["get", "put", "post", "delete", "patch", "head", "options"].first(where: { key == "\($0):" }) {
                    operations.insert("\(method.uppercased()) \(path)")
                }
            }
        }
        return operations
    }
}
