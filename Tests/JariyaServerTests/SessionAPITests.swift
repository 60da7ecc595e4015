import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaAPI
import JariyaCore
import JariyaServer
import JariyaStore
import Testing


@Suite struct SessionAPITests {
    /// Creates a session starting `minutesFromNow` after the test clock, as the trainer (here HR).
    static func createSession(_ client: some TestClientProtocol, world: QuizWorld, token: String, minutesFromNow: Double = 10) async throws -> Int {
        let start = world.clock.now.addingTimeInterval(minutesFromNow * 60)
        let session = try await client.api("/api/v1/sessions", .post, token: token, body: CreateSessionRequest(
            course: "code-of-ethics", title: "อบรมบรรยาย ครั้งที่ 1", startsAt: start, endsAt: start.addingTimeInterval(3 * 3600),
            place: "ห้องประชุม อบต.", trainer: "วิทยากร"), as: SessionView.self, expect: .created)
        return Int(session.id)
    }

    @Test func selfCheckInTakesTheCurrentCodeInTheWindowOnce() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = try await client.login("hr")
            let officer = try await client.login("officer-a")
            let id = try await Self.createSession(client, world: world, token: hr, minutesFromNow: 45)

            let early = try await client.api("/api/v1/sessions/\(id)/code", .get, token: hr, as: RoomCodeView.self, expect: .ok)
            try await client.send("/api/v1/sessions/\(id)/checkin", .post, token: officer, body: CheckInRequest(code: early.code),
                                  expect: .badRequest) // 45 minutes early: not open yet
            world.clock.advance(minutes: 20)
            let current = try await client.api("/api/v1/sessions/\(id)/code", .get, token: hr, as: RoomCodeView.self, expect: .ok)
            let code = current.code
            #expect(code.count == 6)
            let stale = try await client.send("/api/v1/sessions/\(id)/checkin", .post, token: officer,
                                              body: CheckInRequest(code: early.code), expect: .badRequest).text
            #expect(stale.contains("not the one shown in the room"))
            try await client.send("/api/v1/sessions/\(id)/checkin", .post, token: officer, body: CheckInRequest(code: "000000"), expect: .badRequest)
            world.clock.advance(minutes: 0.5) // the code changed since it was read: the previous one still counts
            let done = try await client.api("/api/v1/sessions/\(id)/checkin", .post, token: officer, body: CheckInRequest(code: code),
                                            as: AttendanceOutcomeView.self, expect: .ok)
            #expect(done.status == "present")
            #expect(done.ledgerSeq != nil)
            try await client.send("/api/v1/sessions/\(id)/checkin", .post, token: officer, body: CheckInRequest(code: code), expect: .conflict)

            // Someone else: HR cannot use the officer's route, an officer cannot mark anyone.
            try await client.send("/api/v1/sessions/\(id)/checkin", .post, token: hr, body: CheckInRequest(code: code), expect: .forbidden)
            try await client.send("/api/v1/sessions/\(id)/attendance/B", .put, token: officer, body: MarkAttendanceRequest(status: .present),
                                  expect: .forbidden)
            try await client.send("/api/v1/sessions/\(id)/code", .get, token: officer, expect: .forbidden)

            world.clock.advance(minutes: 4 * 60)
            let late = try await client.api("/api/v1/sessions/\(id)/code", .get, token: hr, as: RoomCodeView.self, expect: .ok)
            let officerB = try await client.login("officer-b")
            try await client.send("/api/v1/sessions/\(id)/checkin", .post, token: officerB, body: CheckInRequest(code: late.code),
                                  expect: .badRequest) // after the end
            let shown = try await client.api("/api/v1/sessions/\(id)", .get, token: hr, as: SessionView.self, expect: .ok)
            let attendance = shown.attendance ?? []
            #expect(attendance.map(\.employeeCode) == ["A"])
            #expect(attendance.first?.method == "self")
        }
    }

    @Test func completionExistsWhenTheEarningRequestReturnsAndACorrectionRemovesIt() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = try await client.login("hr")
            let officer = try await client.login("officer-a")
            let id = try await Self.createSession(client, world: world, token: hr, minutesFromNow: -30)
            let marked = try await client.send("/api/v1/sessions/\(id)/attendance/A", .put, token: hr,
                                               body: MarkAttendanceRequest(status: .present), expect: .ok)
            #expect(try !marked.has("completion") && marked.decode(AttendanceOutcomeView.self).completion == nil,
                    "attended, but the post-test is not passed yet")

            let pretest = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: officer,
                                               body: StartAttemptRequest(test: .pretest), as: AttemptView.self, expect: .created)
            try await client.send("/api/v1/attempts/\(pretest.id)/submit", .post, token: officer, expect: .ok)
            let posttest = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: officer,
                                                body: StartAttemptRequest(test: .posttest), as: AttemptView.self, expect: .created)
            try await QuizAPITests.answerAll(client, world: world, token: officer, attempt: posttest) { _ in true }
            try await client.send("/api/v1/attempts/\(posttest.id)/submit", .post, token: officer, expect: .ok)
            let officerID = try #require(try world.database.user(username: "officer-a")?.officerId)
            let fiscalYear = FiscalYear(containing: world.clock.now).buddhistYear
            #expect(try world.database.completion(officerID: officerID, courseKey: "code-of-ethics", fiscalYear: fiscalYear) != nil,
                    "the submit that met the rule has already recorded the completion")

            try await client.send("/api/v1/sessions/\(id)/attendance/A", .put, token: hr, body: MarkAttendanceRequest(status: .absent),
                                  expect: .conflict)
            let corrected = try await client.api("/api/v1/sessions/\(id)/attendance/A", .put, token: hr,
                                                 body: MarkAttendanceRequest(status: .absent, reason: "ลงชื่อแทนกัน"), as: AttendanceOutcomeView.self,
                                                 expect: .ok)
            #expect(corrected.completion == "revoked")
            #expect(try world.database.completion(officerID: officerID, courseKey: "code-of-ethics", fiscalYear: fiscalYear) == nil)
        }
    }
}
