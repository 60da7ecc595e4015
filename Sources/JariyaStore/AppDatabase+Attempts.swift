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
/// completion rule of its course version. Supplied by the engine, which holds
/// the parsed content; the store holds only the facts.
public struct AttemptGrader: Sendable {
    /// Scores answers (keyed by question id).
    public var score: @Sendable (AttemptRecord, [String: Answer]) -> Score
    /// The completion rule of the attempt's course, nil when completion is not judged.
    public var completionRule: @Sendable (AttemptRecord) -> CompletionRule?

    /// A grader from its two functions.
    public init(score: @escaping @Sendable (AttemptRecord, [String: Answer]) -> Score,
                completionRule: @escaping @Sendable (AttemptRecord) -> CompletionRule? = { _ in nil }) {
        self.score = score
        self.completionRule = completionRule
    }
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
        guard let officerID = user.officerId else { throw AttemptError.notAnOfficer }
        let fiscalYear = FiscalYear(containing: now).buddhistYear
        return try writer.write { db in
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
    }

    /// An attempt with its saved answers, if it belongs to the user. One past
    /// its deadline is submitted first, with what was saved.
    public func attempt(publicID: String, userID: Int64, now: Date, scorer: AttemptGrader) throws -> (AttemptRecord, [AttemptAnswerRecord]) {
        try writer.write { db in
            var attempt = try owned(db, publicID: publicID, userID: userID)
            try closeIfExpired(db, &attempt, now: now, scorer: scorer)
            let answers = try AttemptAnswerRecord.filter(Column("attempt_id") == attempt.id).fetchAll(db)
            return (attempt, answers)
        }
    }

    /// The attempt's row, if it belongs to the user, as it is (no deadline check).
    public func attemptHeader(publicID: String, userID: Int64) throws -> AttemptRecord {
        try writer.read { db in try owned(db, publicID: publicID, userID: userID) }
    }

    /// Saves one answer. Saves are numbered by the client: a number already
    /// used is accepted again only for the very same answer (a retry), and an
    /// older number is refused, so a delayed request cannot undo a newer answer.
    @discardableResult
    public func saveAnswer(publicID: String, userID: Int64, questionID: String, answer: Answer, seq: Int,
                           now: Date, scorer: AttemptGrader) throws -> SaveOutcome {
        let encoded = String(decoding: try JSONEncoder().encode(answer), as: UTF8.self)
        let outcome: Result<SaveOutcome, AttemptError> = try writer.write { db in
            var attempt = try owned(db, publicID: publicID, userID: userID)
            try closeIfExpired(db, &attempt, now: now, scorer: scorer)
            guard !attempt.isSubmitted else { return .failure(.closed) }
            guard attempt.drawn.contains(where: { $0.questionID == questionID }) else { return .failure(.notInAttempt(questionID)) }
            if seq <= attempt.lastSaveSeq {
                let existing = try AttemptAnswerRecord
                    .filter(Column("attempt_id") == attempt.id && Column("question_id") == questionID).fetchOne(db)
                if seq == attempt.lastSaveSeq, existing?.seq == seq, existing?.answer == encoded { return .success(.repeated) }
                return .failure(.staleSave(lastAccepted: attempt.lastSaveSeq))
            }
            var record = AttemptAnswerRecord(attemptId: attempt.id ?? 0, questionId: questionID, answer: encoded, seq: seq, savedAt: now)
            try record.upsert(db)
            try db.execute(sql: "UPDATE attempt SET last_save_seq = ? WHERE id = ?", arguments: [seq, attempt.id])
            return .success(.saved)
        }
        return try outcome.get()
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
    /// was saved; run periodically so the grade exists even if the officer never returns.
    @discardableResult
    public func submitExpired(now: Date, scorer: AttemptGrader) throws -> Int {
        try writer.write { db in
            let expired = try AttemptRecord
                .filter(Column("submitted_at") == nil && Column("deadline") != nil
                        && Column("deadline") < now.addingTimeInterval(-Self.deadlineGrace))
                .fetchAll(db)
            for var attempt in expired { try closeIfExpired(db, &attempt, now: now, scorer: scorer) }
            return expired.count
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

    private func owned(_ db: Database, publicID: String, userID: Int64) throws -> AttemptRecord {
        guard let attempt = try AttemptRecord.filter(Column("public_id") == publicID && Column("user_id") == userID).fetchOne(db) else {
            throw AttemptError.notFound
        }
        return attempt
    }

    private func closeIfExpired(_ db: Database, _ attempt: inout AttemptRecord, now: Date, scorer: AttemptGrader) throws {
        guard !attempt.isSubmitted, let deadline = attempt.deadline else { return }
        let closes = deadline.addingTimeInterval(Self.deadlineGrace)
        if now > closes { try grade(db, &attempt, at: closes, by: "deadline", scorer: scorer) }
    }

    private func grade(_ db: Database, _ attempt: inout AttemptRecord, at time: Date, by who: String, scorer: AttemptGrader) throws {
        let answers = try AttemptAnswerRecord.filter(Column("attempt_id") == attempt.id).fetchAll(db)
        let byQuestion = Dictionary(answers.compactMap { record in record.decoded.map { (record.questionId, $0) } },
                                    uniquingKeysWith: { first, _ in first })
        let score = scorer.score(attempt, byQuestion)
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
        if let rule = scorer.completionRule(attempt) {
            _ = try Self.judgeCompletion(db, agencyID: attempt.agencyId, officerID: attempt.officerId, courseKey: attempt.courseKey,
                                         fiscalYear: attempt.fiscalYear, rule: rule, issuer: certificateIssuer, actor: actor, now: time,
                                         reason: "\(attempt.kind.rawValue) submitted")
        }
    }
}
