import Foundation
import GRDB
import JariyaCore

/// A lecture session (การอบรมบรรยาย) of a course.
public struct TrainingSession: Hashable, Sendable, SnakeCaseRecord {
    /// Row id, also the session's number on the command line.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// The course it belongs to.
    public var courseKey: String
    /// What it is called, e.g. "อบรมบรรยาย ครั้งที่ 1".
    public var title: String
    /// Start.
    public var startsAt: Date
    /// End.
    public var endsAt: Date
    /// Where.
    public var place: String
    /// Who lectures.
    public var trainer: String
    /// "onsite" or "online".
    public var format: String
    /// Budget in baht, nil for ไม่ใช้งบประมาณ.
    public var budgetBaht: Int?
    /// Fiscal year of the start, Bangkok time (BE).
    public var fiscalYear: Int
    /// Quarter of the start, 1–4.
    public var quarter: Int
    /// The secret the room's rotating codes come from; never shown.
    public var codeSecret: String
    /// Who created it.
    public var createdBy: String
    /// When.
    public var createdAt: Date

    public static let databaseTableName = "training_session"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// A new session; the fiscal year and quarter come from the start, judged in Bangkok.
    public init(agencyId: Int64, courseKey: String, title: String, startsAt: Date, endsAt: Date, place: String,
                trainer: String, format: String, budgetBaht: Int?, codeSecret: String, createdBy: String, createdAt: Date) {
        let quarter = FiscalQuarter(containing: startsAt)
        self.agencyId = agencyId
        self.courseKey = courseKey
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.trainer = trainer
        self.format = format
        self.budgetBaht = budgetBaht
        self.fiscalYear = quarter.fiscalYear.buddhistYear
        self.quarter = quarter.number
        self.codeSecret = codeSecret
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// An officer's current standing at a session.
public struct AttendanceRecord: Hashable, Sendable, SnakeCaseRecord {
    /// The session.
    public var sessionId: Int64
    /// The officer.
    public var officerId: Int64
    /// The current status.
    public var status: AttendanceStatus
    /// How it was taken.
    public var method: CheckInMethod
    /// The ledger entry that set it.
    public var ledgerSeq: Int64
    /// When.
    public var recordedAt: Date

    public static let databaseTableName = "attendance"
}

/// An officer's completion of a course in a fiscal year.
public struct CompletionRecord: Hashable, Sendable, SnakeCaseRecord {
    /// Row id.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// The officer.
    public var officerId: Int64
    /// The course.
    public var courseKey: String
    /// The fiscal year (BE).
    public var fiscalYear: Int
    /// When the rule was met.
    public var completedAt: Date
    /// The ledger entry that records it.
    public var ledgerSeq: Int64
    /// When it was revoked, or nil.
    public var revokedAt: Date?
    /// The ledger entry that revoked it.
    public var revokedSeq: Int64?
    /// Why.
    public var revokeReason: String?

    public static let databaseTableName = "completion"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
