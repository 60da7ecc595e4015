import Foundation
import JariyaAPI
import JariyaCore
import JariyaStore

/// The quiz engine: starts attempts from published courses, takes answers,
/// grades once, and decides what an officer may see. Everything an officer
/// receives passes through here, and nothing here puts a correct flag or the
/// seed into a response before the review policy allows it. The web pages,
/// the API, the terminal quiz and the demo all take tests through it.
public struct QuizEngine: Sendable {
    /// Where attempts are kept.
    public let database: AppDatabase
    /// The published courses and banks, parsed once.
    public let content: PublishedContent
    /// The time now: the deadline, the fiscal year and every stamp come from it.
    public let clock: @Sendable () -> Date
    /// The seed of each new attempt's draw.
    public let seeds: @Sendable () -> UInt64
    /// The public id of each new attempt.
    public let publicIDs: @Sendable () -> String

    /// An engine over a store and its published content.
    public init(database: AppDatabase, content: PublishedContent, clock: @escaping @Sendable () -> Date,
                seeds: @escaping @Sendable () -> UInt64, publicIDs: @escaping @Sendable () -> String = PublicID.make) {
        self.database = database
        self.content = content
        self.clock = clock
        self.seeds = seeds
        self.publicIDs = publicIDs
    }

    /// Starts (or resumes) the user's attempt at a test of a course.
    public func start(user: User, courseKey: String, kind: TestKind) throws -> AttemptView {
        let (plan, course, bank) = try plan(user: user, courseKey: courseKey, kind: kind)
        let (attempt, resumed) = try database.startAttempt(user: user, plan: plan, publicID: publicIDs(), now: clock())
        return try started(attempt, resumed: resumed, user: user, course: course, bank: bank)
    }

    /// The same start, its transaction shared with the other officers'
    /// writes of the same moment: what the server does when a room starts at once.
    public func start(user: User, courseKey: String, kind: TestKind) async throws -> AttemptView {
        let (plan, course, bank) = try plan(user: user, courseKey: courseKey, kind: kind)
        let (attempt, resumed) = try await database.startAttempt(user: user, plan: plan, publicID: publicIDs(), now: clock())
        return try started(attempt, resumed: resumed, user: user, course: course, bank: bank)
    }

    /// What a start would write: the current course version, its bank, and a draw.
    private func plan(user: User, courseKey: String, kind: TestKind) throws -> (AttemptPlan, Course, QuestionBank) {
        guard let published = try content.currentCourse(agencyID: user.agencyId, key: courseKey), let versionID = published.version.id else {
            throw QuizError.unknownCourse(courseKey)
        }
        let course = published.course
        guard let spec = kind == .pretest ? course.pretest : course.posttest,
              let bankVersionID = kind == .pretest ? published.version.pretestBankVersionId : published.version.posttestBankVersionId else {
            throw AttemptError.noSuchTest
        }
        let bank = try content.bank(versionID: bankVersionID)
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
        return (plan, course, bank)
    }

    /// A new attempt has no answers yet; only a resumed one is read again.
    private func started(_ attempt: AttemptRecord, resumed: Bool, user: User, course: Course, bank: QuestionBank) throws -> AttemptView {
        guard resumed else { return view(attempt, answers: [], course: course, bank: bank) }
        return try view(user: user, publicID: attempt.publicId)
    }

    /// The attempt as its officer sees it; one past its deadline is submitted first.
    public func view(user: User, publicID: String) throws -> AttemptView {
        let (attempt, answers, course, bank) = try load(user: user, publicID: publicID)
        return view(attempt, answers: answers, course: course, bank: bank)
    }

    private func view(_ attempt: AttemptRecord, answers: [AttemptAnswerRecord], course: Course, bank: QuestionBank) -> AttemptView {
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

    /// Saves one answer, given as the client shows it, in one write
    /// transaction: the attempt is read there, the course and bank come from
    /// memory, and an attempt past its deadline is submitted there instead.
    public func save(user: User, publicID: String, questionID: String, seq: Int, answer: AnswerView) throws -> SaveView {
        guard seq >= 1 else { throw QuizError.badAnswer("seq must be 1 or more") }
        let outcome = try database.saveAnswer(publicID: publicID, userID: user.id ?? 0, questionID: questionID, seq: seq, now: clock(),
                                              scorer: content.grader, answer: converting(answer, questionID))
        return SaveView(saved: outcome == .saved, repeated: outcome == .repeated, lastSeq: seq)
    }

    /// The same save, its transaction shared with the saves of other officers
    /// that arrived at the same moment: what the server does under load.
    public func save(user: User, publicID: String, questionID: String, seq: Int, answer: AnswerView) async throws -> SaveView {
        guard seq >= 1 else { throw QuizError.badAnswer("seq must be 1 or more") }
        let outcome = try await database.saveAnswer(publicID: publicID, userID: user.id ?? 0, questionID: questionID, seq: seq,
                                                    now: clock(), scorer: content.grader, answer: converting(answer, questionID))
        return SaveView(saved: outcome == .saved, repeated: outcome == .repeated, lastSeq: seq)
    }

    /// Turns the client's answer (display positions) into the stored one, against the attempt's own draw.
    private func converting(_ answer: AnswerView, _ questionID: String) -> @Sendable (AttemptRecord, DrawnQuestion, PublishedSource) throws -> Answer {
        let content = self.content
        return { attempt, drawn, source in
            guard let question = try content.bank(versionID: attempt.bankVersionId, from: source).question(id: questionID) else {
                throw AttemptError.notInAttempt(questionID)
            }
            return try Self.original(answer, question: question, drawn: drawn)
        }
    }

    /// Submits once and returns the result.
    public func submit(user: User, publicID: String) throws -> ResultView {
        _ = try database.submit(publicID: publicID, userID: user.id ?? 0, now: clock(), scorer: content.grader)
        return try result(user: user, publicID: publicID)
    }

    /// Submits attempts whose time ran out while their officers were away.
    /// One whose content cannot be read is left open and named, never graded
    /// against nothing.
    public func submitExpired() throws -> ExpirySweep {
        try database.submitExpired(now: clock(), scorer: content.grader)
    }

    /// The same engine with its clock stopped at `time`: the demo replays a year through it.
    public func at(_ time: Date) -> QuizEngine {
        QuizEngine(database: database, content: content, clock: { time }, seeds: seeds, publicIDs: publicIDs)
    }

    func load(user: User, publicID: String) throws -> (AttemptRecord, [AttemptAnswerRecord], Course, QuestionBank) {
        let (attempt, answers) = try database.attempt(publicID: publicID, userID: user.id ?? 0, now: clock(), scorer: content.grader)
        return (attempt, answers, try content.course(versionID: attempt.courseVersionId).course,
                try content.bank(versionID: attempt.bankVersionId))
    }
}
