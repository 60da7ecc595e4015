import Foundation
import GRDB
import GRDBSQLite
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
    /// the end of a fiscal quarter (tests submitted later do not count), read
    /// in one transaction so every table agrees. Tests come already reduced to
    /// what the report uses: each officer's first pre-test and best post-test
    /// (passed when any was). The course's measure, pass mark and topic scores
    /// come from its XML and are added by the caller.
    public func reportFacts(agencyID: Int64, courseKey: String, fiscalYear: Int, throughQuarter: Int = 4) throws -> ReportFacts {
        try writer.read { db in
            var facts = try Self.reportRest(db, agencyID: agencyID, courseKey: courseKey, fiscalYear: fiscalYear)
            (facts.divisions, facts.officers) = try Self.reportRoster(db, agencyID: agencyID)
            facts.attendance = try Self.reportAttendance(db, agencyID: agencyID, courseKey: courseKey, fiscalYear: fiscalYear)
            facts.tests = try Self.reportTests(db, agencyID: agencyID, courseKey: courseKey, fiscalYear: fiscalYear, throughQuarter: throughQuarter)
            return facts
        }
    }

    /// The divisions in order and every officer with their division history.
    private static func reportRoster(_ db: Database, agencyID: Int64) throws -> (divisions: [String], officers: [ReportFacts.Officer]) {
        let divisions = try Division.filter(Column("agency_id") == agencyID).order(Column("id")).fetchAll(db)
        let divisionName = Dictionary(divisions.map { ($0.id ?? 0, $0.name) }, uniquingKeysWith: { first, _ in first })
        // Two hundred thousand rows for a large agency: the columns are read in place.
        var memberships: [Int64: [ReportFacts.Membership]] = [:]
        try eachRow(db, sql: """
            SELECT officer_id, division_id, valid_from, valid_until FROM division_membership WHERE agency_id = ? ORDER BY officer_id, valid_from
            """, arguments: [agencyID]) { row in
            guard let from = CivilDate(iso: text(row, 2) ?? ""), let name = divisionName[sqlite3_column_int64(row, 1)] else { return }
            memberships[sqlite3_column_int64(row, 0), default: []]
                .append(.init(division: name, from: from, until: text(row, 3).flatMap { CivilDate(iso: $0) }))
        }
        var officers: [ReportFacts.Officer] = []
        try eachRow(db, sql: """
            SELECT id, employee_code, prefix, first_name, last_name, staff_type FROM officer WHERE agency_id = ?
            """, arguments: [agencyID]) { row in
            let id = sqlite3_column_int64(row, 0)
            officers.append(ReportFacts.Officer(
                id: id, name: PersonName.stored(prefix: text(row, 2) ?? "", firstName: text(row, 3) ?? "", lastName: text(row, 4) ?? ""),
                staffType: StaffType(rawValue: text(row, 5) ?? "") ?? .career, memberships: memberships[id] ?? [],
                employeeCode: text(row, 1) ?? ""))
        }
        return (divisions.map(\.name), officers)
    }

    /// Who was there: only present and late count in the report. Half a
    /// million rows for a large agency, so the columns are read in place.
    private static func reportAttendance(_ db: Database, agencyID: Int64, courseKey: String, fiscalYear: Int) throws -> [ReportFacts.Attendance] {
        var attendance: [ReportFacts.Attendance] = []
        try eachRow(db, sql: """
            SELECT a.session_id, a.officer_id, a.status = 'late' FROM attendance a JOIN training_session s ON s.id = a.session_id
            WHERE s.agency_id = ? AND s.course_key = ? AND s.fiscal_year = ? AND a.status IN ('present', 'late')
            """, arguments: [agencyID, courseKey, fiscalYear]) { row in
            attendance.append(.init(sessionID: sqlite3_column_int64(row, 0), officerID: sqlite3_column_int64(row, 1),
                                    status: sqlite3_column_int64(row, 2) == 1 ? .late : .present))
        }
        return attendance
    }

    /// A million attempts become two rows an officer: the first pre-test by
    /// time (SQLite takes the bare first_bp from the row min() chose) and the
    /// best post-test, from `test_result`, where each submission was already
    /// folded into its quarter's row.
    private static func reportTests(_ db: Database, agencyID: Int64, courseKey: String, fiscalYear: Int,
                                    throughQuarter: Int) throws -> [ReportFacts.TestResult] {
        var tests: [ReportFacts.TestResult] = []
        let arguments: StatementArguments = [agencyID, courseKey, fiscalYear, throughQuarter]
        try eachRow(db, sql: """
            SELECT officer_id, first_bp, 0, unixepoch(min(first_at)) FROM test_result
            WHERE agency_id = ? AND course_key = ? AND fiscal_year = ? AND kind = 'pretest' AND quarter <= ?
            GROUP BY officer_id
            """, arguments: arguments) { row in
            tests.append(test(row, kind: .pretest))
        }
        try eachRow(db, sql: """
            SELECT officer_id, max(best_key), max(passed), unixepoch(max(last_at)) FROM test_result
            WHERE agency_id = ? AND course_key = ? AND fiscal_year = ? AND kind = 'posttest' AND quarter <= ?
            GROUP BY officer_id
            """, arguments: arguments) { row in
            let best = sqlite3_column_int64(row, 1)
            var result = test(row, kind: .posttest)
            result.percentBp = Int(best / 1_000_000_000)
            result.attemptID = best % 1_000_000_000
            tests.append(result)
        }
        return tests
    }

    private static func test(_ row: OpaquePointer, kind: TestKind) -> ReportFacts.TestResult {
        .init(officerID: sqlite3_column_int64(row, 0), kind: kind, percentBp: Int(sqlite3_column_int64(row, 1)),
              passed: sqlite3_column_int64(row, 2) != 0, submittedAt: Date(timeIntervalSince1970: Double(sqlite3_column_int64(row, 3))))
    }

    /// A text column of a stepped statement; nil when NULL.
    private static func text(_ row: OpaquePointer, _ column: Int32) -> String? {
        sqlite3_column_text(row, column).map { String(cString: $0) }
    }

    /// Steps through a query's rows, handing each stepped SQLite statement
    /// to `body` to read its columns in place (no Row is made).
    private static func eachRow(_ db: Database, sql: String, arguments: StatementArguments, _ body: (OpaquePointer) -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        statement.arguments = arguments
        let rows = try Row.fetchCursor(statement)
        let sqlite = statement.sqliteStatement
        while try rows.next() != nil { body(sqlite) }
    }

    /// Everything else: the agency, sessions, completions, certificates, HR's notes, the ledger's head.
    private static func reportRest(_ db: Database, agencyID: Int64, courseKey: String, fiscalYear: Int) throws -> ReportFacts {
        guard let agency = try Agency.fetchOne(db, key: agencyID) else { throw StoreError.unknownAgency(String(agencyID)) }
        let sessions = try TrainingSession.filter(Column("agency_id") == agencyID && Column("course_key") == courseKey
                                                  && Column("fiscal_year") == fiscalYear).fetchAll(db)
        var completions: [ReportFacts.Completion] = []
        try eachRow(db, sql: """
            SELECT officer_id, (julianday(completed_at) - 2440587.5) * 86400.0 FROM completion
            WHERE agency_id = ? AND course_key = ? AND fiscal_year = ? AND revoked_at IS NULL
            """, arguments: [agencyID, courseKey, fiscalYear]) { row in
            completions.append(.init(officerID: sqlite3_column_int64(row, 0), completedAt: Date(timeIntervalSince1970: sqlite3_column_double(row, 1))))
        }
        let certificates = try CertificateRecord.filter(Column("agency_id") == agencyID && Column("course_key") == courseKey
                                                        && Column("fiscal_year") == fiscalYear && Column("revoked_at") == nil).fetchAll(db)
        let note = try Row.fetchOne(db, sql: "SELECT problems, suggestions FROM report_note WHERE agency_id = ? AND course_key = ? AND fiscal_year = ?",
                                    arguments: [agencyID, courseKey, fiscalYear])
        let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM ledger_entry WHERE agency_id = ? ORDER BY seq DESC LIMIT 1", arguments: [agencyID])
        let checkpoint = try Row.fetchOne(db, sql: """
            SELECT size, head, taken_at, public_key, signature FROM ledger_checkpoint WHERE agency_id = ? ORDER BY size DESC LIMIT 1
            """, arguments: [agencyID]).map { row in
            Checkpoint(agency: agency.code, size: row[0], head: row[1], takenAt: row[2], publicKey: row[3], signature: row[4])
        }
        let place = [agency.district.isEmpty ? nil : "อำเภอ\(agency.district)", agency.province.isEmpty ? nil : "จังหวัด\(agency.province)"]
            .compactMap { $0 }.joined(separator: " ")
        return ReportFacts(
            agencyName: agency.name, agencyPlace: place, divisions: [], courseTitle: courseKey, measure: nil, passPercent: 0, officers: [],
            sessions: sessions.map { .init(id: $0.id ?? 0, title: $0.title, startsAt: $0.startsAt, place: $0.place, format: $0.format,
                                           trainer: $0.trainer, budgetBaht: $0.budgetBaht) },
            attendance: [], tests: [], completions: completions,
            certificates: certificates.map { .init(serial: $0.serial, number: $0.number, issuedAt: $0.issuedAt, officerID: $0.officerId) },
            topicScores: [], problems: note?["problems"] ?? "", suggestions: note?["suggestions"] ?? "",
            ledgerSize: head?["seq"] ?? 0, ledgerHead: head?["hash"] ?? LedgerEntry.genesis, checkpoint: checkpoint)
    }

    /// Post-test attempts with their drawn questions and answers, by row id
    /// (each officer's best, as `reportFacts` found them): what the weakest
    /// topics are judged on, the knowledge the officer finished with.
    public func posttestAnswers(attemptIDs: [Int64]) throws -> [PosttestAnswers] {
        guard !attemptIDs.isEmpty else { return [] }
        let list = "[" + attemptIDs.map(String.init).joined(separator: ",") + "]"
        return try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT t.id, t.bank_version_id, t.questions, a.question_id, a.answer
                FROM json_each(?) j JOIN attempt t ON t.id = j.value LEFT JOIN attempt_answer a ON a.attempt_id = t.id
                ORDER BY t.id
                """, arguments: [list])
            let decoder = JSONDecoder()
            var tests: [PosttestAnswers] = []
            var current: Int64?
            while let row = try rows.next() {
                let id: Int64 = row[0]
                if id != current {
                    current = id
                    let questions: String = row[2]
                    let drawn = questions == "[]" ? [] : (try? decoder.decode([DrawnQuestion].self, from: Data(questions.utf8))) ?? []
                    tests.append(PosttestAnswers(bankVersionID: row[1], drawn: drawn, answers: [:]))
                }
                if let question: String = row[3], let text: String = row[4],
                   let answer = try? decoder.decode(Answer.self, from: Data(text.utf8)) {
                    tests[tests.count - 1].answers[question] = answer
                }
            }
            return tests
        }
    }

    /// Keeps what the responsible officer wrote for the report of a course and fiscal year.
    public func saveReportNote(agencyID: Int64, courseKey: String, fiscalYear: Int, problems: String?, suggestions: String?,
                               by actor: String, now: Date) throws {
        let problems = try TextField.notes.named("problems").accept(problems)
        let suggestions = try TextField.notes.named("suggestions").accept(suggestions)
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

