import Foundation
import JariyaAPI
import JariyaCore
import JariyaStore

/// The quiz engine: starts attempts from published courses, takes answers,
/// grades once, and decides what an officer may see. Everything an officer
/// receives passes through here, and nothing here puts a correct flag or the
/// seed into a response before the review policy allows it.
struct QuizEngine: Sendable {
    let database: AppDatabase
    let cache: ContentCache
    let clock: @Sendable () -> Date
    let seeds: @Sendable () -> UInt64

    /// Starts (or resumes) the user's attempt at a test of a course.
    func start(user: User, courseKey: String, kind: TestKind) throws -> AttemptView {
        guard let version = try database.currentCourse(agencyID: user.agencyId, key: courseKey), let versionID = version.id else {
            throw QuizError.unknownCourse(courseKey)
        }
        let (_, course) = try cache.course(versionID: versionID)
        guard let spec = kind == .pretest ? course.pretest : course.posttest,
              let bankVersionID = kind == .pretest ? version.pretestBankVersionId : version.posttestBankVersionId else {
            throw AttemptError.noSuchTest
        }
        let bank = try cache.bank(versionID: bankVersionID)
        let seed = seeds()
        // What the officer met in earlier attempts at this test, so a retry
        // draws other questions where the bank has them.
        let seen = try user.officerId.map { officerID in
            try database.attemptHistory(officerID: officerID, courseKey: courseKey, kind: kind).map { $0.drawn.map(\.questionID) }
        } ?? []
        let plan = AttemptPlan(
            courseVersionId: versionID, bankVersionId: bankVersionID, courseKey: courseKey, kind: kind,
            passPercent: spec.passPercent, minutes: spec.minutes,
            attemptsLimit: kind == .pretest ? (spec.attempts ?? 1) : spec.attempts,
            requiresPretest: kind == .posttest && course.pretest != nil,
            seed: Int64(bitPattern: seed), drawn: try bank.draw(spec, seed: seed, seenBefore: seen))
        let (attempt, _) = try database.startAttempt(user: user, plan: plan, publicID: SessionToken.publicID(), now: clock())
        return try view(user: user, publicID: attempt.publicId)
    }

    /// The attempt as its officer sees it; one past its deadline is submitted first.
    func view(user: User, publicID: String) throws -> AttemptView {
        let (attempt, answers, course, bank) = try load(user: user, publicID: publicID)
        let now = clock()
        let spec = attempt.kind == .pretest ? course.pretest : course.posttest
        return AttemptView(
            id: attempt.publicId, course: attempt.courseKey, courseTitle: course.title, test: attempt.kind.rawValue,
            number: attempt.number, attemptsAllowed: attempt.kind == .pretest ? (spec?.attempts ?? 1) : spec?.attempts,
            status: attempt.isSubmitted ? "submitted" : "open", startedAt: attempt.startedAt, deadline: attempt.deadline,
            secondsLeft: attempt.isSubmitted ? nil : attempt.deadline.map { max(0, Int($0.timeIntervalSince(now).rounded(.down))) },
            lastSeq: attempt.lastSaveSeq,
            questions: Self.questionViews(attempt.drawn, bank: bank),
            answers: Dictionary(uniqueKeysWithValues: answers.compactMap { record -> (String, AnswerView)? in
                guard let answer = record.decoded, let drawn = attempt.drawn.first(where: { $0.questionID == record.questionId }) else { return nil }
                return (record.questionId, Self.display(answer, drawn: drawn))
            }))
    }

    /// Saves one answer, given as the client shows it.
    func save(user: User, publicID: String, questionID: String, seq: Int, answer: AnswerView) throws -> SaveView {
        guard seq >= 1 else { throw QuizError.badAnswer("seq must be 1 or more") }
        let (attempt, _, course, bank) = try load(user: user, publicID: publicID)
        guard let drawn = attempt.drawn.first(where: { $0.questionID == questionID }),
              let question = bank.question(id: questionID) else {
            throw AttemptError.notInAttempt(questionID)
        }
        let stored = try Self.original(answer, question: question, drawn: drawn)
        let outcome = try database.saveAnswer(publicID: publicID, userID: user.id ?? 0, questionID: questionID, answer: stored,
                                              seq: seq, now: clock(), scorer: Self.scorer(bank, course))
        return SaveView(saved: outcome == .saved, repeated: outcome == .repeated, lastSeq: seq)
    }

    /// Submits once and returns the result.
    func submit(user: User, publicID: String) throws -> ResultView {
        let (_, _, course, bank) = try load(user: user, publicID: publicID)
        _ = try database.submit(publicID: publicID, userID: user.id ?? 0, now: clock(), scorer: Self.scorer(bank, course))
        return try result(user: user, publicID: publicID)
    }

    /// Submits attempts whose time ran out while their officers were away.
    @discardableResult
    func submitExpired() throws -> Int {
        let cache = self.cache
        return try database.submitExpired(now: clock(), scorer: AttemptGrader(
            score: { attempt, answers in
                guard let bank = try? cache.bank(versionID: attempt.bankVersionId) else {
                    return Score(earnedCentipoints: 0, possibleCentipoints: 0)
                }
                return bank.score(attempt.drawn, answers: answers)
            },
            completionRule: { attempt in (try? cache.course(versionID: attempt.courseVersionId))?.1.completion }))
    }

    static func scorer(_ bank: QuestionBank, _ course: Course) -> AttemptGrader {
        AttemptGrader(score: { attempt, answers in bank.score(attempt.drawn, answers: answers) },
                      completionRule: { _ in course.completion })
    }

    func load(user: User, publicID: String) throws -> (AttemptRecord, [AttemptAnswerRecord], Course, QuestionBank) {
        let attemptOnly = try database.attemptHeader(publicID: publicID, userID: user.id ?? 0)
        let bank = try cache.bank(versionID: attemptOnly.bankVersionId)
        let (_, course) = try cache.course(versionID: attemptOnly.courseVersionId)
        let (attempt, answers) = try database.attempt(publicID: publicID, userID: user.id ?? 0, now: clock(), scorer: Self.scorer(bank, course))
        return (attempt, answers, course, bank)
    }
}
