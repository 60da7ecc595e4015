import Foundation
import GRDB
import JariyaCore

/// What the engine worked out from the published course before starting an attempt.
public struct AttemptPlan: Sendable {
    /// The exact course version.
    public var courseVersionId: Int64
    /// The exact bank version.
    public var bankVersionId: Int64
    /// The course's id.
    public var courseKey: String
    /// Which test.
    public var kind: TestKind
    /// The pass mark.
    public var passPercent: Int
    /// The time limit, nil for none.
    public var minutes: Int?
    /// Attempts allowed per fiscal year, nil for no limit.
    public var attemptsLimit: Int?
    /// Whether a submitted pre-test is needed before this test.
    public var requiresPretest: Bool
    /// The draw's seed.
    public var seed: Int64
    /// The questions drawn with that seed.
    public var drawn: [DrawnQuestion]

    /// A plan from its parts.
    public init(courseVersionId: Int64, bankVersionId: Int64, courseKey: String, kind: TestKind, passPercent: Int, minutes: Int?,
                attemptsLimit: Int?, requiresPretest: Bool, seed: Int64, drawn: [DrawnQuestion]) {
        self.courseVersionId = courseVersionId
        self.bankVersionId = bankVersionId
        self.courseKey = courseKey
        self.kind = kind
        self.passPercent = passPercent
        self.minutes = minutes
        self.attemptsLimit = attemptsLimit
        self.requiresPretest = requiresPretest
        self.seed = seed
        self.drawn = drawn
    }
}

/// Grades attempts: the score against the attempt's bank version and the
/// completion rule of its course version. Supplied by the application layer,
/// which holds the parsed content; the store holds only the facts. Both run
/// inside the store's transaction, with that transaction's published versions
/// at hand for a reader whose cache misses. A grader that cannot read the
/// content throws: an attempt is never graded against nothing.
public struct AttemptGrader: Sendable {
    /// Scores answers (keyed by question id).
    public var score: @Sendable (AttemptRecord, [String: Answer], PublishedSource) throws -> Score
    /// The completion rule of the attempt's course, nil when completion is not judged.
    public var completionRule: @Sendable (AttemptRecord, PublishedSource) throws -> CompletionRule?

    /// A grader that reads published content where it needs it.
    public init(score: @escaping @Sendable (AttemptRecord, [String: Answer], PublishedSource) throws -> Score,
                completionRule: @escaping @Sendable (AttemptRecord, PublishedSource) throws -> CompletionRule?) {
        self.score = score
        self.completionRule = completionRule
    }

    /// A grader from two functions that need nothing published (the store's tests).
    public init(score: @escaping @Sendable (AttemptRecord, [String: Answer]) -> Score,
                completionRule: @escaping @Sendable (AttemptRecord) -> CompletionRule? = { _ in nil }) {
        self.init(score: { attempt, answers, _ in score(attempt, answers) },
                  completionRule: { attempt, _ in completionRule(attempt) })
    }
}

/// What one sweep of expired attempts did.
public struct ExpirySweep: Sendable, Equatable {
    /// Attempts submitted because their time ran out.
    public var submitted = 0
    /// Attempts left open because they could not be graded, by public id, with why.
    public var failed: [String: String] = [:]
}

/// What a save did.
public enum SaveOutcome: Equatable, Sendable {
    /// The answer was stored.
    case saved
    /// The same save arrived again; nothing changed.
    case repeated
}

extension AppDatabase {
    /// How long after the deadline answers are still accepted, for slow phones and networks.
    public static let deadlineGrace: TimeInterval = 60

    /// Starts an attempt, or returns the open one (a reload or a second device
    /// resumes rather than starting over). Limits are checked in the same
    /// transaction as the insert, so two racing starts cannot exceed them.
    public func startAttempt(user: User, plan: AttemptPlan, publicID: String, now: Date) throws -> (attempt: AttemptRecord, resumed: Bool) {
        try writer.write { db in try startAttempt(db, user: user, plan: plan, publicID: publicID, now: now) }
    }

    /// The same start, committed together with the writes queued at the same
    /// moment (see `WriteBatcher`): a whole office starting the test at once.
    public func startAttempt(user: User, plan: AttemptPlan, publicID: String, now: Date) async throws -> (attempt: AttemptRecord, resumed: Bool) {
        try await batcher.write { db in try startAttempt(db, user: user, plan: plan, publicID: publicID, now: now) }
    }

