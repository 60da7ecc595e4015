import Foundation
import GRDB
import JariyaCore

/// A pre-test or post-test attempt as stored.
public struct AttemptRecord: Hashable, Sendable, SnakeCaseRecord {
    /// Row id, never shown.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// The random id used in URLs, so attempts cannot be guessed or counted.
    public var publicId: String
    /// The user taking it.
    public var userId: Int64
    /// The officer the user is.
    public var officerId: Int64
    /// The exact course version.
    public var courseVersionId: Int64
    /// The exact bank version the questions come from.
    public var bankVersionId: Int64
    /// The course's id, for counting attempts across versions.
    public var courseKey: String
    /// pretest or posttest.
    public var kind: TestKind
    /// The fiscal year the attempt started in (BE).
    public var fiscalYear: Int
    /// 1 for the first attempt of this test in the fiscal year.
    public var number: Int
    /// The seed the draw was made with.
    public var seed: Int64
    /// The drawn questions, JSON.
    public var questions: String
    /// The pass mark in force when it started.
    public var passPercent: Int
    /// When it started.
    public var startedAt: Date
    /// When answers stop being accepted (before the grace period), or nil.
    public var deadline: Date?
    /// The highest save sequence number accepted.
    public var lastSaveSeq: Int
    /// When it was submitted, or nil while open.
    public var submittedAt: Date?
    /// "officer" or "deadline".
    public var submittedBy: String?
    /// Points earned, hundredths.
    public var earnedCentipoints: Int?
    /// Points possible, hundredths.
    public var possibleCentipoints: Int?
    /// The score in basis points.
    public var percentBp: Int?
    /// Whether it reached the pass mark.
    public var passed: Bool?

    public static let databaseTableName = "attempt"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The drawn questions, decoded.
    public var drawn: [DrawnQuestion] {
        (try? JSONDecoder().decode([DrawnQuestion].self, from: Data(questions.utf8))) ?? []
    }

    /// Whether it has been submitted.
    public var isSubmitted: Bool { submittedAt != nil }

    /// The score, once submitted.
    public var score: Score? {
        guard let earnedCentipoints, let possibleCentipoints else { return nil }
        return Score(earnedCentipoints: earnedCentipoints, possibleCentipoints: possibleCentipoints)
    }
}

/// One saved answer.
public struct AttemptAnswerRecord: Hashable, Sendable, SnakeCaseRecord {
    /// The attempt's row id.
    public var attemptId: Int64
    /// The question's id in its bank.
    public var questionId: String
    /// The answer, JSON.
    public var answer: String
    /// The save's sequence number.
    public var seq: Int
    /// When it was saved.
    public var savedAt: Date

    public static let databaseTableName = "attempt_answer"

    /// The answer, decoded.
    public var decoded: Answer? {
        try? JSONDecoder().decode(Answer.self, from: Data(answer.utf8))
    }
}

/// A session a user logged in with.
public struct LoginSession: Hashable, Sendable, SnakeCaseRecord {
    /// Row id.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// The user.
    public var userId: Int64
    /// SHA-256 of the token, hex.
    public var tokenSha256: String
    /// When it started.
    public var createdAt: Date
    /// When it stops being accepted.
    public var expiresAt: Date
    /// When the user logged out, or nil.
    public var endedAt: Date?

    public static let databaseTableName = "login_session"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
