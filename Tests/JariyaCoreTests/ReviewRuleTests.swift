import Foundation
import JariyaCore
import Testing

/// Issue 14, row 13: the post-test showed its key after a failed attempt, so
/// an officer could pass by reading and retrying. Each policy's rule, judged
/// on the officer's standing as the store gathers it.
@Suite struct ReviewRuleTests {
    static let fy2568 = FiscalYear(2568)
    static let midYear = CivilDate(year: 2025, month: 2, day: 10).instant(hour: 10, minute: 0)!

    static func post(used: Int, of allowed: Int? = 3, open: Bool = false, passed: Bool = false) -> TestStanding {
        TestStanding(kind: .posttest, fiscalYear: fy2568, attemptsAllowed: allowed, attemptsUsed: used, hasOpenAttempt: open, passed: passed)
    }

    static func pre(used: Int = 1, of allowed: Int = 1, open: Bool = false) -> TestStanding {
        TestStanding(kind: .pretest, fiscalYear: fy2568, attemptsAllowed: allowed, attemptsUsed: used, hasOpenAttempt: open, passed: false)
    }

    @Test func theDefaultsAreSafe() {
        #expect(ReviewPolicy.standard(for: .posttest) == .afterLastAttempt)
        #expect(ReviewPolicy.standard(for: .pretest) == .never)
        #expect(!ReviewPolicy.standard(for: .posttest).allowsKey(Self.post(used: 1), now: Self.midYear),
                "a failed first try with two left shows no key")
        #expect(!ReviewPolicy.standard(for: .pretest).allowsKey(Self.pre(), now: Self.midYear))
    }

    @Test func afterSubmitIsNeverTheKeyToTheNextPostTestAttempt() {
        #expect(ReviewPolicy.afterSubmit.applied(to: .posttest) == .afterLastAttempt)
        #expect(!ReviewPolicy.afterSubmit.allowsKey(Self.post(used: 1), now: Self.midYear), "the row 13 reproduction")
        #expect(ReviewPolicy.afterSubmit.allowsKey(Self.post(used: 3), now: Self.midYear))
        #expect(ReviewPolicy.afterSubmit.allowsKey(Self.pre(), now: Self.midYear), "a pre-test may show its key on submitting")
        #expect(!ReviewPolicy.afterSubmit.allowsKey(Self.pre(used: 2, of: 2, open: true), now: Self.midYear))
    }

    @Test func neverIsNever() {
        for standing in [Self.post(used: 3, passed: true), Self.post(used: 1), Self.pre()] {
            #expect(!ReviewPolicy.never.allowsKey(standing, now: Date.distantFuture))
        }
    }

    @Test func afterPassWaitsForAPass() {
        #expect(!ReviewPolicy.afterPass.allowsKey(Self.post(used: 1), now: Self.midYear))
        #expect(!ReviewPolicy.afterPass.allowsKey(Self.post(used: 3), now: Self.midYear), "all tries used without a pass: still nothing")
        #expect(ReviewPolicy.afterPass.allowsKey(Self.post(used: 2, passed: true), now: Self.midYear))
        #expect(ReviewPolicy.afterPass.applied(to: .pretest) == .never, "the pre-test cannot be passed")
        #expect(!ReviewPolicy.afterPass.allowsKey(Self.pre(), now: Self.midYear))
    }

    @Test func afterLastAttemptWaitsUntilNoAttemptRemains() {
        let policy = ReviewPolicy.afterLastAttempt
        #expect(!policy.allowsKey(Self.post(used: 1), now: Self.midYear))
        #expect(!policy.allowsKey(Self.post(used: 2), now: Self.midYear))
        #expect(policy.allowsKey(Self.post(used: 3), now: Self.midYear))
        #expect(policy.allowsKey(Self.post(used: 1, passed: true), now: Self.midYear), "a pass ends the post-test for the year")
        #expect(!policy.allowsKey(Self.post(used: 3, open: true), now: Self.midYear), "never beside an open attempt")
        #expect(!policy.allowsKey(Self.post(used: 9, of: nil), now: Self.midYear), "no limit: only a pass ends it")
        #expect(policy.allowsKey(Self.post(used: 9, of: nil, passed: true), now: Self.midYear))
        #expect(policy.allowsKey(Self.pre(used: 1, of: 1), now: Self.midYear))
        #expect(!policy.allowsKey(Self.pre(used: 1, of: 2), now: Self.midYear))
    }

    @Test func afterWindowClosesWaitsForTheEndOfTheAttemptsFiscalYearInBangkok() throws {
        let policy = ReviewPolicy.afterWindowCloses
        let lastMinute = try #require(CivilDate(year: 2025, month: 9, day: 30).instant(hour: 23, minute: 59))
        let nextYear = try #require(CivilDate(year: 2025, month: 10, day: 1).instant(hour: 0, minute: 0))
        #expect(!policy.allowsKey(Self.post(used: 1), now: Self.midYear))
        #expect(!policy.allowsKey(Self.post(used: 3), now: lastMinute), "30 September 23.59 in Bangkok is still FY2568")
        #expect(policy.allowsKey(Self.post(used: 1), now: nextYear), "1 October 00.00 in Bangkok (17.00 UTC the day before)")
        #expect(!policy.allowsKey(Self.post(used: 1, open: true), now: nextYear))
    }

    // MARK: the verdict on an attempt

    static let bank = QuestionBank(
        id: "shared", language: "th", title: "b", englishTitle: nil,
        topics: [.init(id: "gifts", name: "ของขวัญ", line: 1), .init(id: "history", name: "ประวัติ", line: 1)],
        questions: (0..<8).map { number in
            ScoringTests.question(.single, choices: [true, false], topic: number < 4 ? "gifts" : "history", id: "q\(number)")
        },
        line: 1)

    static func course(pretest: ReviewPolicy, posttest: ReviewPolicy) -> Course {
        Course(id: "c", language: "th", title: "c", englishTitle: nil, summary: "", measures: [], modules: [],
               pretest: TestSpec(bank: "shared", draw: 4, topicDraws: [], passPercent: 80, attempts: nil, minutes: nil, review: pretest, line: 1),
               posttest: TestSpec(bank: "shared", draw: nil, topicDraws: [.init(topic: "gifts", count: 2, line: 1)], passPercent: 80,
                                  attempts: 2, minutes: nil, review: posttest, line: 1),
               completion: CompletionRule(attendedSessions: nil, passed: [.posttest], taken: []), certificateTemplate: nil, line: 1)
    }

    @Test func aPreTestKeepsTheKeyOfEveryQuestionThePostTestCanDraw() {
        let course = Self.course(pretest: .afterSubmit, posttest: .afterLastAttempt)
        let questions = ["q0", "q5", "q1", "q6"]
        let before = ReviewRule.verdict(course: course, kind: .pretest, questionIDs: questions, bank: Self.bank,
                                        standings: [.pretest: Self.pre(), .posttest: Self.post(used: 0, of: 2)], now: Self.midYear)
        #expect(before.shown == ["q5", "q6"], "history is not in the post-test")
        #expect(before.withheld == ["q0", "q1"], "gifts are")
        #expect(before.heldBy == .posttest && before.heldPolicy == .afterLastAttempt)
        let after = ReviewRule.verdict(course: course, kind: .pretest, questionIDs: questions, bank: Self.bank,
                                       standings: [.pretest: Self.pre(), .posttest: Self.post(used: 2, of: 2)], now: Self.midYear)
        #expect(after.shown == questions && after.withheld.isEmpty && after.heldBy == nil)
    }

    @Test func aPostTestVerdictIsWholeOrNothing() {
        let course = Self.course(pretest: .never, posttest: .afterPass)
        let failed = ReviewRule.verdict(course: course, kind: .posttest, questionIDs: ["q0", "q1"], bank: Self.bank,
                                        standings: [.posttest: Self.post(used: 1, of: 2)], now: Self.midYear)
        #expect(failed.showsNothing && failed.withheld == ["q0", "q1"] && failed.heldBy == .posttest)
        let passed = ReviewRule.verdict(course: course, kind: .posttest, questionIDs: ["q0", "q1"], bank: Self.bank,
                                        standings: [.posttest: Self.post(used: 1, of: 2, passed: true)], now: Self.midYear)
        #expect(passed.shown == ["q0", "q1"] && passed.withheld.isEmpty)
        let pretest = ReviewRule.verdict(course: course, kind: .pretest, questionIDs: ["q5"], bank: Self.bank,
                                         standings: [.pretest: Self.pre(), .posttest: Self.post(used: 1, of: 2, passed: true)], now: Self.midYear)
        #expect(pretest.showsNothing && pretest.heldBy == .pretest, "the pre-test's own never holds, whatever the post-test allows")
    }
}
