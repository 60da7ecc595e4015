import Foundation
import GRDB
import Testing

@Suite struct CourseCommandTests {
    static let sample = ["Courses/code-of-ethics.xml", "Quizzes/ethics-basics.xml"]
        .map { CommandRunner.repository.appendingPathComponent($0).path }

    @Test func checkExitsZeroOneOrTwo() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let good = await runner.run(["course", "check"] + Self.sample, withDatabase: false)
        #expect(good.code == 0, "\(good.err)")
        #expect(good.out.first?.hasPrefix("ok: 2 file(s) checked") == true)

        let bad = runner.folder.appendingPathComponent("bad.xml")
        try "<bank xmlns=\"urn:jariya:quiz:1\" id=\"b\"><title>t</title>\n<question id=\"q\" type=\"single\"><prompt>p</prompt><choice>a</choice><choice>b</choice></question></bank>"
            .write(to: bad, atomically: true, encoding: .utf8)
        let problems = await runner.run(["course", "check", bad.path], withDatabase: false)
        #expect(problems.code == 1)
        #expect(problems.err.first?.hasPrefix("\(bad.path):2:1: question \"q\" (single) must have exactly one") == true)

        let usage = await runner.run(["course", "check"], withDatabase: false)
        #expect(usage.code == 2)
        let unknown = await runner.run(["course", "frobnicate"], withDatabase: false)
        #expect(unknown.code == 2)
    }

    @Test func publishingTheSameContentAgainChangesNothing() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        let first = await runner.run(["course", "publish", "--publisher", "trainer"] + Self.sample)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out == ["published bank ethics-basics version 1", "published course code-of-ethics version 1"])
        let second = await runner.run(["course", "publish"] + Self.sample)
        #expect(second.out == ["bank ethics-basics unchanged (version 1)", "course code-of-ethics unchanged (version 1)"])

        let edited = runner.folder.appendingPathComponent("Courses")
        try FileManager.default.createDirectory(at: edited, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Certificates"),
                                         to: runner.folder.appendingPathComponent("Certificates"))
        let copy = edited.appendingPathComponent("code-of-ethics.xml")
        let text = try String(contentsOfFile: Self.sample[0], encoding: .utf8)
        try text.replacingOccurrences(of: "pass-percent=\"80\"", with: "pass-percent=\"70\"").write(to: copy, atomically: true, encoding: .utf8)
        let third = await runner.run(["course", "publish", copy.path])
        #expect(third.code == 0, "\(third.err)")
        #expect(third.out == ["published course code-of-ethics version 2"])
        let list = await runner.run(["course", "list"])
        #expect(list.out.contains { $0.hasPrefix("code-of-ethics  2") })
    }

    @Test func hostileXMLIsRefusedAndNothingIsPublished() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        let evil = runner.folder.appendingPathComponent("evil.xml")
        try "<?xml version=\"1.0\"?>\n<!DOCTYPE bank [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<bank xmlns=\"urn:jariya:quiz:1\" id=\"x\"><title>&b;</title></bank>"
            .write(to: evil, atomically: true, encoding: .utf8)
        let result = await runner.run(["course", "publish", Self.sample[1], evil.path])
        #expect(result.code == 1)
        #expect(result.err.first?.hasPrefix("\(evil.path):2:1: a DOCTYPE is not allowed") == true)
        let list = await runner.run(["course", "list", "--format", "json"])
        #expect(list.out.joined().filter { !$0.isWhitespace } == "[]")
    }
}

@Suite struct UserAndDemoCommandTests {
    @Test func usersNeedALongPasswordAndOfficersARosterEntry() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        let short = await runner.run(["user", "add", "somchai", "--role", "hr", "--password-stdin"], input: ["short"])
        #expect(short.code == 1)
        #expect(short.err.first?.contains("at least 8 characters") == true)
        let noOfficer = await runner.run(["user", "add", "kesinee", "--role", "officer", "--password-stdin"], input: ["long enough"])
        #expect(noOfficer.err.first?.contains("--officer") == true)
        let mismatch = await runner.run(["user", "add", "hr1", "--role", "hr"], input: ["password-one", "password-two"])
        #expect(mismatch.code == 1)
        let added = await runner.run(["user", "add", "hr1", "--role", "hr", "--name", "งานบุคคล"], input: ["รหัสผ่านยาวพอ", "รหัสผ่านยาวพอ"])
        #expect(added.code == 0, "\(added.err)")
        let again = await runner.run(["user", "add", "HR1", "--role", "admin", "--password-stdin"], input: ["another password"])
        #expect(again.err.first?.contains("taken") == true)
    }

    @Test func theDemoHasAnAgencyOfficersContentAndLogins() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let demo = await runner.run(["demo", "--content", CommandRunner.repository.path])
        #expect(demo.code == 0, "\(demo.err)")
        #expect(demo.out.first?.contains("45 officers in 6 divisions") == true)
        #expect(demo.out.contains("published course code-of-ethics version 1"))
        let list = await runner.run(["officer", "list", "--format", "json"])
        let text = list.out.joined()
        let kesinee = try #require(text.range(of: "เกศินี"))
        let khwan = try #require(text.range(of: "ขวัญใจ"))
        #expect(kesinee.lowerBound < khwan.lowerBound)
        let refused = await runner.run(["demo", "--content", CommandRunner.repository.path])
        #expect(refused.code == 1)
        #expect(refused.err.first?.contains("--reset") == true)
    }
}

