import Foundation
import GRDB
import JariyaCore

/// One attempt inside a write transaction, for the answer saves: the row as
/// it is now (an attempt past its deadline already submitted), its saved
/// answers, and the one way to store an answer, under the `seq` rule.
public struct AttemptWrite {
    /// The attempt, read in this transaction.
    public private(set) var attempt: AttemptRecord
    /// Its drawn questions, decoded once.
    public let drawn: [DrawnQuestion]
    /// Published versions, for a content reader that misses its cache.
    public let source: PublishedSource
    let db: Database

    init(attempt: AttemptRecord, drawn: [DrawnQuestion], db: Database) {
        self.attempt = attempt
        self.drawn = drawn
        self.source = PublishedSource(db: db)
        self.db = db
    }

    /// The drawn question with this id, if the attempt has it.
    public func drawn(_ questionID: String) -> DrawnQuestion? {
        drawn.first { $0.questionID == questionID }
    }

    /// The answer saved to a question, if any.
    public func answer(to questionID: String) throws -> Answer? {
        try record(questionID)?.decoded
    }

    private func record(_ questionID: String) throws -> AttemptAnswerRecord? {
        try AttemptAnswerRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM attempt_answer WHERE attempt_id = ? AND question_id = ?"),
                                         arguments: [attempt.id, questionID])
    }

    /// Stores an answer. Saves are numbered by the client: a number already
    /// used is accepted again only for the very same answer (a retry), and an
    /// older number is refused, so a delayed request cannot undo a newer answer.
    public mutating func save(_ answer: Answer, to questionID: String, seq: Int, now: Date) throws -> Result<SaveOutcome, AttemptError> {
        guard !attempt.isSubmitted else { return .failure(.closed) }
        guard drawn(questionID) != nil else { return .failure(.notInAttempt(questionID)) }
        let encoded = String(decoding: try JSONEncoder().encode(answer), as: UTF8.self)
        if seq <= attempt.lastSaveSeq {
            let existing = try record(questionID)
            if seq == attempt.lastSaveSeq, existing?.seq == seq, existing?.answer == encoded { return .success(.repeated) }
            return .failure(.staleSave(lastAccepted: attempt.lastSaveSeq))
        }
        try db.cachedStatement(sql: """
            INSERT INTO attempt_answer (attempt_id, question_id, answer, seq, saved_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (attempt_id, question_id) DO UPDATE SET answer = excluded.answer, seq = excluded.seq, saved_at = excluded.saved_at
            """).execute(arguments: [attempt.id, questionID, encoded, seq, StoredDate.text(now)])
        try db.cachedStatement(sql: "UPDATE attempt SET last_save_seq = ? WHERE id = ?").execute(arguments: [seq, attempt.id])
        attempt.lastSaveSeq = seq
        return .success(.saved)
    }
}

extension AppDatabase {
    /// Runs `body` on the user's attempt in one write transaction. The owner
    /// is checked first (another user's attempt is `notFound`, like a missing
    /// one), then the deadline: an attempt past it is submitted here, and
    /// `body` sees it submitted. What `body` returns commits; what it throws
    /// rolls back, the grade of an expired attempt included.
    public func writeAttempt<T>(publicID: String, userID: Int64, now: Date, scorer: AttemptGrader,
                                _ body: (inout AttemptWrite) throws -> T) throws -> T {
        try writer.write { db in try attemptWrite(db, publicID: publicID, userID: userID, now: now, scorer: scorer, body) }
    }

    /// The same, with the transaction shared by the saves queued at the same
    /// moment (see `WriteBatcher`); `body` runs in a savepoint of its own, and
    /// its value comes back once the shared transaction committed.
    public func writeAttempt<T: Sendable>(publicID: String, userID: Int64, now: Date, scorer: AttemptGrader,
                                          _ body: @escaping @Sendable (inout AttemptWrite) throws -> T) async throws -> T {
        try await batcher.write { db in try attemptWrite(db, publicID: publicID, userID: userID, now: now, scorer: scorer, body) }
    }

    private func attemptWrite<T>(_ db: Database, publicID: String, userID: Int64, now: Date, scorer: AttemptGrader,
                                 _ body: (inout AttemptWrite) throws -> T) throws -> T {
        var attempt = try owned(db, publicID: publicID, userID: userID)
        try closeIfExpired(db, &attempt, now: now, scorer: scorer)
        var write = AttemptWrite(attempt: attempt, drawn: draws.drawn(attempt), db: db)
        return try body(&write)
    }

    /// Saves one answer (see `AttemptWrite.save`) in one write transaction.
    @discardableResult
    public func saveAnswer(publicID: String, userID: Int64, questionID: String, answer: Answer, seq: Int,
                           now: Date, scorer: AttemptGrader) throws -> SaveOutcome {
        try saveAnswer(publicID: publicID, userID: userID, questionID: questionID, seq: seq, now: now, scorer: scorer) { _, _, _ in answer }
    }

    /// Saves one answer in one write transaction: owner, deadline, state and
    /// `seq` are checked there, and `answer` turns what the client sent into
    /// the stored answer against the attempt's own draw of that question.
    @discardableResult
    public func saveAnswer(publicID: String, userID: Int64, questionID: String, seq: Int, now: Date, scorer: AttemptGrader,
                           answer: @escaping @Sendable (AttemptRecord, DrawnQuestion, PublishedSource) throws -> Answer) throws -> SaveOutcome {
        try writeAttempt(publicID: publicID, userID: userID, now: now, scorer: scorer,
                         Self.saving(questionID: questionID, seq: seq, now: now, answer: answer)).get()
    }

    /// The same save, committed together with the saves queued at the same
    /// moment; it returns once that transaction committed.
    @discardableResult
    public func saveAnswer(publicID: String, userID: Int64, questionID: String, seq: Int, now: Date, scorer: AttemptGrader,
                           answer: @escaping @Sendable (AttemptRecord, DrawnQuestion, PublishedSource) throws -> Answer) async throws -> SaveOutcome {
        try await writeAttempt(publicID: publicID, userID: userID, now: now, scorer: scorer,
                               Self.saving(questionID: questionID, seq: seq, now: now, answer: answer)).get()
    }

    private static func saving(questionID: String, seq: Int, now: Date,
                               answer: @escaping @Sendable (AttemptRecord, DrawnQuestion, PublishedSource) throws -> Answer)
        -> @Sendable (inout AttemptWrite) throws -> Result<SaveOutcome, AttemptError> {
        { write in
            // Refused rather than thrown, so the grade of an expired attempt commits.
            guard !write.attempt.isSubmitted else { return .failure(.closed) }
            guard let drawn = write.drawn(questionID) else { return .failure(.notInAttempt(questionID)) }
            return try write.save(answer(write.attempt, drawn, write.source), to: questionID, seq: seq, now: now)
        }
    }
}
