import Foundation
import GRDB
import JariyaCore
import Testing
@testable import JariyaStore

@Suite struct AttemptStoreTests {
    struct World {
        let db: AppDatabase
        let user: User
        let plan: AttemptPlan
    }

    static func world(minutes: Int? = 30, attempts: Int? = 2) throws -> World {
        let db = try AppDatabase.inMemory()
        let agencyID = try AppDatabaseTests.agency(db).id ?? 0
        _ = try db.importRoster(try Roster.parse(Array(RosterStoreTests.roster.utf8)), agencyID: agencyID,
                                effective: CivilDate(year: 2023, month: 10, day: 1))
        let hash = try PasswordHasher.hash("long enough password")
        let user = try db.addUser(agencyID: agencyID, username: "a1", displayName: "", role: .officer, officerCode: "A1",
                                  passwordHash: hash, now: Date())
        _ = try db.publish(agencyID: agencyID, banks: [AppDatabaseTests.bank("v1")], courses: [AppDatabaseTests.course("c1")],
                           publisher: "t", now: Date())
        let course = try #require(try db.currentCourse(agencyID: agencyID, key: "c"))
        let drawn = ["q1", "q2"].map { DrawnQuestion(questionID: $0, order: [0, 1]) }
        let plan = AttemptPlan(courseVersionId: course.id ?? 0, bankVersionId: course.posttestBankVersionId ?? 0, courseKey: "c",
                               kind: .posttest, passPercent: 50, minutes: minutes, attemptsLimit: attempts, requiresPretest: false,
                               seed: 7, drawn: drawn)
        return World(db: db, user: user, plan: plan)
    }

    /// Half a point per answered question: enough to see what was counted.
    static let scorer = AttemptGrader(score: { _, answers in Score(earnedCentipoints: 50 * answers.count, possibleCentipoints: 100) })

    static let start = Date(timeIntervalSince1970: 1_720_000_000) // July 2024, FY2567 Q4

    @Test func theSweeperSubmitsExpiredAttemptsWithWhatWasSaved() throws {
        let world = try Self.world()
        let (attempt, resumed) = try world.db.startAttempt(user: world.user, plan: world.plan, publicID: "attempt-0000000001", now: Self.start)
        #expect(!resumed)
        #expect(attempt.fiscalYear == 2567)
        try world.db.saveAnswer(publicID: attempt.publicId, userID: world.user.id ?? 0, questionID: "q1", answer: .truth(true), seq: 1,
                                now: Self.start.addingTimeInterval(60), scorer: Self.scorer)
        #expect(try world.db.submitExpired(now: Self.start.addingTimeInterval(30 * 60 + 59), scorer: Self.scorer).submitted == 0,
                "the grace period is still running")
        #expect(try world.db.submitExpired(now: Self.start.addingTimeInterval(31 * 60 + 1), scorer: Self.scorer).submitted == 1)
        let header = try world.db.attemptHeader(publicID: attempt.publicId, userID: world.user.id ?? 0)
        #expect(header.submittedBy == "deadline")
        #expect(header.percentBp == 5_000)
        #expect(header.passed == true)
        #expect(header.submittedAt == Self.start.addingTimeInterval(31 * 60), "closed when the grace ran out, not when swept")
    }

    @Test func aSubmittedAttemptIsFinalEvenToSQL() throws {
        let world = try Self.world()
        let (attempt, _) = try world.db.startAttempt(user: world.user, plan: world.plan, publicID: "attempt-0000000002", now: Self.start)
        _ = try world.db.submit(publicID: attempt.publicId, userID: world.user.id ?? 0, now: Self.start, scorer: Self.scorer)
        #expect(throws: DatabaseError.self) {
            try world.db.writer.write { try $0.execute(sql: "UPDATE attempt SET percent_bp = 10000") }
        }
        #expect(throws: DatabaseError.self) {
            try world.db.writer.write {
                try $0.execute(sql: "INSERT INTO attempt_answer (attempt_id, question_id, answer, seq, saved_at) VALUES (?, 'q2', '{}', 9, ?)",
                               arguments: [attempt.id, Self.start])
            }
        }
    }

    @Test func startingAgainResumesAndTheLimitCountsTheFiscalYear() throws {
        let world = try Self.world(minutes: nil, attempts: 1)
        let (first, _) = try world.db.startAttempt(user: world.user, plan: world.plan, publicID: "attempt-0000000003", now: Self.start)
        let (again, resumed) = try world.db.startAttempt(user: world.user, plan: world.plan, publicID: "attempt-0000000004", now: Self.start)
        #expect(resumed)
        #expect(again.publicId == first.publicId)
        _ = try world.db.submit(publicID: first.publicId, userID: world.user.id ?? 0, now: Self.start, scorer: Self.scorer)
        #expect(throws: AttemptError.attemptsUsed(limit: 1)) {
            try world.db.startAttempt(user: world.user, plan: world.plan, publicID: "attempt-0000000005", now: Self.start)
        }
        let nextYear = Date(timeIntervalSince1970: 1_730_000_000) // October 2024, FY2568
        let (fresh, _) = try world.db.startAttempt(user: world.user, plan: world.plan, publicID: "attempt-0000000006", now: nextYear)
        #expect(fresh.fiscalYear == 2568)
        #expect(fresh.number == 1)
    }
}

