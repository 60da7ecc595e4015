import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JariyaAPI
import JariyaCore
@testable import JariyaServer
@testable import JariyaStore
import GRDB
import Synchronization
import Testing

/// The officer's hot path: saves past the deadline, the web page and the API
/// saving the same answer at the same moment, and a burst of logins that must
/// not hold up the officers already in a test.
@Suite struct HotPathTests {
    /// A value the test's tasks share.
    final class Shared<Value: Sendable>: Sendable {
        private let mutex: Mutex<Value>
        init(_ value: Value) { mutex = Mutex(value) }
        func with<Result: Sendable>(_ body: (inout Value) -> Result) -> Result { mutex.withLock { body(&$0) } }
        var value: Value { with { $0 } }
    }

    /// Counts the write transactions the database commits, and those of them that changed something.
    final class Commits: TransactionObserver, Sendable {
        private let state = Mutex((all: 0, commits: 0, changed: false))
        /// Write transactions that changed something.
        var value: Int { state.withLock { $0.commits } }
        /// Every write transaction, empty ones included.
        var all: Int { state.withLock { $0.all } }
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
        func databaseDidChange(with event: DatabaseEvent) { state.withLock { $0.changed = true } }
        func databaseDidCommit(_ db: Database) {
            state.withLock { $0.all += 1; if $0.changed { $0.commits += 1 }; $0.changed = false }
        }
        func databaseDidRollback(_ db: Database) { state.withLock { $0.changed = false } }
    }

    /// Sends a request with an API body and decodes the API's answer.
    static func call<Response: Decodable>(_ client: some TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method,
                                          token: String? = nil, body: (some Encodable)? = Optional<LoginRequest>.none,
                                          as type: Response.Type) async throws -> (HTTPResponse.Status, Response?, String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let buffer = try body.map { ByteBuffer(bytes: try JSONEncoder().encode($0)) }
        return try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            let text = String(buffer: response.body)
            return (response.status, try? APIJSON.decoder().decode(Response.self, from: Data(text.utf8)), text)
        }
    }

    static func login(_ client: some TestClientProtocol, _ username: String) async throws -> String {
        let (status, view, text) = try await call(client, "/api/v1/login", .post,
                                                  body: LoginRequest(username: username, password: QuizWorld.password), as: LoginView.self)
        #expect(status == .ok, "\(text)")
        return view?.token ?? ""
    }

    static func start(_ client: some TestClientProtocol, token: String, _ test: TestKind) async throws -> AttemptView {
        let (status, view, text) = try await call(client, "/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                  body: StartAttemptRequest(test: test), as: AttemptView.self)
        #expect(status == .created, "\(text)")
        return try #require(view)
    }

    /// Some answer of the question's shape, and the same answer as the page's form sends it.
    static func someAnswer(_ question: QuestionView) -> (AnswerView, [(String, String)]) {
        switch question.type {
        case "single", "multiple": (AnswerView(choices: [0]), [("choice", "0")])
        case "true-false": (AnswerView(truth: true), [("truth", "true")])
        case "short": (AnswerView(text: "เจ็ด"), [("text", "เจ็ด")])
        default:
            (AnswerView(matches: Array((question.lefts ?? []).indices)), (question.lefts ?? []).indices.map { ("match-\($0)", "\($0)") })
        }
    }

    @Test func aSavePastTheDeadlineIsRefusedAndTheAttemptIsSubmittedByTheDeadline() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await Self.login(client, "officer-a")
            let pretest = try await Self.start(client, token: token, .pretest)
            _ = try await Self.call(client, "/api/v1/attempts/\(pretest.id)/submit", .post, token: token, as: ResultView.self)
            let posttest = try await Self.start(client, token: token, .posttest)
            let question = try #require(posttest.questions.first)
            let (inTime, _, _) = try await Self.call(client, "/api/v1/attempts/\(posttest.id)/answers/\(question.id)", .put, token: token,
                                                     body: SaveAnswerRequest(seq: 1, answer: Self.someAnswer(question).0), as: SaveView.self)
            #expect(inTime == .ok)
            world.clock.advance(minutes: 32) // 30 minutes and the minute's grace are over
            let second = try #require(posttest.questions.dropFirst().first)
            let commits = Commits()
            world.database.writer.add(transactionObserver: commits, extent: .databaseLifetime)
            let (late, _, text) = try await Self.call(client, "/api/v1/attempts/\(posttest.id)/answers/\(second.id)", .put, token: token,
                                                      body: SaveAnswerRequest(seq: 2, answer: Self.someAnswer(second).0), as: SaveView.self)
            #expect(late == .conflict, "\(text)")
            #expect(commits.all == 1, "the deadline's grade and the refused save are one write transaction")
            let (_, result, _) = try await Self.call(client, "/api/v1/attempts/\(posttest.id)/result", .get, token: token, as: ResultView.self)
            #expect(result?.submittedBy == "deadline")
            let (_, shown, _) = try await Self.call(client, "/api/v1/attempts/\(posttest.id)", .get, token: token, as: AttemptView.self)
            #expect(shown?.status == "submitted")
            #expect(shown?.answers.count == 1, "the late answer was not kept")
        }
    }

    @Test func theWebPageAndTheAPISavingTheSameAnswerAtOnceBothSucceedAndWriteItOnce() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await Self.login(client, "officer-a")
            let attempt = try await Self.start(client, token: token, .pretest)
            let browser = WebBrowser()
            _ = try await browser.logIn(client, "officer-a")
            try await browser.get(client, "/my/attempts/\(attempt.id)/q/1") // the page, and its form token
            let commits = Commits()
            world.database.writer.add(transactionObserver: commits, extent: .databaseLifetime)
            for (index, question) in attempt.questions.enumerated() {
                let (answer, fields) = Self.someAnswer(question)
                // The page's autosave and a client of the API, the same answer at the same moment.
                async let web = browser.post(client, "/my/attempts/\(attempt.id)/q/\(index + 1)", fields + [("go", "stay")],
                                             headers: [HTTPField.Name("X-Jariya-Autosave")!: "1"])
                async let api = Self.call(client, "/api/v1/attempts/\(attempt.id)/answers/\(question.id)", .put, token: token,
                                          body: SaveAnswerRequest(seq: index + 1, answer: answer), as: SaveView.self)
                let (page, (status, saved, text)) = try await (web, api)
                #expect(page.status == .noContent, "question \(index + 1): \(page.body)")
                #expect(status == .ok, "question \(index + 1): \(text)")
                #expect(saved?.lastSeq == index + 1)
            }
            let (_, shown, _) = try await Self.call(client, "/api/v1/attempts/\(attempt.id)", .get, token: token, as: AttemptView.self)
            let view = try #require(shown)
            #expect(view.lastSeq == attempt.questions.count, "each answer was written once, whichever save came first")
            #expect(commits.value == attempt.questions.count, "one write transaction a question: the save that came second wrote nothing")
            for question in attempt.questions {
                #expect(view.answers[question.id] == Self.someAnswer(question).0)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aBurstOfLoginsDoesNotHoldUpSaves() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await Self.login(client, "officer-a")
            let attempt = try await Self.start(client, token: token, .pretest)
            let question = try #require(attempt.questions.first)

            // Every hashing thread busy until the gate opens: as if each were deep in argon2id.
            let hashing = WorkerThreads.hashing
            let gate = DispatchSemaphore(value: 0)
            let busy = Shared(0)
            async let blockers: Void = withTaskGroup(of: Void.self) { group in
                for _ in 0..<hashing.count {
                    group.addTask {
                        await withTaskExecutorPreference(hashing) {
                            busy.with { $0 += 1 }
                            gate.wait()
                        }
                    }
                }
            }
            while busy.value < hashing.count { try await Task.sleep(for: .milliseconds(5)) }

            // More logins than there are request threads, all waiting for a hash.
            let events = Shared<[String]>([])
            let burst = WorkerThreads.database.count + 4
            async let logins = withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for _ in 0..<burst {
                        group.addTask {
                            let (status, _, _) = try await Self.call(client, "/api/v1/login", .post,
                                                                     body: LoginRequest(username: "officer-b", password: QuizWorld.password),
                                                                     as: LoginView.self)
                            events.with { $0.append("login") }
                            return status
                        }
                    }
                    return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            let (saved, _, text) = try await Self.call(client, "/api/v1/attempts/\(attempt.id)/answers/\(question.id)", .put, token: token,
                                                       body: SaveAnswerRequest(seq: 1, answer: Self.someAnswer(question).0), as: SaveView.self)
            events.with { $0.append("save") }
            #expect(saved == .ok, "\(text)")
            #expect(events.value == ["save"], "the save went through while every login still waited for its hash")

            for _ in 0..<hashing.count { gate.signal() }
            await blockers
            let statuses = try await logins
            #expect(statuses.count == burst && statuses.allSatisfy { $0 == .ok }, "and then every login went through")
            #expect(events.value.first == "save")
        }
    }
}

