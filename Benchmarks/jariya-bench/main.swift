import Foundation
import JariyaCore
import JariyaStore

// Benchmarks for the figures the issues name. Run in release:
//   swift build -c release --product jariya-bench
//   .build/release/jariya-bench ledger-verify 1000000
//   .build/release/jariya-bench checkins 20000
//   .build/release/jariya-bench roster-preview 5000
//   .build/release/jariya-bench checkin-guessing 3     (hours of lecture)
//   .build/release/jariya-bench certificates 1000     (from the repository root: it reads Courses/, Quizzes/, Certificates/)
//   .build/release/jariya-bench report 100000         (the same; 100,000 officers, 500 sessions, 1,000,000 attempts)
// Each makes a scratch SQLite file in a temporary folder and removes it after.

func scratchDatabase() throws -> (AppDatabase, Agency, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-bench-\(UUID().uuidString)")
    let db = try AppDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path)
    let agency = try db.createAgency(Agency(code: "bench", name: "อบต.ทดสอบ", shortName: "อบต.ทดสอบ", province: "", district: "", createdAt: Date()))
    return (db, agency, folder)
}

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func roster(_ count: Int) throws -> Roster {
    let lines = (1...count).map { "B\($0),นางสาวน้ำทิพย์\($0) ปู่ป้ำ,พนักงานจ้างตามภารกิจ,ผู้ช่วยเจ้าพนักงานธุรการ,สำนักปลัด" }
    return try Roster.parse(Array(("รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,ตำแหน่ง,สังกัด\n" + lines.joined(separator: "\n")).utf8))
}

func ledgerVerify(_ entries: Int) throws {
    let (db, agency, folder) = try scratchDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let agencyID = agency.id ?? 0
    let batch = 50_000
    let filling = try seconds {
        for start in stride(from: 0, to: entries, by: batch) {
            let items = (start..<min(start + batch, entries)).map { number in
                (officerID: Int64?.none, sessionID: Int64?.none,
                 payload: ["status": number % 7 == 0 ? "late" : "present", "method": "roll", "course": "code-of-ethics",
                           "employee_code": "YK-\(number % 60)"])
            }
            try db.appendLedger(agencyID: agencyID, actor: "trainer", kind: "attendance", items: items, now: Date())
        }
    }
    print("filled \(entries) entries in \(String(format: "%.1f", filling)) s")
    for run in 1...3 {
        var report: LedgerReport?
        let time = try seconds { report = try db.verifyLedger(agencyID: agencyID) }
        let ok = report?.problem == nil && report?.size == Int64(entries)
        print("verify run \(run): \(String(format: "%.3f", time)) s for \(entries) entries, \(ok ? "intact" : "NOT intact")")
    }
}

func checkIns(_ count: Int) throws {
    let (db, agency, folder) = try scratchDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let agencyID = agency.id ?? 0
    _ = try db.importRoster(try roster(count), agencyID: agencyID, effective: CivilDate(year: 2023, month: 10, day: 1))
    let start = CivilDate(year: 2024, month: 1, day: 10).instant(hour: 9, minute: 0) ?? Date()
    let session = try db.createSession(TrainingSession(agencyId: agencyID, courseKey: "code-of-ethics", title: "อบรมบรรยาย", startsAt: start,
                                                       endsAt: start.addingTimeInterval(3 * 3600), place: "ห้องประชุม", trainer: "วิทยากร",
                                                       format: "onsite", budgetBaht: nil, codeSecret: String(repeating: "x", count: 32),
                                                       createdBy: "bench", createdAt: start))
    let rule = CompletionRule(attendedSessions: 1, passed: [.posttest], taken: [])
    let time = try seconds {
        for number in 1...count {
            _ = try db.recordAttendance(sessionID: session.id ?? 0, agencyID: agencyID, employeeCode: "B\(number)", status: .present,
                                        method: .roll, actor: "trainer", reason: nil, now: start, rule: rule)
        }
    }
    print("\(count) check-ins, one transaction each (ledger entry + attendance + completion judged): \(String(format: "%.2f", time)) s, \(Int(Double(count) / time)) per second")
    let verify = try seconds { _ = try db.verifyLedger(agencyID: agencyID) }
    print("ledger after check-ins verified in \(String(format: "%.3f", verify)) s")
}

let arguments = CommandLine.arguments.dropFirst()
do {
    switch (arguments.first, arguments.dropFirst().first.flatMap { Int($0) }) {
    case ("ledger-verify", let count): try ledgerVerify(count ?? 1_000_000)
    case ("checkins", let count): try checkIns(count ?? 20_000)
    case ("roster-preview", let count): try rosterPreview(count ?? 5_000)
    case ("checkin-guessing", let hours): checkInGuessing(hours: hours ?? 3)
    case ("report", let count):
        try await reportBench(officers: count ?? 100_000, sessions: 500, attempts: 10 * (count ?? 100_000),
                              content: FileManager.default.currentDirectoryPath)
    case ("certificate-render", let count): try certificateRender(count ?? 200, content: FileManager.default.currentDirectoryPath)
    case ("certificates", let count): try await certificateBatch(count ?? 1_000, content: FileManager.default.currentDirectoryPath)
    default:
        print("usage: jariya-bench ledger-verify [ENTRIES] | checkins [COUNT] | certificates [COUNT] | report [OFFICERS]")
        exit(2)
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