    private func startAttempt(_ db: Database, user: User, plan: AttemptPlan, publicID: String,
                              now: Date) throws -> (attempt: AttemptRecord, resumed: Bool) {
        guard let officerID = user.officerId else { throw AttemptError.notAnOfficer }
        let fiscalYear = FiscalYear(containing: now).buddhistYear
        if let open = try AttemptRecord
            .filter(Column("officer_id") == officerID && Column("course_key") == plan.courseKey
                    && Column("kind") == plan.kind.rawValue && Column("submitted_at") == nil)
            .fetchOne(db) {
            return (open, true)
        }
        let previous = try AttemptRecord
            .filter(Column("officer_id") == officerID && Column("course_key") == plan.courseKey
                    && Column("kind") == plan.kind.rawValue && Column("fiscal_year") == fiscalYear)
            .fetchCount(db)
        if let limit = plan.attemptsLimit, previous >= limit { throw AttemptError.attemptsUsed(limit: limit) }
        if plan.kind == .posttest {
            // A pass ends the post-test for the year: the key it may
            // unlock (after-pass, after-last-attempt) must not meet a retry.
            let passes = try AttemptRecord
                .filter(Column("officer_id") == officerID && Column("course_key") == plan.courseKey
                        && Column("kind") == plan.kind.rawValue && Column("fiscal_year") == fiscalYear
                        && Column("passed") == true)
                .fetchCount(db)
            if passes > 0 { throw AttemptError.alreadyPassed }
        }
        if plan.requiresPretest {
            let pretests = try AttemptRecord
                .filter(Column("officer_id") == officerID && Column("course_key") == plan.courseKey
                        && Column("kind") == TestKind.pretest.rawValue && Column("fiscal_year") == fiscalYear
                        && Column("submitted_at") != nil)
                .fetchCount(db)
            if pretests == 0 { throw AttemptError.pretestFirst }
        }
        let questions = String(decoding: try JSONEncoder().encode(plan.drawn), as: UTF8.self)
        var attempt = AttemptRecord(
            agencyId: user.agencyId, publicId: publicID, userId: user.id ?? 0, officerId: officerID,
            courseVersionId: plan.courseVersionId, bankVersionId: plan.bankVersionId, courseKey: plan.courseKey,
            kind: plan.kind, fiscalYear: fiscalYear, number: previous + 1, seed: plan.seed, questions: questions,
            passPercent: plan.passPercent, startedAt: now,
            deadline: plan.minutes.map { now.addingTimeInterval(TimeInterval($0 * 60)) },
            lastSaveSeq: 0)
        try attempt.insert(db)
        return (attempt, false)
    }

    /// An attempt with its saved answers, if it belongs to the user. One past
    /// its deadline is submitted first, with what was saved. Read as a read
    /// (concurrently with others) and written only when the deadline has passed.
    public func attempt(publicID: String, userID: Int64, now: Date, scorer: AttemptGrader) throws -> (AttemptRecord, [AttemptAnswerRecord]) {
        let read = try writer.read { db in
            let attempt = try owned(db, publicID: publicID, userID: userID)
            return (attempt, try AttemptAnswerRecord.filter(Column("attempt_id") == attempt.id).fetchAll(db))
        }
        guard Self.hasExpired(read.0, now: now) else { return read }
        return try writer.write { db in
            var attempt = try owned(db, publicID: publicID, userID: userID)
            try closeIfExpired(db, &attempt, now: now, scorer: scorer)
            return (attempt, try AttemptAnswerRecord.filter(Column("attempt_id") == attempt.id).fetchAll(db))
        }
    }

    /// The attempt's row, if it belongs to the user, as it is (no deadline check).
    public func attemptHeader(publicID: String, userID: Int64) throws -> AttemptRecord {
        try writer.read { db in try owned(db, publicID: publicID, userID: userID) }
    }

    /// Submits the attempt once and grades it. A second submit, racing or
    /// late, returns the first grade unchanged.
    public func submit(publicID: String, userID: Int64, now: Date, scorer: AttemptGrader) throws -> AttemptRecord {
        try writer.write { db in
            var attempt = try owned(db, publicID: publicID, userID: userID)
            try closeIfExpired(db, &attempt, now: now, scorer: scorer)
            if attempt.isSubmitted { return attempt }
            try grade(db, &attempt, at: now, by: "officer", scorer: scorer)
            return attempt
        }
    }

    /// Submits every attempt whose deadline and grace have passed, with what
    /// was saved; run periodically so the grade exists even if the officer
    /// never returns. Each attempt is graded in a savepoint of its own: one
    /// that cannot be graded stays open and is named, and the others go on.
    public func submitExpired(now: Date, scorer: AttemptGrader) throws -> ExpirySweep {
        try writer.write { db in
            let expired = try AttemptRecord
                .filter(Column("submitted_at") == nil && Column("deadline") != nil
                        && Column("deadline") < now.addingTimeInterval(-Self.deadlineGrace))
                .fetchAll(db)
            var sweep = ExpirySweep()
            for var attempt in expired {
                do {
                    try db.inSavepoint {
                        try closeIfExpired(db, &attempt, now: now, scorer: scorer)
                        return .commit
                    }
                    sweep.submitted += 1
                } catch {
                    sweep.failed[attempt.publicId] = String(describing: error)
                }
            }
            return sweep
        }
    }

