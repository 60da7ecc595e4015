import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaAPI
import JariyaCore
import JariyaServer
import Testing

@Suite struct AuthAPITests {
    @Test func wrongPasswordsSlowTheAccountDownWithoutLockingItOut() async throws {
        let world = try QuizWorld()
        let backoff = Backoff(freeTries: 3, firstWait: 60, longestWait: 600, memory: 3600)
        let app = try await buildApplication(world.configuration(accountBackoff: backoff))
        try await app.test(.router) { client in
            for _ in 0..<3 {
                try await client.send("/api/v1/login", .post, body: LoginRequest(username: "officer-a", password: "wrong password"), expect: .unauthorized)
            }
            let login = try TestJSON.encoder().encode(LoginRequest(username: "OFFICER-A", password: QuizWorld.password))
            try await client.execute(uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(bytes: login)) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "60")
            }
            _ = try await client.login("officer-b")
            // The attacker pauses: a minute later the owner gets in, and the count starts again.
            world.clock.advance(minutes: 1.1)
            _ = try await client.login("officer-a")
            try await client.send("/api/v1/login", .post, body: LoginRequest(username: "officer-a", password: "wrong again"), expect: .unauthorized)
            _ = try await client.login("officer-a")
        }
    }

    @Test func logoutEndsTheSessionOnTheServer() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            try await client.send("/api/v1/me/courses", .get, token: token, expect: .ok)
            try await client.send("/api/v1/logout", .post, token: token, expect: .noContent)
            try await client.send("/api/v1/me/courses", .get, token: token, expect: .unauthorized)
            try await client.send("/api/v1/me/courses", .get, token: "made-up-token", expect: .unauthorized)
            try await client.send("/api/v1/login", .post, body: LoginRequest(username: "nobody", password: "whatever1"), expect: .unauthorized)
        }
    }

    @Test func everyDocumentedRouteExistsAndNeedsALogin() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let document = try await client.send("/api/v1/openapi.yaml", .get, expect: .ok).text
            var routes: [(String, String)] = []
            var path: String?
            for line in document.split(separator: "\n") {
                if line.hasPrefix("  /api/v1/") { path = String(line.dropFirst(2).dropLast()) }
                else if let current = path, let method = ["get", "post", "put", "delete"].first(where: { line == "    \($0):" }) {
                    routes.append((current, method))
                } else if !line.hasPrefix(" ") { path = nil }
            }
            #expect(routes.count == 20)
            for (path, method) in routes {
                let uri = path.replacingOccurrences(of: "{course}", with: "code-of-ethics")
                    .replacingOccurrences(of: "{attempt}", with: "x").replacingOccurrences(of: "{question}", with: "q001")
                    .replacingOccurrences(of: "{session}", with: "1").replacingOccurrences(of: "{officer}", with: "A")
                    .replacingOccurrences(of: "{code}", with: "7F3K-92QX")
                // An empty object, which is no route's request: the login refuses it as incomplete, every other route wants a login first.
                let status = try await client.send(uri, HTTPRequest.Method(method.uppercased())!, rawJSON: "{}").status
                switch path {
                case "/api/v1/openapi.yaml": #expect(status == .ok)
                case "/api/v1/login": #expect(status == .badRequest)
                case "/api/v1/certificates/{code}": #expect(status == .notFound, "public: no login asked, no such code")
                default: #expect(status == .unauthorized, "\(method) \(path)")
                }
            }
            #expect(try await client.send("/api/v1/nothing-here", .get).status == .notFound)
        }
    }
}
