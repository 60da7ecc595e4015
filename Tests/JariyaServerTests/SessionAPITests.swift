import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaCore
import JariyaServer
import JariyaStore
import Testing

@Suite struct SessionAPITests {
    /// Creates a session starting `minutesFromNow` after the test clock, as the trainer (here HR).
    static func createSession(_ client: some TestClientProtocol, world: QuizWorld, token: String, minutesFromNow: Double = 10) async throws -> Int {
        let formatter = ISO8601DateFormatter()
        let start = world.clock.now.addingTimeInterval(minutesFromNow * 60)
        let (_, session, _) = try await client.json("/api/v1/sessions", .post, token: token, body: [
            "course": "code-of-ethics", "title": "อบรมบรรยาย ครั้งที่ 1", "startsAt": formatter.string(from: start),
            "endsAt": formatter.string(from: start.addingTimeInterval(3 * 3600)), "place": "ห้องประชุม อบต.", "trainer": "วิทยากร",
        ], expect: .created)
        return session["id"] as? Int ?? 0
    }

    @Test func selfCheckInTakesTheCurrentCodeInTheWindowOnce() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = try await client.login("hr")
            let officer = try await client.login("officer-a")
            let id = try await Self.createSession(client, world: world, token: hr, minutesFromNow: 45)

            let (_, early, _) = try await client.json("/api/v1/sessions/\(id)/code", .get, token: hr, expect: .ok)
            try await client.json("/api/v1/sessions/\(id)/checkin", .post, token: officer, body: ["code": early["code"] as? String ?? ""],
                                  expect: .badRequest) // 45 minutes early: not open yet
            world.clock.advance(minutes: 20)
            let (_, current, _) = try await client.json("/api/v1/sessions/\(id)/code", .get, token: hr, expect: .ok)
            let code = current["code"] as? String ?? ""
            #expect(code.count == 6)
            let stale = try await client.json("/api/v1/sessions/\(id)/checkin", .post, token: officer,
                                              body: ["code": early["code"] as? String ?? ""], expect: .badRequest).2
            #expect(stale.contains("not the one shown in the room"))
            try await client.json("/api/v1/sessions/\(id)/checkin", .post, token: officer, body: ["code": "000000"], expect: .badRequest)
            world.clock.advance(minutes: 0.5) // the code changed since it was read: the previous one still counts
            let (_, done, _) = try await client.json("/api/v1/sessions/\(id)/checkin", .post, token: officer, body: ["code": code], expect: .ok)
            #expect(done["status"] as? String == "present")
            #expect(done["ledgerSeq"] as? Int != nil)
            try await client.json("/api/v1/sessions/\(id)/checkin", .post, token: officer, body: ["code": code], expect: .conflict)

            // Someone else: HR cannot use the officer's route, an officer cannot mark anyone.
            try await client.json("/api/v1/sessions/\(id)/checkin", .post, token: hr, body: ["code": code], expect: .forbidden)
            try await client.json("/api/v1/sessions/\(id)/attendance/B", .put, token: officer, body: ["status": "present"], expect: .forbidden)
            try await client.json("/api/v1/sessions/\(id)/code", .get, token: officer, expect: .forbidden)

            world.clock.advance(minutes: 4 * 60)
            let (_, late, _) = try await client.json("/api/v1/sessions/\(id)/code", .get, token: hr, expect: .ok)
            let officerB = try await client.login("officer-b")
            try await client.json("/api/v1/sessions/\(id)/checkin", .post, token: officerB, body: ["code": late["code"] as? String ?? ""],
                                  expect: .badRequest) // after the end
            let (_, shown, _) = try await client.json("/api/v1/sessions/\(id)", .get, token: hr, expect: .ok)
            let attendance = shown["attendance"] as? [[String: Any]] ?? []
            #expect(attendance.map { $0["employeeCode"] as? String } == ["A"])
            #expect(attendance.first?["method"] as? String == "self")
        }
    }

    @Test func completionExistsWhenTheEarningRequestReturnsAndACorrectionRemovesIt() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = try await client.login("hr")
            let officer = try await client.login("officer-a")
            let id = try await Self.createSession(client, world: world, token: hr, minutesFromNow: -30)
            let (_, marked, _) = try await client.json("/api/v1/sessions/\(id)/attendance/A", .put, token: hr,
                                                       body: ["status": "present"], expect: .ok)
            #expect(marked["completion"] == nil, "attended, but the post-test is not passed yet")

            let (_, pretest, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: officer, body: ["test": "pretest"], expect: .created)
            try await client.json("/api/v1/attempts/\(pretest["id"] as? String ?? "")/submit", .post, token: officer, expect: .ok)
            let (_, posttest, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: officer, body: ["test": "posttest"], expect: .created)
            try await QuizAPITests.answerAll(client, world: world, token: officer, attempt: posttest) { _ in true }
            try await client.json("/api/v1/attempts/\(posttest["id"] as? String ?? "")/submit", .post, token: officer, expect: .ok)
            let officerID = try #require(try world.database.user(username: "officer-a")?.officerId)
            let fiscalYear = FiscalYear(containing: world.clock.now).buddhistYear
            #expect(try world.database.completion(officerID: officerID, courseKey: "code-of-ethics", fiscalYear: fiscalYear) != nil,
                    "the submit that met the rule has already recorded the completion")

            try await client.json("/api/v1/sessions/\(id)/attendance/A", .put, token: hr, body: ["status": "absent"], expect: .conflict)
            let (_, corrected, _) = try await client.json("/api/v1/sessions/\(id)/attendance/A", .put, token: hr,
                                                          body: ["status": "absent", "reason": "ลงชื่อแทนกัน"], expect: .ok)
            #expect(corrected["completion"] as? String == "revoked")
            #expect(try world.database.completion(officerID: officerID, courseKey: "code-of-ethics", fiscalYear: fiscalYear) == nil)
        }
    }
}
