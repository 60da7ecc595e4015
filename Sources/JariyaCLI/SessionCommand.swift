import ArgumentParser
import Foundation
import JariyaApp
import JariyaCore
import JariyaDocuments
import JariyaStore

/// `jariya session …`: lecture sessions and their attendance.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Lecture sessions (การอบรมบรรยาย): create, list, show, take the roll, import a sign-in sheet, show the check-in code.",
        subcommands: [Create.self, List.self, Show.self, CheckIn.self, Import.self, Code.self]
    )

    /// `jariya session create`.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule a session. Times are Bangkok time; the fiscal year and quarter follow from the start.",
            discussion: "Example: jariya session create --course code-of-ethics --title \"อบรมบรรยาย ครั้งที่ 1\" --start \"15/11/2567 09.00\" --end \"15/11/2567 12.00\" --place \"ห้องประชุม อบต.\" --trainer \"นายสมชาย ใจดี\""
        )

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The course id.") var course: String
        @Option(help: "Title, e.g. \"อบรมบรรยาย ครั้งที่ 1\".") var title: String
        @Option(help: "Start: 2024-11-15 09:00 or 15/11/2567 09.00.") var start: String
        @Option(help: "End, the same way.") var end: String
        @Option(help: "Where.") var place: String
        @Option(help: "Who lectures.") var trainer: String
        @Flag(help: "Held online rather than on site.") var online = false
        @Option(help: "Budget in baht (leave out for ไม่ใช้งบประมาณ).") var budget: Int?

        func run() throws {
            guard let starts = CivilDate.bangkokInstant(start) else { throw CLIError("--start \"\(start)\" is not a date and time; write 2024-11-15 09:00 or 15/11/2567 09.00", exitCode: 2) }
            guard let ends = CivilDate.bangkokInstant(end), ends > starts else { throw CLIError("--end \"\(end)\" must be a date and time after the start", exitCode: 2) }
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            guard try db.currentCourseVersionID(agencyID: agency.id ?? 0, key: course) != nil else { throw CLIError("no published course \"\(course)\"") }
            let session = try db.createSession(TrainingSession(
                agencyId: agency.id ?? 0, courseKey: course, title: ThaiText.clean(title), startsAt: starts, endsAt: ends,
                place: ThaiText.clean(place), trainer: ThaiText.clean(trainer), format: online ? "online" : "onsite", budgetBaht: budget,
                codeSecret: Hex.string((0..<32).map { _ in UInt8.random(in: 0...255) }),
                createdBy: ProcessInfo.processInfo.environment["USER"] ?? "trainer", createdAt: Date()))
            say("session \(session.id ?? 0): \(session.title), \(ThaiDate.long(CivilDate(starts, in: .bangkok))) \(ThaiTime.short(starts)), ปีงบประมาณ \(session.fiscalYear) ไตรมาส \(session.quarter)")
        }
    }

    /// `jariya session list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List sessions with their attendance counts.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this fiscal year (BE), e.g. 2567.") var fiscalYear: Int?

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            var table = TextTable(header: ["ครั้ง", "วันที่", "ไตรมาส", "มา/สาย", "ชื่อ", "สถานที่"])
            for session in try db.sessions(agencyID: agency.id ?? 0, fiscalYear: fiscalYear) {
                let attended = try db.attendance(sessionID: session.id ?? 0).filter { $0.record.status.counts }.count
                table.rows.append([String(session.id ?? 0), ThaiDate.short(CivilDate(session.startsAt, in: .bangkok)),
                                   "\(session.quarter)/\(session.fiscalYear)", String(attended), session.title, session.place])
            }
            table.lines().forEach(say)
        }
    }

    /// `jariya session show SESSION`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a session and who attended, in Thai order.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The session number.") var session: Int64

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let info = try db.session(id: session, agencyID: agency.id ?? 0)
            say("\(info.title) — \(info.courseKey)")
            say("\(ThaiDate.long(CivilDate(info.startsAt, in: .bangkok))) \(ThaiTime.short(info.startsAt))–\(ThaiTime.short(info.endsAt)) ณ \(info.place) (\(info.format == "online" ? "ออนไลน์" : "ในสถานที่"))")
            say("วิทยากร: \(info.trainer) · งบประมาณ: \(info.budgetBaht.map { "\($0) บาท" } ?? "ไม่ใช้งบประมาณ") · ปีงบประมาณ \(info.fiscalYear) ไตรมาส \(info.quarter)")
            var table = TextTable(header: ["รหัส", "ชื่อ-สกุล", "สถานะ", "วิธี", "บันทึกที่"])
            let rows = try db.attendance(sessionID: session)
            for row in rows {
                table.rows.append([row.officer.employeeCode, row.officer.name.formal, row.record.status.thai, row.record.method.rawValue, "#\(row.record.ledgerSeq)"])
            }
            table.lines().forEach(say)
            say("\(rows.filter { $0.record.status.counts }.count) คนเข้าร่วม จาก \(rows.count) คนที่บันทึก")
        }
    }

    /// `jariya session checkin SESSION OFFICER`.
    struct CheckIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkin",
            abstract: "Record an officer's status from the roll call. Changing a status is a correction and needs --reason."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The session number.") var session: Int64
        @Argument(help: "The officer's employee code.") var officer: String
        @Option(help: "present, late, excused or absent.") var status: AttendanceStatus = .present
        @Option(help: "Why, for a correction (recorded in the ledger).") var reason: String?
        @Option(help: "Who is taking the roll (default: $USER).") var actor: String?

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let info = try db.session(id: session, agencyID: agency.id ?? 0)
            let outcome = try db.recordAttendance(
                sessionID: session, agencyID: agency.id ?? 0, employeeCode: officer, status: status, method: .roll,
                actor: actor ?? ProcessInfo.processInfo.environment["USER"] ?? "trainer", reason: reason, now: Date(),
                rule: try PublishedContent(database: db).completionRule(agencyID: agency.id ?? 0, courseKey: info.courseKey))
            guard let seq = outcome.ledgerSeq else { return say("\(officer) is already \(status.rawValue) at session \(session); nothing changed") }
            say("\(outcome.corrected ? "corrected" : "recorded") \(officer) \(status.rawValue) at session \(session) (ledger entry \(seq))")
            if let completion = outcome.completion { say("completion of \(info.courseKey) \(completion)") }
        }
    }

    /// `jariya session import SESSION FILE.csv`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a paper sign-in sheet typed into a spreadsheet (CSV: รหัสพนักงาน, สถานะ).",
            discussion: "Status words: มา, สาย, ลา, ขาด (or present, late, excused, absent); an empty status means มา. The file may be UTF-8 (with or without BOM) or Windows-874. One transaction: any bad line and nothing is recorded."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The session number.") var session: Int64
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "Why, when the sheet changes statuses already recorded.") var reason: String?

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), data.count <= 4 * 1024 * 1024 else {
                throw CLIError("cannot read \(file) (or it is larger than 4 MiB)")
            }
            let rows: [SheetRow]
            do {
                rows = try SignInSheet.rows([UInt8](data))
            } catch {
                error.problems.forEach { warn("\(file):\($0.line): \($0.message)") }
                throw CLIError("\(error.problems.count) problem(s) in \(file); nothing was recorded")
            }
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let info = try db.session(id: session, agencyID: agency.id ?? 0)
            do {
                let outcomes = try db.importSheet(sessionID: session, agencyID: agency.id ?? 0, rows: rows,
                                                  actor: ProcessInfo.processInfo.environment["USER"] ?? "trainer", reason: reason, now: Date(),
                                                  rule: try PublishedContent(database: db).completionRule(agencyID: agency.id ?? 0, courseKey: info.courseKey))
                say("imported \(rows.count) row(s) into session \(session): \(outcomes.filter { $0.ledgerSeq != nil }.count) recorded, \(outcomes.filter { $0.completion == "completed" }.count) completion(s)")
            } catch AttendanceError.sheet(let problems) {
                problems.forEach { warn("\(file): \($0)") }
                throw CLIError("\(problems.count) problem(s) in \(file); nothing was recorded")
            }
        }
    }

    /// `jariya session code SESSION`.
    struct Code: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the session's current check-in code and its QR code, for the screen in the room.",
            discussion: "The code changes every 30 seconds; the previous one is accepted briefly. --watch redraws it until Ctrl-C."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The session number.") var session: Int64
        @Option(help: "The server's public address, for the QR link.") var server = "http://127.0.0.1:8080"
        @Flag(help: "Keep redrawing as the code changes.") var watch = false

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let info = try db.session(id: session, agencyID: agency.id ?? 0)
            repeat {
                let now = Date()
                let code = RotatingCode.code(secret: info.codeSecret, at: now)
                if watch { say("\u{1B}[2J\u{1B}[H") }
                try QRCode("\(server)/checkin/\(session)?code=\(code)").terminalLines().forEach(say)
                say("\(info.title)")
                say("รหัสลงชื่อเข้าร่วม (check-in code): \(code.prefix(3)) \(code.suffix(3))")
                if watch {
                    let wait = RotatingCode.window - now.timeIntervalSince1970.truncatingRemainder(dividingBy: RotatingCode.window)
                    Thread.sleep(forTimeInterval: wait + 0.05)
                }
            } while watch
        }
    }
}

extension AttendanceStatus: ExpressibleByArgument {}
