import Foundation

/// A lecture session (การอบรมบรรยาย) as `/api/v1/sessions…` shows it.
public struct SessionView: Codable, Sendable {
    /// The session's id.
    public var id: Int64
    /// The course it counts towards.
    public var course: String
    /// Its title.
    public var title: String
    /// When it starts.
    public var startsAt: Date
    /// When it ends.
    public var endsAt: Date
    /// Where.
    public var place: String
    /// Who lectures.
    public var trainer: String
    /// "onsite" or "online".
    public var format: String
    /// What it cost, in baht, when told.
    public var budgetBaht: Int?
    /// The fiscal year (BE) it falls in.
    public var fiscalYear: Int
    /// The quarter of that year.
    public var quarter: Int
    /// The roll, when one session is asked for.
    public var attendance: [AttendanceView]?
    /// Officers who typed wrong room codes, for the trainer's eye.
    public var refusedCheckIns: [RefusedCheckInView]?

    /// A session from its parts.
    public init(id: Int64, course: String, title: String, startsAt: Date, endsAt: Date, place: String, trainer: String,
                format: String, budgetBaht: Int?, fiscalYear: Int, quarter: Int, attendance: [AttendanceView]? = nil,
                refusedCheckIns: [RefusedCheckInView]? = nil) {
        self.id = id
        self.course = course
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.trainer = trainer
        self.format = format
        self.budgetBaht = budgetBaht
        self.fiscalYear = fiscalYear
        self.quarter = quarter
        self.attendance = attendance
        self.refusedCheckIns = refusedCheckIns
    }
}

/// One officer's standing at a session.
public struct AttendanceView: Codable, Sendable {
    /// The officer's employee code.
    public var employeeCode: String
    /// The officer's name, in Thai order.
    public var name: String
    /// "present", "late", "excused" or "absent".
    public var status: String
    /// How it was recorded: "roll", "self" (the officer checked in) or "sheet".
    public var method: String
    /// The ledger entry that holds it.
    public var ledgerSeq: Int64

    /// A line of the roll from its parts.
    public init(employeeCode: String, name: String, status: String, method: String, ledgerSeq: Int64) {
        self.employeeCode = employeeCode
        self.name = name
        self.status = status
        self.method = method
        self.ledgerSeq = ledgerSeq
    }
}

/// An officer's wrong room codes at a session.
public struct RefusedCheckInView: Codable, Sendable {
    /// The officer's employee code.
    public var employeeCode: String
    /// The officer's name.
    public var name: String
    /// How many wrong codes.
    public var count: Int
    /// When the last one came.
    public var last: Date

    /// A line from its parts.
    public init(employeeCode: String, name: String, count: Int, last: Date) {
        self.employeeCode = employeeCode
        self.name = name
        self.count = count
        self.last = last
    }
}

/// A list of sessions.
public struct SessionsView: Codable, Sendable {
    /// The sessions.
    public var sessions: [SessionView]

    /// A list from its sessions.
    public init(sessions: [SessionView]) {
        self.sessions = sessions
    }
}

/// What a mark on the roll or a check-in did.
public struct AttendanceOutcomeView: Codable, Sendable {
    /// The status now recorded, if any.
    public var status: String?
    /// The ledger entry written, if any.
    public var ledgerSeq: Int64?
    /// Whether it corrected an earlier record.
    public var corrected: Bool
    /// The completion it earned, if it earned one.
    public var completion: String?

    /// An outcome from its parts.
    public init(status: String?, ledgerSeq: Int64?, corrected: Bool, completion: String?) {
        self.status = status
        self.ledgerSeq = ledgerSeq
        self.corrected = corrected
        self.completion = completion
    }
}

/// The room's check-in code now, for the trainer's screen.
public struct RoomCodeView: Codable, Sendable {
    /// The six digits.
    public var code: String
    /// How long until it changes.
    public var validForSeconds: Int

    /// A code from its parts.
    public init(code: String, validForSeconds: Int) {
        self.code = code
        self.validForSeconds = validForSeconds
    }
}