    /// The user's attempts at a course in a fiscal year, oldest first.
    public func attempts(userID: Int64, courseKey: String, fiscalYear: Int) throws -> [AttemptRecord] {
        try writer.read { db in
            try AttemptRecord.filter(Column("user_id") == userID && Column("course_key") == courseKey && Column("fiscal_year") == fiscalYear)
                .order(Column("started_at")).fetchAll(db)
        }
    }

    /// The officer's attempts at one test of a course in every fiscal year,
    /// oldest first: what a retry's draw avoids repeating, and whether an
    /// attempt is open while a review is asked for.
    public func attemptHistory(officerID: Int64, courseKey: String, kind: TestKind) throws -> [AttemptRecord] {
        try writer.read { db in
            try AttemptRecord
                .filter(Column("officer_id") == officerID && Column("course_key") == courseKey && Column("kind") == kind.rawValue)
                .order(Column("started_at"), Column("id"))
                .fetchAll(db)
        }
    }

    func owned(_ db: Database, publicID: String, userID: Int64) throws -> AttemptRecord {
        guard let attempt = try AttemptRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM attempt WHERE public_id = ? AND user_id = ?"),
                                                       arguments: [publicID, userID]) else {
            throw AttemptError.notFound
        }
        return attempt
    }

    /// Whether the attempt is open past its deadline and grace.
    private static func hasExpired(_ attempt: AttemptRecord, now: Date) -> Bool {
        guard !attempt.isSubmitted, let deadline = attempt.deadline else { return false }
        return now > deadline.addingTimeInterval(deadlineGrace)
    }

    func closeIfExpired(_ db: Database, _ attempt: inout AttemptRecord, now: Date, scorer: AttemptGrader) throws {
        guard Self.hasExpired(attempt, now: now), let deadline = attempt.deadline else { return }
        try grade(db, &attempt, at: deadline.addingTimeInterval(Self.deadlineGrace), by: "deadline", scorer: scorer)
    }

    private func grade(_ db: Database, _ attempt: inout AttemptRecord, at time: Date, by who: String, scorer: AttemptGrader) throws {
        let answers = try AttemptAnswerRecord.filter(Column("attempt_id") == attempt.id).fetchAll(db)
        let byQuestion = Dictionary(answers.compactMap { record in record.decoded.map { (record.questionId, $0) } },
                                    uniquingKeysWith: { first, _ in first })
        let score = try scorer.score(attempt, byQuestion, PublishedSource(db: db))
        try db.execute(sql: """
            UPDATE attempt SET submitted_at = ?, submitted_by = ?, earned_centipoints = ?, possible_centipoints = ?,
                percent_bp = ?, passed = ?
            WHERE id = ? AND submitted_at IS NULL
            """, arguments: [time, who, score.earnedCentipoints, score.possibleCentipoints, score.percent,
                             score.passes(attempt.passPercent), attempt.id])
        attempt.submittedAt = time
        attempt.submittedBy = who
        attempt.earnedCentipoints = score.earnedCentipoints
        attempt.possibleCentipoints = score.possibleCentipoints
        attempt.percentBp = score.percent
        attempt.passed = score.passes(attempt.passPercent)
        let username = try String.fetchOne(db, sql: "SELECT username FROM user WHERE id = ?", arguments: [attempt.userId]) ?? "unknown"
        let actor = who == "deadline" ? "system" : username
        try Self.appendLedger(db, agencyID: attempt.agencyId, actor: actor, kind: "quiz.submitted", officerID: attempt.officerId,
                              sessionID: nil, payload: [
                                  "attempt": attempt.publicId, "course": attempt.courseKey, "test": attempt.kind.rawValue,
                                  "number": String(attempt.number), "percent_bp": String(score.percent),
                                  "passed": String(score.passes(attempt.passPercent)), "submitted_by": who,
                              ], now: time)
        if let rule = try scorer.completionRule(attempt, PublishedSource(db: db)) {
            _ = try Self.judgeCompletion(db, agencyID: attempt.agencyId, officerID: attempt.officerId, courseKey: attempt.courseKey,
                                         fiscalYear: attempt.fiscalYear, rule: rule, issuer: certificateIssuer, actor: actor, now: time,
                                         reason: "\(attempt.kind.rawValue) submitted")
        }
    }
}
