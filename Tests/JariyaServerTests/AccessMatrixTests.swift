import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaAPI
import JariyaApp
import JariyaCore
import JariyaServer
import JariyaStore
import JariyaXML
import Testing

/// Every route the router holds, asked by every kind of user: anonymous,
/// officer A (who owns the attempts and the certificate), officer B, a
/// trainer, HR, an admin, and an officer and an admin of another agency.
/// A role the rule does not allow gets 401 (the API) or the login page (a
/// page) when not logged in and 403 otherwise; someone else's attempt,
/// certificate, session, assignment or user answers exactly as one that does
/// not exist; allowed users are served. A route without a rule fails by name.
@Suite struct AccessMatrixTests {
    typealias Rule = AccessMatrix.Rule
    typealias Probe = AccessMatrix.Probe
    typealias Actor = AccessMatrix.Actor

    /// The fiscal year of the test clock (7 November 2024).
    static let fiscalYear = 2568

    /// Ids of the same kinds as the real ones that name nothing.
    enum Missing {
        static let attempt = String(repeating: "0", count: 32)
        static let certificate = "ZZZZ-ZZZZ"
        static let session = "987654"
        static let assignment = "987654"
        static let username = "nobody-here"
    }

    /// The objects the matrix points at, all agency 1's, most officer A's.
    struct Fixture {
        /// A lecture session, started half an hour ago; A is marked present.
        var session = "1"
        /// A's submitted post-test (it passed and issued the certificate).
        var submitted = "submitted-attempt"
        /// A's open second post-test.
        var open = "open-attempt"
        /// The first question of the open attempt, and a save of its right answer.
        var question = "q1"
        var save = Data("{}".utf8)
        /// A's certificate.
        var certificate = "ABCD-EFGH"
        /// An assignment of the course to สำนักปลัด.
        var assignment = "1"
        /// A second assignment: the first allowed role removes the first, the next this one.
        var spareAssignment = "2"
        /// The session's room code now.
        var roomCode = "000000"
        /// A user for the admin to edit who is none of the actors.
        var clerk = "clerk"
    }

    // MARK: The rules