/// `test_result`, the per-quarter reduction the compliance report reads.
@Suite struct TestResultTests {
    /// Bangkok wall-clock time on a Gregorian day.
    static func bangkok(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        CivilDate(year: year, month: month, day: day).instant(hour: hour, minute: minute) ?? .distantPast
    }

    @Test func aTestCountsInTheQuarterItWasSubmittedIn() throws {
        let world = try AttemptStoreTests.world(minutes: nil, attempts: nil)
        let userID = world.user.id ?? 0
        // A pass mark the first attempt (one answer of two) misses: a passed post-test is not taken again.
        var plan = world.plan
        plan.passPercent = 60
        // Started and submitted at 23:30 on 30 September: the year's last quarter, one answer of two.
        let (late, _) = try world.db.startAttempt(user: world.user, plan: plan, publicID: "attempt-0000000011",
                                                   now: Self.bangkok(2024, 9, 30, 23, 20))
        try world.db.saveAnswer(publicID: late.publicId, userID: userID, questionID: "q1", answer: .truth(true), seq: 1,
                                now: Self.bangkok(2024, 9, 30, 23, 25), scorer: AttemptStoreTests.scorer)
        _ = try world.db.submit(publicID: late.publicId, userID: userID, now: Self.bangkok(2024, 9, 30, 23, 30), scorer: AttemptStoreTests.scorer)
        // Started before midnight, submitted at 00:10 on 1 October with both answers: after the year's end.
        let (after, _) = try world.db.startAttempt(user: world.user, plan: plan, publicID: "attempt-0000000012",
                                                    now: Self.bangkok(2024, 9, 30, 23, 50))
        #expect(after.fiscalYear == 2567)
        for (seq, question) in ["q1", "q2"].enumerated() {
            try world.db.saveAnswer(publicID: after.publicId, userID: userID, questionID: question, answer: .truth(true), seq: seq + 1,
                                    now: Self.bangkok(2024, 9, 30, 23, 55), scorer: AttemptStoreTests.scorer)
        }
        _ = try world.db.submit(publicID: after.publicId, userID: userID, now: Self.bangkok(2024, 10, 1, 0, 10), scorer: AttemptStoreTests.scorer)

        let rows = try world.db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT quarter, best_key / 1000000000 AS percent FROM test_result ORDER BY quarter")
        }
        #expect(rows.map { [$0["quarter"], $0["percent"]] as [Int] } == [[4, 5_000], [5, 10_000]])
        let agencyID = world.user.agencyId
        let table: [(quarter: Int, best: Int?)] = [(3, nil), (4, 5_000), (5, 10_000)]
        for (quarter, best) in table {
            let facts = try world.db.reportFacts(agencyID: agencyID, courseKey: "c", fiscalYear: 2567, throughQuarter: quarter)
            #expect(facts.tests.first { $0.kind == .posttest }?.percentBp == best, "through quarter \(quarter)")
        }
    }
}
