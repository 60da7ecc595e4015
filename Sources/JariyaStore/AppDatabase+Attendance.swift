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
        var session = session
        session.title = try TextField.sessionTitle.accept(session.title)
        session.place = try TextField.place.accept(session.place)
        session.trainer = try TextField.trainer.accept(session.trainer)
        guard !session.title.isEmpty else { throw StoreError.invalid("the session needs a title") }
        guard session.endsAt > session.startsAt else { throw StoreError.invalid("the session must end after it starts") }
        guard FiscalYear.accepts(session.startsAt, now: session.createdAt), FiscalYear.accepts(session.endsAt, now: session.createdAt) else {
            throw StoreError.invalid("a session must fall between fiscal year \(FiscalYear.earliest) and \(FiscalYear.yearsAhead) years after this one")
        }
        if let budget = session.budgetBaht, budget < 0 { throw StoreError.invalid("budgetBaht cannot be negative") }
        return try writer.write { db in
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
    /// session's window, only with the current code (or the one before, within
    /// its grace), once. Wrong codes are counted, and past a few the officer
    /// waits longer and longer (`Backoff.checkIn`), so guessing is hopeless.
    public func selfCheckIn(sessionID: Int64, user: User, code: String, now: Date, rule: CompletionRule?) throws -> AttendanceOutcome {
        guard let officerID = user.officerId else { throw AttemptError.notAnOfficer }
        let code = try TextField.checkInCode.accept(code)
        enum Step { case recorded(AttendanceOutcome), wrongCode }
        let step = try writer.write { db -> Step in
            let session = try Self.session(db, id: sessionID, agencyID: user.agencyId)
            guard now >= session.startsAt.addingTimeInterval(-Self.checkInOpensBefore), now <= session.endsAt else {
                throw AttendanceError.outsideWindow
            }
            let refused = try Self.checkInRefusals(db, sessionID: sessionID, officerID: officerID)
            if let wait = Backoff.checkIn.retryAfter(failures: refused.count, lastFailure: refused.last, now: now) {
                throw TooManyTries(what: "the room's code", retryAfter: wait)
            }
            guard RotatingCode.accepts(code, secret: session.codeSecret, at: now) else {
                // Returned, not thrown, so the count commits with this transaction.
                try db.execute(sql: "INSERT INTO checkin_refusal (agency_id, session_id, officer_id, refused_at) VALUES (?, ?, ?, ?)",
                               arguments: [user.agencyId, sessionID, officerID, now])
                return .wrongCode
            }
            if try AttendanceRecord.filter(Column("session_id") == sessionID && Column("officer_id") == officerID).fetchCount(db) > 0 {
                throw AttendanceError.alreadyCheckedIn
            }
            guard let officer = try Officer.fetchOne(db, key: officerID) else { throw AttemptError.notAnOfficer }
            let status: AttendanceStatus = now > session.startsAt.addingTimeInterval(Self.lateAfter) ? .late : .present
            return .recorded(try Self.record(db, session: session, officer: officer, status: status, method: .selfCheckIn,
                                             actor: user.username, reason: nil, now: now, rule: rule, issuer: certificateIssuer))
        }
        guard case .recorded(let outcome) = step else { throw AttendanceError.wrongCode }
        return outcome
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
        let why = try TextField.reason.accept(reason) ?? ""
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
