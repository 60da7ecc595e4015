import Foundation
import GRDB
import JariyaCore

/// A submitted post-test's drawn questions and answers, for scoring by topic.
public struct PosttestAnswers: Sendable {
    /// The bank version the questions come from.
    public var bankVersionID: Int64
    /// The questions in the order drawn.
    public var drawn: [DrawnQuestion]
    /// The answers by question id.
    public var answers: [String: Answer]
}

extension AppDatabase {
    /// The facts of a compliance report for one course and fiscal year, read
    /// in one transaction so every table agrees. The course's measure, pass
    /// mark and topic scores come from its XML and are added by the caller.
    public func reportFacts(agencyID: Int64, courseKey: String, fiscalYear: Int) throws -> ReportFacts {
        try writer.read { db in
            guard let agency = try Agency.fetchOne(db, key: agencyID) else { throw StoreError.unknownAgency(String(agencyID)) }
            let divisions = try Division.filter(Column("agency_id") == agencyID).order(Column("id")).fetchAll(db)
            let divisionName = Dictionary(divisions.map { ($0.id ?? 0, $0.name) }, uniquingKeysWith: { first, _ in first })
            var memberships: [Int64: [ReportFacts.Membership]] = [:]
            for membership in try DivisionMembership.filter(Column("agency_id") == agencyID).order(Column("valid_from")).fetchAll(db) {
                guard let from = CivilDate(iso: membership.validFrom), let name = divisionName[membership.divisionId] else { continue }
                memberships[membership.officerId, default: []].append(
                    .init(division: name, from: from, until: membership.validUntil.flatMap { CivilDate(iso: $0) }))
            }
            let officers = try Officer.filter(Column("agency_id") == agencyID).fetchAll(db).map { officer in
                ReportFacts.Officer(id: officer.id ?? 0, name: officer.name, staffType: officer.staffType,
                                    memberships: memberships[officer.id ?? 0] ?? [], employeeCode: officer.employeeCode)
            }
            let sessions = try TrainingSession.filter(Column("agency_id") == agencyID && Column("course_key") == courseKey
                                                      && Column("fiscal_year") == fiscalYear).fetchAll(db)
            let attendance = try Row.fetchAll(db, sql: """
                SELECT a.session_id, a.officer_id, a.status FROM attendance a JOIN training_session s ON s.id = a.session_id
                WHERE s.agency_id = ? AND s.course_key = ? AND s.fiscal_year = ?
                """, arguments: [agencyID, courseKey, fiscalYear]).compactMap { row -> ReportFacts.Attendance? in
                AttendanceStatus(rawValue: row[2]).map { .init(sessionID: row[0], officerID: row[1], status: $0) }
            }
            let tests = try Row.fetchAll(db, sql: """
                SELECT officer_id, kind, percent_bp, passed, submitted_at FROM attempt
                WHERE agency_id = ? AND course_key = ? AND fiscal_year = ? AND submitted_at IS NOT NULL
                """, arguments: [agencyID, courseKey, fiscalYear]).compactMap { row -> ReportFacts.TestResult? in
                TestKind(rawValue: row[1]).map { .init(officerID: row[0], kind: $0, percentBp: row[2], passed: row[3] ?? false, submittedAt: row[4]) }
            }
            let completions = try CompletionRecord.filter(Column("agency_id") == agencyID && Column("course_key") == courseKey
                                                          && Column("fiscal_year") == fiscalYear && Column("revoked_at") == nil).fetchAll(db)
            let certificates = try CertificateRecord.filter(Column("agency_id") == agencyID && Column("course_key") == courseKey
                                                            && Column("fiscal_year") == fiscalYear && Column("revoked_at") == nil).fetchAll(db)
            let note = try Row.fetchOne(db, sql: "SELECT problems, suggestions FROM report_note WHERE agency_id = ? AND course_key = ? AND fiscal_year = ?",
                                        arguments: [agencyID, courseKey, fiscalYear])
            let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM ledger_entry WHERE agency_id = ? ORDER BY seq DESC LIMIT 1",
                                        arguments: [agencyID])
            let checkpoint = try Row.fetchOne(db, sql: """
                SELECT size, head, taken_at, public_key, signature FROM ledger_checkpoint WHERE agency_id = ? ORDER BY size DESC LIMIT 1
                """, arguments: [agencyID]).map { row in
                Checkpoint(agency: agency.code, size: row[0], head: row[1], takenAt: row[2], publicKey: row[3], signature: row[4])
            }
            let place = [agency.district.isEmpty ? nil : "อำเภอ\(agency.district)", agency.province.isEmpty ? nil : "จังหวัด\(agency.province)"]
                .compactMap { $0 }.joined(separator: " ")
            return ReportFacts(
                agencyName: agency.name, agencyPlace: place, divisions: divisions.map(\.name), courseTitle: courseKey, measure: nil,
                passPercent: 0, officers: officers,
                sessions: sessions.map { .init(id: $0.id ?? 0, title: $0.title, startsAt: $0.startsAt, place: $0.place, format: $0.format,
                                               trainer: $0.trainer, budgetBaht: $0.budgetBaht) },
                attendance: attendance, tests: tests,
                completions: completions.map { .init(officerID: $0.officerId, completedAt: $0.completedAt) },
                certificates: certificates.map { .init(serial: $0.serial, number: $0.number, issuedAt: $0.issuedAt, officerID: $0.officerId) },
                topicScores: [], problems: note?["problems"] ?? "", suggestions: note?["suggestions"] ?? "",
                ledgerSize: head?["seq"] ?? 0, ledgerHead: head?["hash"] ?? LedgerEntry.genesis, checkpoint: checkpoint)
        }
    }

    /// The submitted post-tests of a course and fiscal year with their answers.
    public func posttestAnswers(agencyID: Int64, courseKey: String, fiscalYear: Int, through lastDay: Date) throws -> [PosttestAnswers] {
        try writer.read { db in
            let attempts = try AttemptRecord.filter(Column("agency_id") == agencyID && Column("course_key") == courseKey
                                                    && Column("fiscal_year") == fiscalYear && Column("kind") == TestKind.posttest.rawValue
                                                    && Column("submitted_at") != nil && Column("submitted_at") <= lastDay).fetchAll(db)
            var answers: [Int64: [String: Answer]] = [:]
            for record in try AttemptAnswerRecord.filter(attempts.compactMap(\.id).contains(Column("attempt_id"))).fetchAll(db) {
                if let answer = record.decoded { answers[record.attemptId, default: [:]][record.questionId] = answer }
            }
            return attempts.map { PosttestAnswers(bankVersionID: $0.bankVersionId, drawn: $0.drawn, answers: answers[$0.id ?? 0] ?? [:]) }
        }
    }

    /// Keeps what the responsible officer wrote for the report of a course and fiscal year.
    public func saveReportNote(agencyID: Int64, courseKey: String, fiscalYear: Int, problems: String?, suggestions: String?,
                               by actor: String, now: Date) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO report_note (agency_id, course_key, fiscal_year, problems, suggestions, updated_by, updated_at)
                VALUES (?, ?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?)
                ON CONFLICT (agency_id, course_key, fiscal_year) DO UPDATE SET
                    problems = coalesce(?, problems), suggestions = coalesce(?, suggestions), updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at
                """, arguments: [agencyID, courseKey, fiscalYear, problems, suggestions, actor, now, problems, suggestions])
        }
    }
}
