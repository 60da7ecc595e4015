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
        #expect(try world.db.submitExpired(now: Self.start.addingTimeInterval(30 * 60 + 59), scorer: Self.scorer) == 0,
                "the grace period is still running")
        #expect(try world.db.submitExpired(now: Self.start.addingTimeInterval(31 * 60 + 1), scorer: Self.scorer) == 1)
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