    /// The access rule of every route, by "METHOD /path" as the router names it.
    static func rules(_ f: Fixture) -> [String: Rule] {
        let officer = AccessMatrix.Access.roles([.officer])
        let staff = AccessMatrix.Access.roles([.trainer, .hr, .admin])
        let hrAdmin = AccessMatrix.Access.roles([.hr, .admin])
        let admin = AccessMatrix.Access.roles([.admin])
        let attempt = { (real: String) in AccessMatrix.OwnedID(owner: .officer, real: real, missing: Missing.attempt) }
        let certificate = AccessMatrix.OwnedID(owner: .officer, real: f.certificate, missing: Missing.certificate, readers: [.hr, .admin])
        let session = AccessMatrix.OwnedID(owner: .agency, real: f.session, missing: Missing.session)
        let password = QuizWorld.password
        let year = String(fiscalYear)
        let roomCheckIn = { (id: String) in Probe.json("/api/v1/sessions/\(id)/checkin", CheckInRequest(code: f.roomCode)) }
        let now = CivilDate(Date(timeIntervalSince1970: 1_731_000_000), in: .bangkok).description
        let sessionStart = Date(timeIntervalSince1970: 1_732_068_000) // 2024-11-20T02:00:00Z

        return [
            // Public: the course list, health, certificate checks, the login page, the language switch.
            "GET /": Rule(.anyone) { _, _ in Probe("/") },
            "GET /healthz": Rule(.anyone) { _, _ in Probe("/healthz") },
            "GET /verify": Rule(.anyone) { _, _ in Probe("/verify") },
            // A certificate's facts are for anyone holding its code: the QR code on the paper.
            "GET /verify/{code}": Rule(.anyone) { _, _ in Probe("/verify/\(f.certificate)") },
            "GET /.well-known/jariya-signing-key": Rule(.anyone) { _, _ in Probe("/.well-known/jariya-signing-key") },
            "GET /assets/jariya/{name}": Rule(.anyone) { _, _ in Probe("/assets/jariya/quiz.js") },
            "GET /login": Rule(.anyone) { _, _ in Probe("/login") },
            "POST /login": Rule(.anyone) { _, actor in
                Probe("/login", .form([("username", actor.username ?? "officer-b"), ("password", password)]), ownSession: true)
            },
            "POST /logout": Rule(.anyone) { _, _ in Probe("/logout", .form([]), ownSession: true) },
            "GET /lang/{language}": Rule(.anyone) { _, _ in Probe("/lang/en?back=%2F") },
            "GET /api/v1/openapi.yaml": Rule(.anyone) { _, _ in Probe("/api/v1/openapi.yaml") },
            "POST /api/v1/login": Rule(.anyone) { _, actor in
                Probe.json("/api/v1/login", LoginRequest(username: actor.username ?? "officer-b", password: password))
            },
            "GET /api/v1/certificates/{code}": Rule(.anyone) { _, _ in Probe("/api/v1/certificates/\(f.certificate)") },

            // The API, for officers: their courses, their attempts, their certificates.
            "POST /api/v1/logout": Rule(.loggedIn) { _, _ in Probe("/api/v1/logout", .none, ownSession: true) },
            // Like /my and /api/v1/me/certificates: staff have no courses of their own.
            "GET /api/v1/me/courses": Rule(officer) { _, _ in Probe("/api/v1/me/courses") },
            "POST /api/v1/courses/{course}/attempts": Rule(officer) { _, _ in
                Probe.json("/api/v1/courses/code-of-ethics/attempts", StartAttemptRequest(test: .posttest))
            },
            // An attempt that is not yours answers 404, like one that does not exist (the OpenAPI document says so).
            "GET /api/v1/attempts/{attempt}": Rule(.loggedIn, id: attempt(f.open)) { id, _ in Probe("/api/v1/attempts/\(id)") },
            "PUT /api/v1/attempts/{attempt}/answers/{question}": Rule(.loggedIn, id: attempt(f.open)) { id, _ in
                Probe("/api/v1/attempts/\(id)/answers/\(f.question)", .json(f.save))
            },
            "POST /api/v1/attempts/{attempt}/submit": Rule(.loggedIn, id: attempt(f.submitted)) { id, _ in
                Probe("/api/v1/attempts/\(id)/submit")
            },
            "GET /api/v1/attempts/{attempt}/result": Rule(.loggedIn, id: attempt(f.submitted)) { id, _ in
                Probe("/api/v1/attempts/\(id)/result")
            },
            "GET /api/v1/me/certificates": Rule(officer) { _, _ in Probe("/api/v1/me/certificates") },
            "GET /api/v1/certificates/{code}/pdf": Rule(.loggedIn, id: certificate) { id, _ in Probe("/api/v1/certificates/\(id)/pdf") },
            "POST /api/v1/sessions/{session}/checkin": Rule(officer, id: session) { id, _ in roomCheckIn(id) },

            // The API, for staff: sessions and the roll; reports for HR and admins.
            "GET /api/v1/sessions": Rule(staff) { _, _ in Probe("/api/v1/sessions?fiscalYear=\(year)") },
            "POST /api/v1/sessions": Rule(staff) { _, _ in
                Probe.json("/api/v1/sessions", CreateSessionRequest(course: "code-of-ethics", title: "อบรมทบทวน", startsAt: sessionStart,
                                                                    endsAt: sessionStart.addingTimeInterval(3 * 3600), place: "ห้องประชุม",
                                                                    trainer: "วิทยากร"))
            },
            "GET /api/v1/sessions/{session}": Rule(staff, id: session) { id, _ in Probe("/api/v1/sessions/\(id)") },
            "PUT /api/v1/sessions/{session}/attendance/{officer}": Rule(staff, id: session) { id, _ in
                Probe.json("/api/v1/sessions/\(id)/attendance/B", MarkAttendanceRequest(status: .late, reason: "มาสายครึ่งชั่วโมง"))
            },
            "GET /api/v1/sessions/{session}/code": Rule(staff, id: session) { id, _ in Probe("/api/v1/sessions/\(id)/code") },
            "GET /api/v1/reports/compliance": Rule(hrAdmin) { _, _ in Probe("/api/v1/reports/compliance?fiscalYear=\(year)") },
            "GET /api/v1/reports/completion": Rule(hrAdmin) { _, _ in Probe("/api/v1/reports/completion?fiscalYear=\(year)") },

            // Officers' pages.
            "GET /my": Rule(officer) { _, _ in Probe("/my") },
            // Any logged-in user may read a published module (trainers and HR see what officers read).
            "GET /my/courses/{course}/modules/{module}": Rule(.loggedIn) { _, _ in Probe("/my/courses/code-of-ethics/modules/1") },
            "GET /my/certificates": Rule(officer) { _, _ in Probe("/my/certificates") },
            "GET /my/certificates/{code}/pdf": Rule(.loggedIn, id: certificate) { id, _ in Probe("/my/certificates/\(id)/pdf") },
            "POST /my/courses/{course}/tests/{kind}": Rule(officer) { _, _ in Probe("/my/courses/code-of-ethics/tests/posttest", .form([])) },
            "GET /my/attempts/{attempt}/q/{number}": Rule(officer, id: attempt(f.open)) { id, _ in Probe("/my/attempts/\(id)/q/1") },
            "POST /my/attempts/{attempt}/q/{number}": Rule(officer, id: attempt(f.open)) { id, _ in
                Probe("/my/attempts/\(id)/q/1", .form([("go", "next")]))
            },
            "GET /my/attempts/{attempt}/review": Rule(officer, id: attempt(f.open)) { id, _ in Probe("/my/attempts/\(id)/review") },
            "POST /my/attempts/{attempt}/submit": Rule(officer, id: attempt(f.submitted)) { id, _ in
                Probe("/my/attempts/\(id)/submit", .form([("confirm", "yes")]))
            },
            "GET /my/attempts/{attempt}/result": Rule(officer, id: attempt(f.submitted)) { id, _ in Probe("/my/attempts/\(id)/result") },
            "GET /checkin": Rule(officer) { _, _ in Probe("/checkin?session=\(f.session)&code=\(f.roomCode)") },
            "POST /checkin": Rule(officer, id: session) { id, _ in Probe("/checkin", .form([("session", id), ("code", f.roomCode)])) },

            // HR's pages (HR and admins).
            "GET /hr": Rule(hrAdmin) { _, _ in Probe("/hr?fiscalYear=\(year)") },
            "POST /hr/notes": Rule(hrAdmin) { _, _ in
                Probe("/hr/notes", .form([("fiscalYear", year), ("throughQuarter", "1"), ("problems", "ห้องประชุมเล็ก"), ("suggestions", "")]))
            },
            "GET /hr/reports/compliance": Rule(hrAdmin) { _, _ in Probe("/hr/reports/compliance?fiscalYear=\(year)&format=csv") },
            "GET /hr/reports/completion": Rule(hrAdmin) { _, _ in Probe("/hr/reports/completion?fiscalYear=\(year)&format=csv") },
            "GET /hr/roster": Rule(hrAdmin) { _, _ in Probe("/hr/roster") },
            "POST /hr/roster": Rule(hrAdmin) { _, actor in
                Probe("/hr/roster", .upload([("effective", "2023-10-01")], field: "file", filename: "roster.csv",
                                            bytes: Array(Neighbour.roster(of: actor).utf8)))
            },
            "POST /hr/roster/import": Rule(hrAdmin) { _, actor in
                Probe("/hr/roster/import", .form([("source", Data(Neighbour.roster(of: actor).utf8).base64EncodedString()),
                                                  ("filename", "roster.csv"), ("effective", "2023-10-01")]))
            },
            "GET /hr/assignments": Rule(hrAdmin) { _, _ in Probe("/hr/assignments?fiscalYear=\(year)") },
            "POST /hr/assignments": Rule(hrAdmin) { _, _ in
                Probe("/hr/assignments", .form([("fiscalYear", year), ("course", "code-of-ethics"), ("division", "works")]))
            },
            // Removing an assignment that is not there (or is another agency's) is 404 for both, the same
            // answer; that a refused request removes nothing is checked apart. HR removes the assignment,
            // then the admin removes the spare one: a removed assignment is gone, and a second try is 404.
            "POST /hr/assignments/{assignment}/remove": Rule(hrAdmin, id: .init(owner: .agency, real: f.assignment, missing: Missing.assignment,
                                                                                answer: .notFound)) { id, actor in
                let target = id == f.assignment && actor.role == .admin && actor.agency == Actor.homeAgency ? f.spareAssignment : id
                return Probe("/hr/assignments/\(target)/remove", .form([("fiscalYear", year)]))
            },

            // Trainers' pages (trainers, HR and admins).
            "GET /trainer": Rule(staff) { _, _ in Probe("/trainer") },
            "POST /trainer/content": Rule(staff) { _, _ in
                Probe("/trainer/content", .upload([], field: "file", filename: "ethics-basics.xml", bytes: Neighbour.bank))
            },
            "POST /trainer/content/publish": Rule(staff) { _, _ in
                Probe("/trainer/content/publish", .form([("filename", "ethics-basics.xml"), ("source", Data(Neighbour.bank).base64EncodedString())]))
            },
            "POST /trainer/sessions": Rule(staff) { _, _ in
                Probe("/trainer/sessions", .form([("course", "code-of-ethics"), ("title", "อบรมทบทวน"), ("day", now), ("starts", "13:00"),
                                                  ("ends", "16:00"), ("place", "ห้องประชุม"), ("trainer", "วิทยากร"), ("format", "onsite")]))
            },
            "GET /trainer/sessions/{session}": Rule(staff, id: session) { id, _ in Probe("/trainer/sessions/\(id)") },
            "POST /trainer/sessions/{session}/roll": Rule(staff, id: session) { id, _ in
                Probe("/trainer/sessions/\(id)/roll", .form([("code", "B"), ("status", "late"), ("reason", "มาสายครึ่งชั่วโมง")]))
            },
            "GET /trainer/sessions/{session}/screen": Rule(staff, id: session) { id, _ in Probe("/trainer/sessions/\(id)/screen") },

            // The admin's pages.
            "GET /admin": Rule(admin) { _, _ in Probe("/admin") },
            "POST /admin/users": Rule(admin) { _, _ in
                Probe("/admin/users", .form([("username", "made-\(UUID().uuidString.prefix(8).lowercased())"), ("displayName", ""),
                                             ("role", "trainer"), ("password", "a long enough password")]))
            },
            "POST /admin/users/{username}": Rule(admin, id: .init(owner: .agency, real: f.clerk, missing: Missing.username)) { id, _ in
                Probe("/admin/users/\(id)", .form([("role", "trainer"), ("active", "yes")]))
            },
            "POST /admin/agency": Rule(admin) { _, actor in Probe("/admin/agency", .form(Neighbour.profile(of: actor))) },
        ]
    }

