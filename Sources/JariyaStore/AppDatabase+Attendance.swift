import Foundation
import GRDB
import JariyaCore

/// What recording an attendance did.
public struct AttendanceOutcome: Equatable, Sendable {
    /// The officer's status now.
    public var status: AttendanceStatus
    /// The ledger entry written, nil when the status was already so.
    public var ledgerSeq: Int64?
    /// True when a status was replaced (a correction).
    public var corrected: Bool
    /// "completed", "revoked" or nil: what happened to the officer's completion.
    public var completion: String?
}

extension AppDatabase {
    /// How long before the start self check-in opens.
    public static let checkInOpensBefore: TimeInterval = 30 * 60
    /// After this long past the start, a self check-in counts as late.
    public static let lateAfter: TimeInterval = 15 * 60

    /// Creates a session.
    public func createSession(_ session: TrainingSession) throws -> TrainingSession {
        try writer.write { db in
            var session = session
            try session.insert(db)
            return session
        }
    }

    /// The agency's sessions, by start, optionally of one fiscal year.
    public func sessions(agencyID: Int64, fiscalYear: Int? = nil) throws -> [TrainingSession] {
        try writer.read { db in
            var request = TrainingSession.filter(Column("agency_id") == agencyID)
            if let fiscalYear { request = request.filter(Column("fiscal_year") == fiscalYear) }
            return try request.order(Column("starts_at")).fetchAll(db)
        }
    }

    /// One session of the agency.
    public func session(id: Int64, agencyID: Int64) throws -> TrainingSession {
        try writer.read { db in
            guard let session = try TrainingSession.filter(Column("id") == id && Column("agency_id") == agencyID).fetchOne(db) else {
                throw AttendanceError.unknownSession(id)
            }
            return session
        }
    }

