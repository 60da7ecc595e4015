import Foundation
import JariyaCore
import Testing
@testable import JariyaStore

@Suite struct CompletionStoreTests {
    static let rule = CompletionRule(attendedSessions: 1, passed: [.posttest], taken: [])

    @Test func completionComesWithTheLastConditionAndGoesWithACorrection() throws {
        let world = try AttemptStoreTests.world(minutes: nil, attempts: 3)
        let db = world.db
        let agencyID = world.user.agencyId
        let start = AttemptStoreTests.start
        let session = try db.createSession(TrainingSession(agencyId: agencyID, courseKey: "c", title: "อบรม", startsAt: start,
                                                           endsAt: start.addingTimeInterval(3600), place: "", trainer: "", format: "onsite",
                                                           budgetBaht: nil, codeSecret: String(repeating: "k", count: 32), createdBy: "t",
                                                           createdAt: start))
        let grader = AttemptGrader(score: AttemptStoreTests.scorer.score, completionRule: { _, _ in Self.rule })
        let (attempt, _) = try db.startAttempt(user: world.user, plan: world.plan, publicID: "attempt-0000000101", now: start)
        try db.saveAnswer(publicID: attempt.publicId, userID: world.user.id ?? 0, questionID: "q1", answer: .truth(true), seq: 1, now: start, scorer: grader)
        _ = try db.submit(publicID: attempt.publicId, userID: world.user.id ?? 0, now: start, scorer: grader)
        #expect(try db.completion(officerID: world.user.officerId ?? 0, courseKey: "c", fiscalYear: 2567) == nil, "passed, but not attended yet")

        let attended = try db.recordAttendance(sessionID: session.id ?? 0, agencyID: agencyID, employeeCode: "A1", status: .late,
                                               method: .roll, actor: "trainer", reason: nil, now: start, rule: Self.rule)
        #expect(attended.completion == "completed")
        #expect(try db.completion(officerID: world.user.officerId ?? 0, courseKey: "c", fiscalYear: 2567) != nil)

        #expect(throws: AttendanceError.correctionNeedsReason) {
            try db.recordAttendance(sessionID: session.id ?? 0, agencyID: agencyID, employeeCode: "A1", status: .absent,
                                    method: .roll, actor: "trainer", reason: nil, now: start, rule: Self.rule)
        }
        let corrected = try db.recordAttendance(sessionID: session.id ?? 0, agencyID: agencyID, employeeCode: "A1", status: .absent,
                                                method: .roll, actor: "trainer", reason: "ลงชื่อแทนกัน", now: start, rule: Self.rule)
        #expect(corrected.corrected)
        #expect(corrected.completion == "revoked")
        #expect(try db.completion(officerID: world.user.officerId ?? 0, courseKey: "c", fiscalYear: 2567) == nil)
        let kinds = try db.ledgerEntries(agencyID: agencyID).map(\.kind)
        #expect(kinds == ["quiz.submitted", "attendance", "completion", "attendance.correction", "completion.revoked"])
        #expect(try db.verifyLedger(agencyID: agencyID).problem == nil)
    }

    @Test(arguments: [
        (CompletionFacts(sessionsAttended: 1, taken: [.posttest], passed: [.posttest]), true),
        (CompletionFacts(sessionsAttended: 0, taken: [.posttest], passed: [.posttest]), false),
        (CompletionFacts(sessionsAttended: 2, taken: [.pretest, .posttest], passed: []), false),
        (CompletionFacts(sessionsAttended: 3, taken: [], passed: [.posttest]), true),
    ])
    func theRuleIsAPureFunctionOfTheFacts(facts: CompletionFacts, met: Bool) {
        #expect(Self.rule.isMet(by: facts) == met)
    }
}
