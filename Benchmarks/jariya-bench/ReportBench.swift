import Foundation
import GRDB
import JariyaCLI
import JariyaCore
import JariyaDocuments
import JariyaApp
import JariyaStore

/// `jariya report compliance --format json` over a generated agency of
/// OFFICERS officers, SESSIONS lecture sessions and ATTEMPTS submitted tests
/// (plus half a million attendance records and a completion for most
/// officers). The agency and course are set up through the real commands;
/// the bulk rows go straight into the SQLite file, since filling is not what
/// is measured.
func reportBench(officers: Int, sessions: Int, attempts: Int, content: String) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // JARIYA_BENCH_KEEP=1 keeps the generated database for profiling the command by itself.
    let keep = ProcessInfo.processInfo.environment["JARIYA_BENCH_KEEP"] != nil
    defer { if keep { print("kept \(folder.path)") } else { try? FileManager.default.removeItem(at: folder) } }
    let path = folder.appendingPathComponent("bench.sqlite").path
    for command in [
        ["init", "--code", "bench", "--name", "องค์การบริหารส่วนตำบลยอดแกง", "--short-name", "อบต.ยอดแกง"],
        ["course", "publish", "\(content)/Quizzes/ethics-basics.xml", "\(content)/Courses/code-of-ethics.xml"],
    ] {
        guard await Jariya.run(command + ["--db", path]) == 0 else { throw BenchFailure("jariya \(command[0]) failed") }
    }
    let fill = try seconds { try fillAgency(path: path, officers: officers, sessions: sessions, attempts: attempts) }
    print("filled \(officers) officers, \(sessions) sessions, \(attempts) attempts in \(String(format: "%.1f", fill)) s")
    let out = folder.appendingPathComponent("report.json").path
    for run in 1...3 {
        var code: Int32 = 0
        let time = await asyncSeconds {
            code = await Jariya.run(["report", "compliance", "--fiscal-year", "2567", "--format", "json", "--out", out, "--db", path])
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        print("report compliance --format json, run \(run): \(String(format: "%.3f", time)) s (exit \(code), \(size / 1024) KiB)")
    }
    // Where the time goes, phase by phase, in this process.
    let db = try AppDatabase.open(path: path)
    let agency = try db.agency(code: "bench")
    let reports = ComplianceReports(content: PublishedContent(database: db))
    var facts: ReportFacts?
    let reading = try seconds { facts = try db.reportFacts(agencyID: agency.id ?? 0, courseKey: "code-of-ethics", fiscalYear: 2567) }
    let completing = try seconds { facts = try reports.facts(agency: agency, courseKey: "code-of-ethics", fiscalYear: 2567, throughQuarter: 4) }
    var report: ComplianceReport?
    let computing = seconds { if let facts { report = ComplianceReport.compute(facts, fiscalYear: FiscalYear(2567), throughQuarter: 4, generatedAt: Date()) } }
    let encoding = try seconds { if let report { _ = try ComplianceReportJSON.encode(report) } }
    print(String(format: "phases: store facts %.3f s; facts with course and topics %.3f s; compute %.3f s; JSON %.3f s", reading, completing, computing, encoding))
}