/// An attempt that cannot be graded is never graded 0/0: it stays open, the
/// sweep says so in the log, and `/healthz` says so to whoever watches.
@Suite struct UngradableAttemptTests {
    struct Health: Decodable {
        var status: String
        var problems: [String]?
    }

    @Test func theSweepLeavesItOpenAndHealthSaysDegraded() async throws {
        let world = try QuizWorld()
        let configuration = world.configuration()
        let first = try await buildApplication(configuration)
        let attemptID = try await first.test(.router) { client in
            let token = try await HotPathTests.login(client, "officer-a")
            let pretest = try await HotPathTests.start(client, token: token, .pretest).id
            _ = try await HotPathTests.call(client, "/api/v1/attempts/\(pretest)/submit", .post, token: token, as: ResultView.self)
            return try await HotPathTests.start(client, token: token, .posttest).id
        }
        world.clock.advance(minutes: 40)
        // The published bank no longer reads: as if the file had been damaged on disk.
        try await world.database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER bank_version_no_update")
            try db.execute(sql: "UPDATE bank_version SET source = ?", arguments: [Data("not a bank".utf8)])
        }
        // A server started now has nothing in memory, as after a restart.
        let parts = try await buildRouter(configuration)
        let sweeper = try #require(parts.services.compactMap { $0 as? DeadlineSweeper }.first)
        sweeper.sweep()
        let officerA = try #require(try world.database.user(username: "officer-a"))
        let header = try world.database.attemptHeader(publicID: attemptID, userID: officerA.id ?? 0)
        #expect(header.submittedAt == nil, "not graded against nothing")
        try await Application(router: parts.router).test(.router) { client in
            let (status, health, text) = try await HotPathTests.call(client, "/healthz", .get, as: Health.self)
            #expect(status == .ok)
            #expect(health?.status == "degraded", "\(text)")
            #expect(health?.problems?.first?.contains("cannot be graded") == true, "\(text)")
        }
    }
}