    // MARK: The tests

    @Test func everyRouteHasARuleAndTheOpenAPIDocumentMatchesTheRouter() async throws {
        let world = try QuizWorld()
        let routes = try await buildRouter(world.configuration()).router.routes.map { "\($0.method) \($0.path)" }
        let table = Self.rules(Fixture())
        for route in routes where table[route] == nil {
            Issue.record("route \(route) has no access rule")
        }
        for rule in table.keys where !routes.contains(rule) {
            Issue.record("the access rule for \(rule) names no route")
        }
        let app = try await buildApplication(world.configuration())
        let document = try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { String(buffer: $0.body) }
        }
        let documented = AccessMatrix.operations(inOpenAPI: document)
        #expect(documented.count > 10, "the OpenAPI document's paths were read")
        let api = Set(routes.filter { $0.split(separator: " ").last?.hasPrefix("/api/v1/") ?? false })
        for route in api.subtracting(documented).sorted() {
            Issue.record("route \(route) is not in the OpenAPI document")
        }
        for operation in documented.subtracting(api).sorted() {
            Issue.record("the OpenAPI document's \(operation) is not routed")
        }
    }

    @Test func everyRouteAnswersEachRoleAsItsRuleSays() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let world = try QuizWorld()
        try Neighbour.add(to: world)
        var configuration = world.configuration(signing: true)
        configuration.agencyCode = "yodkaew"
        let routes = try await buildRouter(configuration).router.routes
            .map { (method: $0.method, key: "\($0.method) \($0.path)") }.sorted { $0.key < $1.key }
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            let fixture = try await Self.fixture(client, world: world)
            let actors = [
                try await Actor.anonymous(client),
                try await Actor.logIn(client, name: "officer A (the owner)", username: "officer-a", role: .officer, agency: 1, ownsTheIDs: true),
                try await Actor.logIn(client, name: "officer B", username: "officer-b", role: .officer, agency: 1),
                try await Actor.logIn(client, name: "trainer", username: "trainer", role: .trainer, agency: 1),
                try await Actor.logIn(client, name: "hr", username: "hr", role: .hr, agency: 1),
                try await Actor.logIn(client, name: "admin", username: "admin", role: .admin, agency: 1),
                try await Actor.logIn(client, name: "officer of another agency", username: "officer-c", role: .officer, agency: 2),
                try await Actor.logIn(client, name: "admin of another agency", username: "admin-x", role: .admin, agency: 2),
            ]
            let table = Self.rules(fixture)
            // ACCESS_MATRIX_VERBOSE=1 prints every request and its answer.
            let verbose = ProcessInfo.processInfo.environment["ACCESS_MATRIX_VERBOSE"] != nil
            var requests = 0
            var violations: [String] = []
            var served: [(method: HTTPRequest.Method, key: String, rule: Rule, actor: Actor)] = []

            /// Sends one probe and judges it; someone else's id is sent again as a missing id and compared.
            func check(_ method: HTTPRequest.Method, _ key: String, _ rule: Rule, _ actor: Actor) async throws {
                let expected = rule.expectation(for: actor)
                var sender = actor
                if rule.probe(rule.id?.real ?? "", actor).ownSession { sender = try await actor.again(client) }
                let probe = rule.probe(rule.id?.real ?? "", sender)
                let answer = try await AccessMatrix.send(client, method, probe, as: sender)
                requests += 1
                if verbose { print("  \(key) as \(actor.name): expected \(expected), got \(answer.summary)") }
                let isPublic = if case .anyone = rule.access { true } else { false }
                if !AccessMatrix.meets(answer, expected, api: probe.target.hasPrefix("/api/"), public: isPublic, takesID: rule.id != nil) {
                    violations.append("\(key) as \(actor.name): expected \(expected), got \(answer.summary)")
                    return
                }
                guard case .hidden = expected, let id = rule.id else { return }
                let missing = try await AccessMatrix.send(client, method, rule.probe(id.missing, sender), as: sender)
                requests += 1
                if verbose { print("    the same with a missing id: \(missing.summary)") }
                let theirs = AccessMatrix.shape(answer, naming: id.real)
                let none = AccessMatrix.shape(missing, naming: id.missing)
                if theirs != none {
                    violations.append("\(key) as \(actor.name): someone else's id (\(answer.summary)) does not answer like a missing one "
                                      + "(\(missing.summary))\n    theirs:  \(theirs.prefix(400))\n    missing: \(none.prefix(400))")
                }
            }

            // First every refusal, while the objects are as set up; then what is allowed, which may change them.
            for (method, key) in routes {
                guard let rule = table[key] else {
                    violations.append("route \(key) has no access rule")
                    continue
                }
                for actor in actors {
                    if case .allowed = rule.expectation(for: actor) {
                        served.append((method, key, rule, actor))
                    } else {
                        try await check(method, key, rule, actor)
                    }
                }
            }
            violations += try Self.untouched(world, fixture: fixture)
            for (method, key, rule, actor) in served {
                try await check(method, key, rule, actor)
            }

            let seconds = (clock.now - started).components.seconds
            print("access matrix: \(requests) requests over \(routes.count) routes and \(actors.count) actors "
                  + "(\(actors.map(\.name).joined(separator: ", "))), \(served.count) allowed pairs, "
                  + "\(violations.count) violations, \(seconds) s")
            for violation in violations { print("  violation: \(violation)") }
            #expect(violations.isEmpty, "\(violations.count) access violations:\n\(violations.joined(separator: "\n"))")
        }
    }

    // MARK: The objects

    /// Officer A attends the session, takes the pre-test, passes the post-test
    /// (which issues the certificate) and opens a second post-test; HR
    /// assigns the course to สำนักปลัด; the admin's clerk gets an account.
    static func fixture(_ client: some TestClientProtocol, world: QuizWorld) async throws -> Fixture {
        var f = Fixture()
        let hr = try await client.login("hr")
        let officer = try await client.login("officer-a")
        let session = try await SessionAPITests.createSession(client, world: world, token: hr, minutesFromNow: -30)
        f.session = String(session)
        try await client.send("/api/v1/sessions/\(session)/attendance/A", .put, token: hr, body: MarkAttendanceRequest(status: .present), expect: .ok)
        let start = "/api/v1/courses/code-of-ethics/attempts"
        let pretest = try await client.api(start, .post, token: officer, body: StartAttemptRequest(test: .pretest), as: AttemptView.self,
                                           expect: .created)
        try await client.send("/api/v1/attempts/\(pretest.id)/submit", .post, token: officer, expect: .ok)
        let first = try await client.api(start, .post, token: officer, body: StartAttemptRequest(test: .posttest), as: AttemptView.self,
                                         expect: .created)
        try await QuizAPITests.answerAll(client, world: world, token: officer, attempt: first) { _ in true }
        f.submitted = first.id
        try await client.send("/api/v1/attempts/\(f.submitted)/submit", .post, token: officer, expect: .ok)
        let mine = try await client.api("/api/v1/me/certificates", .get, token: officer, as: CertificatesView.self, expect: .ok)
        f.certificate = try #require(mine.certificates.first?.code, "passing issued a certificate")
        // A passed post-test is taken no more that year: the open attempt is at a second course.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sample = try String(contentsOf: root.appendingPathComponent("Courses/code-of-ethics.xml"), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-matrix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let refresher = folder.appendingPathComponent("refresher.xml")
        try Data(sample.replacingOccurrences(of: #"id="code-of-ethics""#, with: #"id="refresher""#).utf8).write(to: refresher)
        let (checked, published) = try ContentPublisher.publish(paths: [refresher.path], content: PublishedContent(database: world.database),
                                                                agency: world.database.agency(code: "yodkaew"), publisher: "trainer",
                                                                now: world.clock.now, contentRoot: root.path)
        #expect(checked.isValid && published.count == 1, "\(checked.diagnostics)")
        let second = try await client.api("/api/v1/courses/refresher/attempts", .post, token: officer, body: StartAttemptRequest(test: .pretest),
                                          as: AttemptView.self, expect: .created)
        f.open = second.id
        let question = try #require(second.questions.first)
        f.question = question.id
        f.save = try TestJSON.encoder().encode(SaveAnswerRequest(seq: 50, answer: world.rightAnswer(question)))

        try world.database.assign(agencyID: 1, courseKey: "code-of-ethics", fiscalYear: fiscalYear, divisionCode: "office", by: "hr",
                                  now: world.clock.now)
        try world.database.assign(agencyID: 1, courseKey: "code-of-ethics", fiscalYear: fiscalYear, divisionCode: "finance", by: "hr",
                                  now: world.clock.now)
        let assignments = try world.database.assignments(agencyID: 1, fiscalYear: fiscalYear).compactMap(\.id).sorted()
        f.assignment = String(try #require(assignments.first))
        f.spareAssignment = String(try #require(assignments.last))
        let secret = try world.database.session(id: Int64(session), agencyID: 1).codeSecret
        f.roomCode = RotatingCode.code(secret: secret, at: world.clock.now)
        _ = try world.database.addUser(agencyID: 1, username: f.clerk, displayName: "ธุรการ", role: .trainer, officerCode: nil,
                                       passwordHash: try PasswordHasher.hash(QuizWorld.password), now: world.clock.now)
        return f
    }

    /// After the refusals: nothing the refused requests named has changed.
    static func untouched(_ world: QuizWorld, fixture f: Fixture) throws -> [String] {
        var problems: [String] = []
        if try !world.database.assignments(agencyID: 1, fiscalYear: fiscalYear).contains(where: { String($0.id) == f.assignment }) {
            problems.append("assignment \(f.assignment) was removed by a refused request")
        }
        let owner = try #require(try world.database.user(username: "officer-a")?.id)
        let open = try world.database.attemptHeader(publicID: f.open, userID: owner)
        if open.isSubmitted || open.lastSaveSeq != 0 {
            problems.append("officer A's open attempt was changed by a refused request (submitted: \(open.isSubmitted), last save \(open.lastSaveSeq))")
        }
        let clerk = try world.database.user(username: f.clerk)
        if clerk?.role != .trainer || clerk?.active != true {
            problems.append("the clerk's account was changed by a refused request")
        }
        return problems
    }
}

/// Agency 2, อบต.หนองบัว, in the same database: its own officer C, an admin,
/// and the sample course, so its people are served on their own agency and
/// meet agency 1's ids as strangers.
enum Neighbour {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample question bank's file.
    static let bank: [UInt8] = (try? [UInt8](Data(contentsOf: root.appendingPathComponent("Quizzes/ethics-basics.xml")))) ?? []

    /// Agency 1's roster as QuizWorld imports it, and agency 2's.
    static let rosters: [Int64: String] = [
        1: """
            รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,ตำแหน่ง,สังกัด
            A,นางเกศินี ศรีสุข,พนักงานส่วนตำบล,นักทรัพยากรบุคคล,สำนักปลัด
            B,นายขวัญชัย ใจดี,พนักงานจ้างทั่วไป,คนงานทั่วไป,กองช่าง
            """,
        2: """
            รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,ตำแหน่ง,สังกัด
            C,นายชาตรี บุญมา,พนักงานส่วนตำบล,นักวิชาการเงินและบัญชี,กองคลัง
            """,
    ]

    /// The roster of the actor's own agency.
    static func roster(of actor: AccessMatrix.Actor) -> String { rosters[actor.agency] ?? rosters[1] ?? "" }

    /// The certificate profile of the actor's own agency, as it already is.
    static func profile(of actor: AccessMatrix.Actor) -> [(String, String)] {
        actor.agency == 2
            ? [("serialPrefix", "นบ"), ("signerName", "นางสาวมาลี ดีงาม"), ("signerPosition", "นายกองค์การบริหารส่วนตำบลหนองบัว"), ("verifyBaseURL", "")]
            : [("serialPrefix", "ยก"), ("signerName", "นายสมศักดิ์ ใจงาม"), ("signerPosition", "นายกองค์การบริหารส่วนตำบลยอดแก้ว"), ("verifyBaseURL", "")]
    }

    /// Adds agency 2 to the world's database.
    static func add(to world: QuizWorld) throws {
        let agency = try world.database.createAgency(Agency(
            code: "nongbua", name: "องค์การบริหารส่วนตำบลหนองบัว", shortName: "อบต.หนองบัว", province: "กาฬสินธุ์", district: "นามน",
            createdAt: Date(), serialPrefix: "นบ", signerName: "นางสาวมาลี ดีงาม", signerPosition: "นายกองค์การบริหารส่วนตำบลหนองบัว"))
        let agencyID = try #require(agency.id)
        #expect(agencyID == 2)
        _ = try world.database.importRoster(try Roster.parse(Array((rosters[2] ?? "").utf8)), agencyID: agencyID,
                                            effective: CivilDate(year: 2023, month: 10, day: 1))
        let hash = try PasswordHasher.hash(QuizWorld.password)
        _ = try world.database.addUser(agencyID: agencyID, username: "officer-c", displayName: "", role: .officer, officerCode: "C",
                                       passwordHash: hash, now: Date())
        _ = try world.database.addUser(agencyID: agencyID, username: "admin-x", displayName: "", role: .admin, officerCode: nil,
                                       passwordHash: hash, now: Date())
        let checked = ContentChecker().check(paths: ["Courses/code-of-ethics.xml", "Quizzes/ethics-basics.xml"]
            .map { root.appendingPathComponent($0).path })
        #expect(checked.isValid)
        _ = try ContentPublisher.publish(checked, database: world.database, agency: world.database.agency(id: agencyID),
                                         publisher: "admin-x", now: Date())
    }
}