@Suite struct SessionAndLedgerCommandTests {
    @Test func rollCallSheetAndVerifyThroughTheCommandLine() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        #expect(FileManager.default.fileExists(atPath: runner.database + ".key"), "init makes the signing key beside the database")
        _ = await runner.run(["course", "publish"] + CourseCommandTests.sample)
        _ = await runner.run(["roster", "import", CommandRunner.fixture("roster-utf8.csv")])
        let created = await runner.run(["session", "create", "--course", "code-of-ethics", "--title", "อบรมบรรยาย ครั้งที่ 1",
                                        "--start", "30/09/2567 23.30", "--end", "01/10/2567 01.00", "--place", "ห้องประชุม", "--trainer", "วิทยากร"])
        #expect(created.code == 0, "\(created.err)")
        #expect(created.out.first?.contains("ปีงบประมาณ 2567 ไตรมาส 4") == true)

        #expect(await runner.run(["session", "checkin", "1", "T-01"]).code == 0)
        let correction = await runner.run(["session", "checkin", "1", "T-01", "--status", "absent"])
        #expect(correction.code == 1)
        #expect(correction.err.first?.contains("--reason") == true)
        #expect(await runner.run(["session", "checkin", "1", "T-01", "--status", "absent", "--reason", "ลงชื่อผิดคน"]).code == 0)

        let sheet = runner.folder.appendingPathComponent("sheet.csv")
        try "รหัสพนักงาน,ชื่อ,ลายมือชื่อ,สถานะ\nT-02,ขวัญใจ,,มา\nT-03,เกศินี,,สาย\nT-04,วีระ,,ลา\n".write(to: sheet, atomically: true, encoding: .utf8)
        let imported = await runner.run(["session", "import", "1", sheet.path])
        #expect(imported.code == 0, "\(imported.err)")
        let bad = runner.folder.appendingPathComponent("bad.csv")
        try "รหัสพนักงาน,สถานะ\nT-05,มา\nT-99,มา\nT-02,ไปเที่ยว\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = await runner.run(["session", "import", "1", bad.path])
        #expect(refused.code == 1)
        #expect(refused.err.contains { $0.contains("bad.csv:4: unknown status \"ไปเที่ยว\"") })
        let shown = await runner.run(["session", "show", "1"])
        #expect(shown.out.last == "2 คนเข้าร่วม จาก 4 คนที่บันทึก", "T-05 from the refused sheet is not there")

        let checkpointFile = runner.folder.appendingPathComponent("checkpoint.json").path
        #expect(await runner.run(["ledger", "checkpoint", "--out", checkpointFile]).code == 0)
        let verified = await runner.run(["ledger", "verify", "--checkpoint", checkpointFile])
        #expect(verified.code == 0)
        #expect(verified.out.first?.hasPrefix("ledger intact: 5 entries, head ") == true)

        let forged = runner.folder.appendingPathComponent("forged.json").path
        let text = try String(contentsOfFile: checkpointFile, encoding: .utf8).replacingOccurrences(of: "\"size\" : 5", with: "\"size\" : 4")
        try text.write(toFile: forged, atomically: true, encoding: .utf8)
        let refusedCheckpoint = await runner.run(["ledger", "verify", "--checkpoint", forged])
        #expect(refusedCheckpoint.code == 1)
        #expect(refusedCheckpoint.err.first?.contains("signature is not the agency's") == true)
    }
}

@Suite struct LedgerVerifyCommandTests {
    /// Someone with the database file edits a past roll call behind Jariya's back.
    @Test func verifyNamesTheFirstBadEntryAndExitsOne() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        _ = await runner.run(["course", "publish"] + CourseCommandTests.sample)
        _ = await runner.run(["roster", "import", CommandRunner.fixture("roster-utf8.csv")])
        _ = await runner.run(["session", "create", "--course", "code-of-ethics", "--title", "อบรม", "--start", "2024-01-10 09:00",
                              "--end", "2024-01-10 12:00", "--place", "ห้องประชุม", "--trainer", "วิทยากร"])
        for code in ["T-01", "T-02", "T-03"] { _ = await runner.run(["session", "checkin", "1", code, "--status", "absent"]) }
        let intact = await runner.run(["ledger", "verify"])
        #expect(intact.code == 0)
        #expect(intact.out.first?.hasPrefix("ledger intact: 3 entries, head ") == true)

        let queue = try DatabaseQueue(path: runner.database)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER ledger_entry_no_update")
            try db.execute(sql: "UPDATE ledger_entry SET payload = replace(payload, 'absent', 'present') WHERE seq = 2")
        }
        try queue.close()
        let broken = await runner.run(["ledger", "verify"])
        #expect(broken.code == 1)
        #expect(broken.err.first?.hasPrefix("ledger BROKEN at entry 2: its content does not match its hash") == true)
    }
}