private func fillAgency(path: String, officers: Int, sessions: Int, attempts: Int) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
        let agency = try Int64.fetchOne(db, sql: "SELECT id FROM agency") ?? 1
        let divisions = try Int64.fetchAll(db, sql: "SELECT id FROM division WHERE agency_id = ? ORDER BY id", arguments: [agency])
        let course = try Int64.fetchOne(db, sql: "SELECT id FROM course_version") ?? 1
        let bank = try Int64.fetchOne(db, sql: "SELECT id FROM bank_version") ?? 1
        let firstNames = ["กฤษณ์ธิดา", "น้ำทิพย์", "เกียรติศักดิ์", "ขวัญใจ", "สมชาย", "วิไลวรรณ", "ใบเตย", "ภูมิพัฒน์"]
        let types = ["career", "permanent", "mission-contract", "general-contract"]
        let officer = try db.makeStatement(sql: "INSERT INTO officer (id, agency_id, employee_code, prefix, first_name, last_name, staff_type) VALUES (?, ?, ?, 'นาย', ?, ?, ?)")
        let membership = try db.makeStatement(sql: "INSERT INTO division_membership (agency_id, officer_id, division_id, valid_from, valid_until) VALUES (?, ?, ?, ?, ?)")
        let user = try db.makeStatement(sql: "INSERT INTO user (id, agency_id, username, display_name, role, officer_id, password_hash, created_at) VALUES (?, ?, ?, 'bench', 'officer', ?, '$argon2id$bench', '2023-10-01 00:00:00')")
        for number in 1...officers {
            let id = Int64(number)
            try officer.execute(arguments: [id, agency, "B\(number)", firstNames[number % firstNames.count], "ทดสอบ\(number)", types[number % types.count]])
            let division = divisions[number % divisions.count]
            if number % 10 == 0 {
                try membership.execute(arguments: [agency, id, divisions[(number + 1) % divisions.count], "2023-10-01", "2024-04-01"])
                try membership.execute(arguments: [agency, id, division, "2024-04-01", nil])
            } else {
                try membership.execute(arguments: [agency, id, division, "2023-10-01", nil])
            }
            try user.execute(arguments: [id, agency, "b\(number)", id])
        }
        let start = Date(timeIntervalSince1970: 1_696_143_600) // 2023-10-01 14:00 Bangkok
        let session = try db.makeStatement(sql: """
            INSERT INTO training_session (id, agency_id, course_key, title, starts_at, ends_at, place, trainer, format, fiscal_year, quarter, code_secret, created_by, created_at)
            VALUES (?, ?, 'code-of-ethics', ?, ?, ?, 'ห้องประชุม', 'วิทยากร', 'onsite', 2567, ?, '\(String(repeating: "x", count: 32))', 'bench', ?)
            """)
        let attendance = try db.makeStatement(sql: "INSERT INTO attendance (session_id, officer_id, status, method, ledger_seq, recorded_at) VALUES (?, ?, ?, 'roll', 0, ?)")
        for number in 1...sessions {
            let at = start.addingTimeInterval(Double(number) * 360 * 86_400 / Double(sessions))
            let quarter = min(4, 1 + (number - 1) * 4 / sessions)
            try session.execute(arguments: [Int64(number), agency, "อบรมครั้งที่ \(number)", at, at.addingTimeInterval(10_800), quarter, at])
            for offset in 0..<1_000 {
                try attendance.execute(arguments: [Int64(number), Int64((number * 997 + offset * 101) % officers + 1), offset % 9 == 0 ? "late" : "present", at])
            }
        }
        let attempt = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO attempt (agency_id, public_id, user_id, officer_id, course_version_id, bank_version_id, course_key, kind, fiscal_year,
                number, seed, questions, pass_percent, started_at, submitted_at, submitted_by, earned_centipoints, possible_centipoints, percent_bp, passed)
            VALUES (?, ?, ?, ?, ?, ?, 'code-of-ethics', ?, 2567, ?, 0, '[]', 80, ?, ?, 'officer', ?, 2000, ?, ?)
            """)
        for number in 0..<attempts {
            let owner = Int64(number % officers + 1)
            let round = number / officers
            let kind = round % 2 == 0 ? "pretest" : "posttest"
            let percent = (number * 7919) % 10_001
            let at = start.addingTimeInterval(Double(number % 300) * 86_400)
            try attempt.execute(arguments: [agency, "attempt-\(String(format: "%012d", number))", owner, owner, course, bank, kind, round / 2 + 1, at, at,
                                            percent / 5, percent, kind == "posttest" ? percent >= 8_000 : false])
        }
        let completion = try db.makeStatement(sql: "INSERT INTO completion (agency_id, officer_id, course_key, fiscal_year, completed_at, ledger_seq) VALUES (?, ?, 'code-of-ethics', 2567, ?, 0)")
        for number in stride(from: 1, through: officers, by: 1) where number % 5 != 0 {
            try completion.execute(arguments: [agency, Int64(number), start.addingTimeInterval(Double(number % 330) * 86_400)])
        }
    }
}
