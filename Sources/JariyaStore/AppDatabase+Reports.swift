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
    /// The facts of a compliance report for one course and fiscal year up to
    /// an instant, read in one transaction so every table agrees. Tests come
    /// already reduced to what the report uses: each officer's first pre-test
    /// and best post-test (passed when any was). The course's measure, pass
    /// mark and topic scores come from its XML and are added by the caller.
    public func reportFacts(agencyID: Int64, courseKey: String, fiscalYear: Int, through: Date = .distantFuture) throws -> ReportFacts {
        try writer.read { db in
            guard let agency = try Agency.fetchOne(db, key: agencyID) else { throw StoreError.unknownAgency(String(agencyID)) }
            let divisions = try Division.filter(Column("agency_id") == agencyID).order(Column("id")).fetchAll(db)
            let divisionName = Dictionary(divisions.map { ($0.id ?? 0, $0.name) }, uniquingKeysWith: { first, _ in first })
            // Rows are read by column position, not decoded as records: a large
            // agency has a hundred thousand officers and a million attempts.
            var memberships: [Int64: [ReportFacts.Membership]] = [:]
            let spans = try Row.fetchCursor(db, sql: """
                SELECT officer_id, division_id, valid_from, valid_until FROM division_membership WHERE agency_id = ? ORDER BY valid_from
                """, arguments: [agencyID])
            while let row = try spans.next() {
                guard let from = CivilDate(iso: row[2]), let name = divisionName[row[1]] else { continue }
                memberships[row[0], default: []].append(.init(division: name, from: from, until: (row[3] as String?).flatMap { CivilDate(iso: $0) }))
            }
            var officers: [ReportFacts.Officer] = []
            let people = try Row.fetchCursor(db, sql: """
                SELECT id, employee_code, prefix, first_name, last_name, staff_type FROM officer WHERE agency_id = ?
                """, arguments: [agencyID])
            while let row = try people.next() {
                let id: Int64 = row[0]
                officers.append(ReportFacts.Officer(id: id, name: PersonName.stored(prefix: row[2], firstName: row[3], lastName: row[4]),
                                                    staffType: StaffType(rawValue: row[5]) ?? .career, memberships: memberships[id] ?? [],
                                                    employeeCode: row[1]))
            }
            let sessions = try TrainingSession.filter(Column("agency_id") == agencyID && Column("course_key") == courseKey
                                                      && Column("fiscal_year") == fiscalYear).fetchAll(db)
            // Only who was there counts in the report; absent and excused are left out here.
            var attendance: [ReportFacts.Attendance] = []
            let marks = try Row.fetchCursor(db, sql: """
                SELECT a.session_id, a.officer_id, a.status = 'late' FROM attendance a JOIN training_session s ON s.id = a.session_id
                WHERE s.agency_id = ? AND s.course_key = ? AND s.fiscal_year = ? AND a.status IN ('present', 'late')
                """, arguments: [agencyID, courseKey, fiscalYear])
            while let row = try marks.next() {
                attendance.append(.init(sessionID: row[0], officerID: row[1], status: row[2] ? .late : .present))
            }
            // A million attempts become two rows an officer here, in SQLite, along
            // the attempt_by_course index: the first pre-test by time (SQLite takes
            // the bare percent_bp from the row min() chose) and the best post-test.
            var tests: [ReportFacts.TestResult] = []
            let firsts = try Row.fetchCursor(db, sql: """
                SELECT officer_id, percent_bp, unixepoch(min(submitted_at)) FROM attempt
                WHERE agency_id = ? AND course_key = ? AND fiscal_year = ? AND kind = 'pretest'
                  AND submitted_at IS NOT NULL AND submitted_at <= ?
                GROUP BY officer_id
                """, arguments: [agencyID, courseKey, fiscalYear, through])
            while let row = try firsts.next() {
                tests.append(.init(officerID: row[0], kind: .pretest, percentBp: row[1], passed: false, submittedAt: Date(timeIntervalSince1970: row[2])))
            }
            let bests = try Row.fetchCursor(db, sql: """
                SELECT officer_id, max(percent_bp), max(coalesce(passed, 0)), unixepoch(max(submitted_at)) FROM attempt
                WHERE agency_id = ? AND course_key = ? AND fiscal_year = ? AND kind = 'posttest'
                  AND submitted_at IS NOT NULL AND submitted_at <= ?
                GROUP BY officer_id
                """, arguments: [agencyID, courseKey, fiscalYear, through])
            while let row = try bests.next() {
                tests.append(.init(officerID: row[0], kind: .posttest, percentBp: row[1], passed: row[2], submittedAt: Date(timeIntervalSince1970: row[3])))
            }
            let completions = try Row.fetchAll(db, sql: """
                SELECT officer_id, (julianday(completed_at) - 2440587.5) * 86400.0 FROM completion
                WHERE agency_id = ? AND course_key = ? AND fiscal_year = ? AND revoked_at IS NULL
                """, arguments: [agencyID, courseKey, fiscalYear]).map {
                ReportFacts.Completion(officerID: $0[0], completedAt: Date(timeIntervalSince1970: $0[1]))
            }
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
                completions: completions,
                certificates: certificates.map { .init(serial: $0.serial, number: $0.number, issuedAt: $0.issuedAt, officerID: $0.officerId) },
                topicScores: [], problems: note?["problems"] ?? "", suggestions: note?["suggestions"] ?? "",
                ledgerSize: head?["seq"] ?? 0, ledgerHead: head?["hash"] ?? LedgerEntry.genesis, checkpoint: checkpoint)
        }
    }

    /// Each officer's best submitted post-test of a course and fiscal year,
    /// with its drawn questions and answers: what the weakest topics are
    /// judged on (the knowledge the officer finished with).
    public func posttestAnswers(agencyID: Int64, courseKey: String, fiscalYear: Int, through lastDay: Date) throws -> [PosttestAnswers] {
        try writer.read { db in
            // The best attempt of each officer from the covering index alone (SQLite
            // takes the bare id from the row max() chose), then only those rows.
            let best = """
                SELECT t.id, t.bank_version_id, t.questions FROM attempt t JOIN (
                    SELECT id, max(percent_bp) FROM attempt
                    WHERE agency_id = ? AND course_key = ? AND fiscal_year = ? AND kind = 'posttest'
                      AND submitted_at IS NOT NULL AND submitted_at <= ?
                    GROUP BY officer_id
                ) b ON b.id = t.id
                """
            let arguments: StatementArguments = [agencyID, courseKey, fiscalYear, lastDay]
            var answers: [Int64: [String: Answer]] = [:]
            let given = try Row.fetchCursor(db, sql: """
                SELECT a.attempt_id, a.question_id, a.answer FROM attempt_answer a JOIN (\(best)) b ON b.id = a.attempt_id
                """, arguments: arguments)
            let decoder = JSONDecoder()
            while let row = try given.next() {
                if let answer = try? decoder.decode(Answer.self, from: Data((row[2] as String).utf8)) { answers[row[0], default: [:]][row[1]] = answer }
            }
            var tests: [PosttestAnswers] = []
            let attempts = try Row.fetchCursor(db, sql: best, arguments: arguments)
            while let row = try attempts.next() {
                let questions: String = row[2]
                let drawn = questions == "[]" ? [] : (try? decoder.decode([DrawnQuestion].self, from: Data(questions.utf8))) ?? []
                tests.append(PosttestAnswers(bankVersionID: row[1], drawn: drawn, answers: answers[row[0]] ?? [:]))
            }
            return tests
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