    /// How many sessions of a course an officer attended (present or late) in a fiscal year.
    public func attendedSessions(officerID: Int64, courseKey: String, fiscalYear: Int) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM attendance a JOIN training_session s ON s.id = a.session_id
                WHERE a.officer_id = ? AND s.course_key = ? AND s.fiscal_year = ? AND a.status IN ('present', 'late')
                """, arguments: [officerID, courseKey, fiscalYear]) ?? 0
        }
    }

    /// The current attendance of a session with the officers, in Thai order.
    public func attendance(sessionID: Int64) throws -> [(officer: Officer, record: AttendanceRecord)] {
        try writer.read { db in
            let records = try AttendanceRecord.filter(Column("session_id") == sessionID).fetchAll(db)
            let officers = try Officer.filter(keys: records.map(\.officerId)).fetchAll(db)
            let byID = Dictionary(officers.map { ($0.id ?? 0, $0) }, uniquingKeysWith: { first, _ in first })
            return records.compactMap { record in byID[record.officerId].map { ($0, record) } }
                .sorted { PersonName.thaiOrder($0.officer.name, $1.officer.name) }
        }
    }

    /// Records a status from the roll call or the trainer's correction. A
    /// different status over an existing one is a correction and needs a reason.
    /// Completion is re-judged in the same transaction.
    public func recordAttendance(sessionID: Int64, agencyID: Int64, employeeCode: String, status: AttendanceStatus,
                                 method: CheckInMethod, actor: String, reason: String?, now: Date,
                                 rule: CompletionRule?) throws -> AttendanceOutcome {
        try writer.write { db in
            let session = try Self.session(db, id: sessionID, agencyID: agencyID)
            let officer = try Self.activeOfficer(db, agencyID: agencyID, code: employeeCode)
            return try Self.record(db, session: session, officer: officer, status: status, method: method, actor: actor,
                                   reason: reason, now: now, rule: rule, issuer: certificateIssuer)
        }
    }

    /// An officer's own check-in with the code shown in the room: only in the
    /// session's window, only with the current (or just previous) code, once.
    public func selfCheckIn(sessionID: Int64, user: User, code: String, now: Date, rule: CompletionRule?) throws -> AttendanceOutcome {
        guard let officerID = user.officerId else { throw AttemptError.notAnOfficer }
        return try writer.write { db in
            let session = try Self.session(db, id: sessionID, agencyID: user.agencyId)
            guard now >= session.startsAt.addingTimeInterval(-Self.checkInOpensBefore), now <= session.endsAt else {
                throw AttendanceError.outsideWindow
            }
            guard RotatingCode.accepts(code, secret: session.codeSecret, at: now) else { throw AttendanceError.wrongCode }
            if try AttendanceRecord.filter(Column("session_id") == sessionID && Column("officer_id") == officerID).fetchCount(db) > 0 {
                throw AttendanceError.alreadyCheckedIn
            }
            guard let officer = try Officer.fetchOne(db, key: officerID) else { throw AttemptError.notAnOfficer }
            let status: AttendanceStatus = now > session.startsAt.addingTimeInterval(Self.lateAfter) ? .late : .present
            return try Self.record(db, session: session, officer: officer, status: status, method: .selfCheckIn,
                                   actor: user.username, reason: nil, now: now, rule: rule, issuer: certificateIssuer)
        }
    }

    /// Imports a paper sign-in sheet in one transaction: every unknown code is
    /// reported with its line and nothing is recorded until the sheet is clean.
    public func importSheet(sessionID: Int64, agencyID: Int64, rows: [SheetRow], actor: String, reason: String?, now: Date,
                            rule: CompletionRule?) throws -> [AttendanceOutcome] {
        try writer.write { db in
            let session = try Self.session(db, id: sessionID, agencyID: agencyID)
            var officers: [Officer] = []
            var problems: [String] = []
            for row in rows {
                if let officer = try Officer.filter(Column("agency_id") == agencyID && Column("employee_code") == row.employeeCode
                                                    && Column("active") == true).fetchOne(db) {
                    officers.append(officer)
                } else {
                    problems.append("line \(row.line): no active officer has the employee code \"\(row.employeeCode)\"")
                }
            }
            if !problems.isEmpty { throw AttendanceError.sheet(problems) }
            return try zip(rows, officers).map { row, officer in
                try Self.record(db, session: session, officer: officer, status: row.status, method: .sheet, actor: actor,
                                reason: reason, now: now, rule: rule, issuer: certificateIssuer)
            }
        }
    }

    private static func session(_ db: Database, id: Int64, agencyID: Int64) throws -> TrainingSession {
        guard let session = try TrainingSession.fetchOne(db.cachedStatement(sql: "SELECT * FROM training_session WHERE id = ? AND agency_id = ?"),
                                                         arguments: [id, agencyID]) else {
            throw AttendanceError.unknownSession(id)
        }
        return session
    }

    private static func activeOfficer(_ db: Database, agencyID: Int64, code: String) throws -> Officer {
        guard let officer = try Officer.fetchOne(db.cachedStatement(sql: "SELECT * FROM officer WHERE agency_id = ? AND employee_code = ? AND active"),
                                                 arguments: [agencyID, code]) else {
            throw AttendanceError.unknownOfficer(code)
        }
        return officer
    }

    private static func record(_ db: Database, session: TrainingSession, officer: Officer, status: AttendanceStatus,
                               method: CheckInMethod, actor: String, reason: String?, now: Date,
                               rule: CompletionRule?, issuer: CertificateIssuer?) throws -> AttendanceOutcome {
        let officerID = officer.id ?? 0
        let sessionID = session.id ?? 0
        let current = try AttendanceRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM attendance WHERE session_id = ? AND officer_id = ?"),
                                                    arguments: [sessionID, officerID])
        if let current, current.status == status { return AttendanceOutcome(status: status, ledgerSeq: nil, corrected: false, completion: nil) }
        let why = reason.map(ThaiText.clean) ?? ""
        if current != nil && why.isEmpty { throw AttendanceError.correctionNeedsReason }
        var payload = ["status": status.rawValue, "method": method.rawValue, "course": session.courseKey,
                       "employee_code": officer.employeeCode]
        if let current { payload["supersedes"] = String(current.ledgerSeq) }
        let entry = try appendLedger(db, agencyID: session.agencyId, actor: actor, kind: current == nil ? "attendance" : "attendance.correction",
                                     officerID: officerID, sessionID: sessionID, payload: payload, reason: why, now: now)
        try db.cachedStatement(sql: """
            INSERT INTO attendance (session_id, officer_id, status, method, ledger_seq, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id, officer_id) DO UPDATE SET status = excluded.status, method = excluded.method,
                ledger_seq = excluded.ledger_seq, recorded_at = excluded.recorded_at
            """).execute(arguments: [sessionID, officerID, status.rawValue, method.rawValue, entry.seq, now])
        let completion = try rule.map { rule in
            try judgeCompletion(db, agencyID: session.agencyId, officerID: officerID, courseKey: session.courseKey,
                                fiscalYear: session.fiscalYear, rule: rule, issuer: issuer, actor: actor, now: now,
                                reason: "การเข้าอบรม \(session.title) แก้เป็น \(status.thai)" + (why.isEmpty ? "" : " (\(why))"))
        } ?? nil
        return AttendanceOutcome(status: status, ledgerSeq: entry.seq, corrected: current != nil, completion: completion)
    }
}
