import Foundation
import JariyaCore
import JariyaStore

/// HR's roster preview over a file of `count` rows: decoding, CSV, the text
/// rule on every cell, and the dry-run import the preview page shows; then
/// the hostile header of 100,000 empty columns that once took 17–21 s.
func rosterPreview(_ count: Int) throws {
    let (db, agency, folder) = try scratchDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let agencyID = agency.id ?? 0
    _ = try db.importRoster(try roster(count / 2), agencyID: agencyID, effective: CivilDate(year: 2023, month: 10, day: 1))
    let lines = (1...count).map { "B\($0),นางสาวน้ำทิพย์\($0) ปู่ป้ำ,พนักงานจ้างตามภารกิจ,ผู้ช่วยเจ้าพนักงานธุรการ,\($0 % 3 == 0 ? "กองคลัง" : "สำนักปลัด")" }
    let file = Array(("\u{FEFF}รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,ตำแหน่ง,สังกัด\n" + lines.joined(separator: "\n")).utf8)
    print("roster file: \(count) rows, \(file.count / 1024) KB, half of them already on the roster")
    for run in 1...3 {
        var changes = 0
        let time = try seconds {
            let parsed = try Roster.parse(file)
            let plan = try db.importRoster(parsed, agencyID: agencyID, effective: CivilDate(year: 2024, month: 11, day: 1), dryRun: true)
            changes = plan.added + plan.updated
        }
        print("preview run \(run): \(String(format: "%.3f", time)) s (\(changes) additions and changes)")
    }
    let hostile = Array(("รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,สังกัด" + String(repeating: ",", count: 100_000) + "\n").utf8)
    let refusal = seconds { _ = try? Roster.parse(hostile) }
    print("header of 100,000 empty columns refused in \(String(format: "%.4f", refusal)) s")
}

/// What a guesser at the check-in limit can expect over a lecture: the tries
/// the back-off allows and the chance each has of naming a valid code.
func checkInGuessing(hours: Int) {
    let duration = TimeInterval(hours) * 3600
    let tries = Backoff.checkIn.triesAllowed(within: duration)
    let validCodes = 1 + RotatingCode.grace / RotatingCode.window
    let perTry = validCodes / 1_000_000
    let expected = Double(tries) * perTry
    print("a \(hours)-hour session: \(tries) tries allowed per officer (\(Backoff.checkIn.freeTries) free, then \(Int(Backoff.checkIn.firstWait)) s doubling to \(Int(Backoff.checkIn.longestWait)) s)")
    print("valid codes at any moment: \(String(format: "%.3f", validCodes)) of 1,000,000; expected hits per officer: \(String(format: "%.2e", expected))")
    print("the whole demo agency (60 officers) guessing at once: \(String(format: "%.2e", expected * 60)) expected hits")
    // A simulation against the real rule, as a check on the arithmetic: a
    // guesser trying random codes at the limit in many lectures.
    var generator = SeededGenerator(seed: 2567)
    let lectures = 20_000
    var hits = 0
    for lecture in 0..<lectures {
        let secret = "lecture-\(lecture)"
        var time: TimeInterval = 1_731_000_000
        var failures = 0
        while time - 1_731_000_000 <= duration {
            let guess = String(format: "%06d", Int.random(in: 0..<1_000_000, using: &generator))
            if RotatingCode.accepts(guess, secret: secret, at: Date(timeIntervalSince1970: time)) { hits += 1; break }
            failures += 1
            time += max(Backoff.checkIn.wait(afterFailures: failures), 1)
        }
    }
    print("simulated: \(hits) hits in \(lectures) lectures of \(hours) h (expected \(String(format: "%.2f", expected * Double(lectures))))")
}
