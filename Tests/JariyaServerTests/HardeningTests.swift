import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JariyaAPI
import JariyaCore
@testable import JariyaServer
import JariyaStore
import Logging
import Testing

/// One test per defect the hostile probe found (issue 14's table), each over
/// the real router; every one of them failed before its fix.
@Suite struct HardeningTests {

    /// A session body for the API, changed by `edit`.
    static func sessionBody(_ world: QuizWorld, _ edit: (inout CreateSessionRequest) throws -> Void = { _ in }) rethrows -> CreateSessionRequest {
        let start = world.clock.now.addingTimeInterval(600)
        var body = CreateSessionRequest(course: "code-of-ethics", title: "อบรมบรรยาย", startsAt: start, endsAt: start.addingTimeInterval(3 * 3600),
                                        place: "ห้องประชุม", trainer: "วิทยากร")
        try edit(&body)
        return body
    }

    /// An instant written as the API's clients write it.
    static func instant(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Date {
        try #require(APIJSON.date(text), "\(text) is a date and time", sourceLocation: sourceLocation)
    }

    /// Row 1: a NUL is refused by name wherever text comes in, and the ledger never disagrees with what is stored.
    @Test func row1NulAndControlCharactersAreRefusedByNameAndTheLedgerStaysIntact() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = try await client.login("hr")
            let id = try await SessionAPITests.createSession(client, world: world, token: hr)
            try await client.send("/api/v1/sessions/\(id)/attendance/A", .put, token: hr, body: MarkAttendanceRequest(status: .present), expect: .ok)
            let refused = try await client.send("/api/v1/sessions/\(id)/attendance/A", .put, token: hr,
                                                body: MarkAttendanceRequest(status: .absent, reason: "before\u{0000}after"), expect: .badRequest).text
            #expect(refused.contains("reason") && refused.contains("U+0000"))
            let fields: [(String, WritableKeyPath<CreateSessionRequest, String>, String)] = [
                ("title", \.title, "ชื่อ\u{0000}ตัด"), ("place", \.place, "ห้อง\u{0085}"), ("trainer", \.trainer, "วิทยากร\u{001B}[31m"),
            ]
            for (field, path, value) in fields {
                let text = try await client.send("/api/v1/sessions", .post, token: hr, body: Self.sessionBody(world) { $0[keyPath: path] = value },
                                                 expect: .badRequest).text
                #expect(text.contains(field), "\(field): \(text)")
            }
            // ำ typed as ํ + า is stored as one letter, and stored exactly as hashed.
            let marked = try await client.api("/api/v1/sessions/\(id)/attendance/A", .put, token: hr,
                                              body: MarkAttendanceRequest(status: .absent, reason: "ป่วย ไปทํางานไม่ได้\r\nมีใบรับรองแพทย์"),
                                              as: AttendanceOutcomeView.self, expect: .ok)
            #expect(marked.ledgerSeq != nil)
            // The trainer's roll page: the same rule, the same refusal.
            let trainer = WebBrowser()
            _ = try await trainer.logIn(client, "trainer")
            try await trainer.get(client, "/trainer/sessions/\(id)")
            let page = try await trainer.post(client, "/trainer/sessions/\(id)/roll", [("code", "A"), ("status", "late"), ("reason", "a\u{0000}b")])
            #expect(page.status == .badRequest)
        }
        // The commands' path: straight to the store, which holds the same rule.
        #expect(throws: TextRefusal.self) {
            _ = try world.database.createSession(TrainingSession(
                agencyId: 1, courseKey: "code-of-ethics", title: "อบรม", startsAt: world.clock.now, endsAt: world.clock.now.addingTimeInterval(3600),
                place: "ห้อง\u{0000}ประชุม", trainer: "", format: "onsite", budgetBaht: nil, codeSecret: "s", createdBy: "cli", createdAt: world.clock.now))
        }
        let agency = try world.database.agency(code: "yodkaew")
        let report = try world.database.verifyLedger(agencyID: agency.id ?? 0)
        #expect(report.problem == nil && report.head != nil)
        let reason = try world.database.ledgerEntries(agencyID: agency.id ?? 0).last { $0.kind == "attendance.correction" }?.reason
        #expect(reason == "ป่วย ไปทำงานไม่ได้\nมีใบรับรองแพทย์")
        // The store is the last gate: text that bypassed the edge still never reaches the chain.
        #expect(throws: StoreError.self) {
            try world.database.appendLedger(agencyID: agency.id ?? 0, actor: "x\u{0000}y", kind: "test", items: [(nil, nil, [:])], now: Date())
        }
    }

    /// Row 2: the shipped course uploads on the trainer's page, and no message shows a server path.
    @Test func row2TheShippedCourseUploadsAndNoMessageShowsAServerPath() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let trainer = WebBrowser()
            _ = try await trainer.logIn(client, "trainer")
            try await trainer.get(client, "/trainer")
            let course = try WebStaffPagesTests.file("Courses/code-of-ethics.xml")
            let page = try await trainer.upload(client, "/trainer/content", [], file: ("file", "code-of-ethics.xml", course))
            #expect(page.status == .ok, "\(page.body.prefix(600))")
            let other = String(decoding: course, as: UTF8.self).replacingOccurrences(of: #"template="standard""#, with: #"template="missing""#)
            let missing = try await trainer.upload(client, "/trainer/content", [], file: ("file", "code-of-ethics.xml", Array(other.utf8)))
            #expect(missing.status == .unprocessableContent)
            #expect(missing.body.contains("Certificates/missing.svg"))
            #expect(!missing.body.contains("/tmp") && !missing.body.contains("jariya-upload"))
        }
    }

    /// Row 3: wrong codes back off with 429 and Retry-After, the trainer sees them, and one code is valid at a time.
    @Test func row3WrongRoomCodesBackOffAndShowOnTheRoll() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = try await client.login("hr")
            let officer = try await client.login("officer-a")
            let id = try await SessionAPITests.createSession(client, world: world, token: hr, minutesFromNow: 5)
            for _ in 0..<Backoff.checkIn.freeTries {
                try await client.send("/api/v1/sessions/\(id)/checkin", .post, token: officer, body: CheckInRequest(code: "000000"), expect: .badRequest)
            }
            let current = try await client.api("/api/v1/sessions/\(id)/code", .get, token: hr, as: RoomCodeView.self, expect: .ok)
            // Even the right code waits: a guesser learns nothing from the answer.
            try await client.execute(uri: "/api/v1/sessions/\(id)/checkin", method: .post,
                                     headers: [.contentType: "application/json", .authorization: "Bearer \(officer)"],
                                     body: ByteBuffer(bytes: try TestJSON.encoder().encode(CheckInRequest(code: current.code)))) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "30")
            }
            let roll = try await client.api("/api/v1/sessions/\(id)", .get, token: hr, as: SessionView.self, expect: .ok)
            let refused = roll.refusedCheckIns ?? []
            #expect(refused.first?.employeeCode == "A" && refused.first?.count == 5)
            world.clock.advance(minutes: 0.6)
            let now = try await client.api("/api/v1/sessions/\(id)/code", .get, token: hr, as: RoomCodeView.self, expect: .ok)
            try await client.send("/api/v1/sessions/\(id)/checkin", .post, token: officer, body: CheckInRequest(code: now.code), expect: .ok)
        }
        // The code before the current one counts only in the first seconds after it changed.
        let secret = "room-secret"
        let start = Date(timeIntervalSince1970: 1_731_000_000) // the start of a 30 s window
        let previous = RotatingCode.code(secret: secret, at: start.addingTimeInterval(-1))
        #expect(RotatingCode.accepts(previous, secret: secret, at: start.addingTimeInterval(RotatingCode.grace - 1)))
        #expect(!RotatingCode.accepts(previous, secret: secret, at: start.addingTimeInterval(RotatingCode.grace + 1)))
    }

    /// Row 4: redirects go only to this site, whatever browsers would strip or turn around.
    @Test(arguments: ["/\t/evil.example", "/\r\n/evil.example", "/\\evil.example", "\\\\evil.example", "//evil.example",
                      " //evil.example", "https://evil.example", "/%09/evil.example".removingPercentEncoding ?? "", "/\u{00A0}/evil"])
    func row4RedirectsStayOnTheSite(hostile: String) async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let encoded = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let page = try await WebBrowser().get(client, "/lang/en?back=\(encoded)")
            #expect(page.location == "/", "\(hostile.debugDescription) → \(page.location ?? "nil")")
            let login = try await WebBrowser().get(client, "/login?next=\(encoded)")
            #expect(!login.body.contains("evil"))
        }
        #expect(LoginPages.safeNext("/hr/reports?fiscalYear=2567&format=pdf") == "/hr/reports?fiscalYear=2567&format=pdf")
    }

    /// Row 5: bad input is a 4xx with a sentence; a genuine failure is a 500 with a request id the log shares.
    @Test func row5BadInputIsA4xxAndAFailureCarriesARequestID() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = try await client.login("hr")
            let budget = try await client.send("/api/v1/sessions", .post, token: hr, body: Self.sessionBody(world) { $0.budgetBaht = -5 },
                                               expect: .badRequest).text
            #expect(budget.contains("budgetBaht"))
            try await client.send("/api/v1/sessions", .post, token: hr, body: try Self.sessionBody(world) {
                $0.startsAt = try Self.instant("1950-01-01T09:00:00Z"); $0.endsAt = try Self.instant("1950-01-01T12:00:00Z")
            }, expect: .badRequest)
            let admin = WebBrowser()
            _ = try await admin.logIn(client, "admin")
            try await admin.get(client, "/admin")
            let twice = try await admin.post(client, "/admin/users", [("username", "second-login"), ("role", "officer"), ("officerCode", "A"),
                                                                       ("password", "long enough password")])
            #expect(twice.status == .conflict)
        }
        // A failure no layer understood: 500, the id in the body, the header and the log.
        let router = Router(context: BasicRequestContext.self)
        let log = LogCapture()
        router.add(middleware: RequestIDMiddleware(logger: Logger(label: "test") { _ in log }))
        router.get("/api/v1/boom") { _, _ -> String in throw CocoaError(.fileReadCorruptFile) }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/api/v1/boom", method: .get) { response in
                #expect(response.status == .internalServerError)
                let id = response.headers[HTTPField.Name("X-Request-Id")!] ?? "none"
                #expect(String(buffer: response.body).contains(#""requestId":"\#(id)""#))
                #expect(log.lines.contains { $0.contains(id) && $0.contains("/api/v1/boom") && $0.contains("CocoaError") }, "\(log.lines)")
            }
        }
    }

    /// Row 6: nonsense is refused where it enters.
    @Test func row6NonsenseYearsAndQueriesAreRefused() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = try await client.login("hr")
            try await client.send("/api/v1/sessions", .post, token: hr, body: try Self.sessionBody(world) {
                $0.startsAt = try Self.instant("8999-01-01T09:00:00Z"); $0.endsAt = try Self.instant("8999-01-01T12:00:00Z")
            }, expect: .badRequest)
            try await client.send("/api/v1/sessions?fiscalYear=abc", .get, token: hr, expect: .badRequest)
            try await client.send("/api/v1/sessions?fiscalYear=2568", .get, token: hr, expect: .ok)
            try await client.send("/api/v1/reports/compliance?fiscalYear=2568&throughQuarter=9", .get, token: hr, expect: .badRequest)
        }
    }

    /// Rows 7 and 8: the limiter keeps a fixed-size key per account, refuses impossible usernames, slows rather
    /// than locks, lets an office share an address, and remembers across a restart.
    @Test func rows7And8TheLimiterCannotBeTurnedOnItsOwnerOrOnMemory() async throws {
        let world = try QuizWorld()
        try await buildApplication(world.configuration()).test(.router) { client in
            let huge = String(repeating: "ก", count: 500_000)
            let text = try await client.send("/api/v1/login", .post, body: LoginRequest(username: huge, password: "x"), expect: .badRequest).text
            #expect(text.contains("username"))
            // An office behind one address: 60 officers each mistyping once is nowhere near the address's limit.
            for index in 0..<60 {
                try await client.send("/api/v1/login", .post, body: LoginRequest(username: "user\(index)", password: "wrong"), expect: .unauthorized)
            }
            _ = try await client.login("hr")
            // 100 wrong passwords against the owner: slowed, never shut for an hour.
            for _ in 0..<Backoff.account.freeTries {
                try await client.send("/api/v1/login", .post, body: LoginRequest(username: "officer-a", password: "wrong"), expect: .unauthorized)
            }
            let status = try await client.send("/api/v1/login", .post, body: LoginRequest(username: "officer-a", password: "wrong")).status
            #expect(status == .tooManyRequests)
        }
        let keys = try world.database.loginFailureKeys()
        #expect(keys.allSatisfy { $0.count == 64 } && keys.count == 62, "60 accounts, officer-a and the address")
        // A restart forgets nothing: the account still waits, the web page says so with Retry-After.
        try await buildApplication(world.configuration()).test(.router) { client in
            let browser = WebBrowser()
            try await browser.get(client, "/login")
            let page = try await browser.post(client, "/login", [("username", "officer-a"), ("password", QuizWorld.password)])
            #expect(page.status == .tooManyRequests)
            #expect(Int(page.headers[.retryAfter] ?? "") ?? 0 >= 1)
            world.clock.advance(minutes: 2)
            #expect(try await WebBrowser().logIn(client, "officer-a").location == "/my")
        }
    }

    /// Behind the agency's proxy, failures count per client, not per proxy; a client cannot pick its own address.
    @Test func behindATrustedProxyTheForwardedClientIsCounted() {
        let proxies: Set<String> = ["127.0.0.1"]
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "203.0.113.9", trustedProxies: proxies) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "1.2.3.4, 203.0.113.9", trustedProxies: proxies) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "198.51.100.7", forwardedFor: "203.0.113.9", trustedProxies: proxies) == "198.51.100.7")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "<script>", trustedProxies: proxies) == "127.0.0.1")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: "203.0.113.9", trustedProxies: []) == "unknown")
    }

    /// Row 9: no page can be framed, the room's QR screen included.
    @Test func row9EveryAnswerForbidsFraming() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = try await client.login("hr")
            let id = try await SessionAPITests.createSession(client, world: world, token: hr)
            let trainer = WebBrowser()
            _ = try await trainer.logIn(client, "trainer")
            for uri in ["/login", "/trainer", "/trainer/sessions/\(id)/screen", "/admin", "/api/v1/openapi.yaml", "/no-such-page"] {
                let page = try await trainer.get(client, uri)
                #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
            }
        }
    }

    /// Row 12: a method the path has no route for is 405 with Allow, not 404.
    @Test func row12UnroutedMethodsAre405WithAllow() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            for method in [HTTPRequest.Method.trace, .delete, .patch] {
                try await client.execute(uri: "/api/v1/sessions", method: method) { response in
                    #expect(response.status == .methodNotAllowed)
                    #expect(response.headers[.allow] == "GET, HEAD, POST")
                }
            }
            try await client.execute(uri: "/api/v1/sessions/12/nothing", method: .trace) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/healthz", method: .head) { #expect($0.status == .ok) }
        }
    }
}

/// Collects log lines, for the request-id test.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    var lines: [String] { lock.withLock { collected } }
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        lock.withLock { collected.append(message.description) }
    }
}
