import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaCore
import JariyaServer
import JariyaStore
import Testing

/// The trainer's, HR's and admin's pages through the real router.
@Suite struct WebStaffPagesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    @Test func anUploadIsCheckedAsTheCLIChecksItAndOnlyAValidOneIsPublished() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let trainer = WebBrowser()
            #expect(try await trainer.logIn(client, "trainer").location == "/trainer")
            try await trainer.get(client, "/trainer")
            let course = String(decoding: try Self.file("Courses/code-of-ethics.xml"), as: UTF8.self)
            let broken = course.replacingOccurrences(of: "<summary>", with: "<summery>")
            var page = try await trainer.upload(client, "/trainer/content", [], file: ("file", "../../code-of-ethics.xml", Array(broken.utf8)))
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("code-of-ethics.xml:11:"), "the line, as jariya course check prints it")
            #expect(page.body.contains("Opening and ending tag mismatch"))
            #expect(!page.body.contains("../"), "the upload's folders are dropped")

            let laughs = #"<?xml version="1.0"?><!DOCTYPE bank [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><bank>&b;</bank>"#
            page = try await trainer.upload(client, "/trainer/content", [], file: ("file", "laughs.xml", Array(laughs.utf8)))
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("DOCTYPE is not allowed"))

            let bank = try Self.file("Quizzes/ethics-basics.xml")
            page = try await trainer.upload(client, "/trainer/content", [], file: ("file", "ethics-basics.xml", bank))
            #expect(page.status == .ok && page.body.contains(#"id="publish""#))
            let source = try #require(trainer.field("source", in: page))
            let edited = String(decoding: bank, as: UTF8.self).replacingOccurrences(of: "คลังข้อสอบพื้นฐาน", with: "คลังข้อสอบชุดใหม่")
            let tampered = Data(edited.utf8).base64EncodedString()
            #expect(tampered != source)
            // Publishing checks again what comes back, whatever the preview was.
            let published = try await trainer.post(client, "/trainer/content/publish", [("filename", "ethics-basics.xml"), ("source", tampered)])
            #expect(published.status == .seeOther)
            #expect(published.location?.removingPercentEncoding?.contains("ethics-basics v2") == true)
            let home = try await trainer.get(client, "/trainer")
            #expect(home.body.contains("คลังข้อสอบชุดใหม่"))

            let officer = WebBrowser()
            _ = try await officer.logIn(client, "officer-a")
            try await officer.get(client, "/my")
            let refused = try await officer.upload(client, "/trainer/content", [], file: ("file", "x.xml", bank))
            #expect(refused.status == .forbidden)
        }
    }

    @Test func aSessionsScreenShowsTheCodeThatChecksOfficersIn() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let trainer = WebBrowser()
            _ = try await trainer.logIn(client, "trainer")
            try await trainer.get(client, "/trainer")
            let now = CivilDate(world.clock.now, in: .bangkok)
            let created = try await trainer.post(client, "/trainer/sessions", [
                ("course", "code-of-ethics"), ("title", "อบรม <b>ครั้งที่ 1</b>"), ("day", now.description), ("starts", "00:00"), ("ends", "23:59"),
                ("place", "ห้องประชุม"), ("trainer", "วิทยากร"), ("format", "onsite"),
            ])
            let rollPath = try #require(created.location)
            let id = try #require(Int64(rollPath.split(separator: "/").last ?? ""))
            let screen = try await trainer.get(client, "\(rollPath)/screen")
            let session = try world.database.session(id: id, agencyID: 1)
            let code = RotatingCode.code(secret: session.codeSecret, at: world.clock.now)
            #expect(screen.body.contains(#"id="room-code">\#(code)<"#))
            #expect(screen.body.contains("/checkin?session=\(id)&amp;code=\(code)"))
            #expect(screen.body.contains("<svg") && screen.body.contains("อบรม &lt;b&gt;ครั้งที่ 1&lt;/b&gt;"))
            #expect(screen.body.contains(#"http-equiv="refresh""#), "the screen reloads when the code changes")

            let officer = WebBrowser()
            _ = try await officer.logIn(client, "officer-a")
            let form = try await officer.get(client, "/checkin?session=\(id)&code=\(code)")
            #expect(form.body.contains(#"value="\#(code)""#))
            let wrong = try await officer.post(client, "/checkin", [("session", "\(id)"), ("code", "000000")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.contains("รหัสไม่ตรงกับที่แสดงในห้องอบรมตอนนี้"), "the form again, with why in Thai")
            #expect(wrong.body.contains(#"value="000000""#), "what was typed stays, to be corrected")
            let done = try await officer.post(client, "/checkin", [("session", "\(id)"), ("code", code)])
            #expect(done.status == .ok && done.body.contains("ลงเวลาเข้าอบรมแล้ว"))

            var roll = try await trainer.get(client, rollPath)
            #expect(roll.body.contains(#"id="present-count">1<"#))
            let marked = try await trainer.post(client, "\(rollPath)/roll", [("code", "B"), ("status", "present")])
            #expect(marked.status == .seeOther)
            roll = try await trainer.get(client, rollPath)
            #expect(roll.body.contains(#"id="present-count">2<"#))
            let noReason = try await trainer.post(client, "\(rollPath)/roll", [("code", "A"), ("status", "absent"), ("reason", "")])
            #expect(noReason.status == .conflict, "changing a mark needs a reason")
            let withReason = try await trainer.post(client, "\(rollPath)/roll", [("code", "A"), ("status", "absent"), ("reason", "สแกนแทนกัน")])
            #expect(withReason.status == .seeOther)
        }
    }

    @Test func aRosterIsPreviewedThenImportedWhole() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let hr = WebBrowser()
            _ = try await hr.logIn(client, "hr")
            try await hr.get(client, "/hr/roster")
            let roster = """
                รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,ตำแหน่ง,สังกัด
                A,นางเกศินี ศรีสุข,พนักงานส่วนตำบล,นักทรัพยากรบุคคล,สำนักปลัด
                B,นายขวัญชัย ใจดี,พนักงานจ้างทั่วไป,คนงานทั่วไป,กองคลัง
                C,นางสาวใบเตย จันทร์หอม,พนักงานจ้างตามภารกิจ,ผู้ช่วยเจ้าพนักงานธุรการ,กองช่าง
                """
            let preview = try await hr.upload(client, "/hr/roster", [("effective", "2024-11-01")], file: ("file", "roster.csv", Array(roster.utf8)))
            #expect(preview.status == .ok)
            #expect(preview.body.contains("จะนำเข้า: 1 เพิ่ม, 1 ปรับปรุง (1 ย้ายสังกัด)"))
            #expect(try world.database.officers(agencyID: 1).count == 2, "a preview writes nothing")
            let source = try #require(hr.field("source", in: preview))
            let imported = try await hr.post(client, "/hr/roster/import", [("source", source), ("effective", "2024-11-01")])
            #expect(imported.status == .ok && imported.body.contains("นำเข้าแล้ว"))
            #expect(try world.database.officers(agencyID: 1).count == 3)

            let broken = roster + "\nD,,พนักงานส่วนตำบล,นักวิชาการ,กองช่าง"
            let refused = try await hr.upload(client, "/hr/roster", [], file: ("file", "roster.csv", Array(broken.utf8)))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("roster.csv:5: the first name"), "the problem names its line")

            let officer = WebBrowser()
            _ = try await officer.logIn(client, "officer-a")
            #expect(try await officer.get(client, "/hr/roster").status == .forbidden)
        }
    }

    @Test func theAdminManagesUsersAndTheAgencyButNotTheirOwnRole() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let admin = WebBrowser()
            _ = try await admin.logIn(client, "admin")
            try await admin.get(client, "/admin")
            let weak = try await admin.post(client, "/admin/users", [("username", "trainer2"), ("role", "trainer"), ("password", "short")])
            #expect(weak.status == .badRequest)
            let added = try await admin.post(client, "/admin/users", [("username", "trainer2"), ("displayName", "วิทยากรคนที่สอง"),
                                                                       ("role", "trainer"), ("password", "long enough password")])
            #expect(added.status == .seeOther)
            #expect(try await WebBrowser().logIn(client, "trainer2", password: "long enough password").location == "/trainer")

            let officer = WebBrowser()
            _ = try await officer.logIn(client, "officer-b")
            #expect(try await officer.get(client, "/my").status == .ok)
            try await admin.get(client, "/admin")
            let off = try await admin.post(client, "/admin/users/officer-b", [("role", "officer")])
            #expect(off.status == .seeOther)
            #expect(try await officer.get(client, "/my").status == .seeOther, "a turned-off account is logged out at once")

            let selfDemotion = try await admin.post(client, "/admin/users/admin", [("role", "hr"), ("active", "yes")])
            #expect(selfDemotion.status == .conflict)
            let badURL = try await admin.post(client, "/admin/agency", [("verifyBaseURL", "javascript:alert(1)")])
            #expect(badURL.status == .badRequest)
            let saved = try await admin.post(client, "/admin/agency", [("signerName", "นายสมศักดิ์ ใจงาม"), ("signerPosition", "นายก อบต.ยอดแก้ว"),
                                                                       ("serialPrefix", "ยก"), ("verifyBaseURL", "https://yodkaew.go.th/jariya")])
            #expect(saved.status == .seeOther)
            #expect(try world.database.agency(id: 1).verifyBaseUrl == "https://yodkaew.go.th/jariya")

            let hr = WebBrowser()
            _ = try await hr.logIn(client, "hr")
            #expect(try await hr.get(client, "/admin").status == .forbidden)
        }
    }
}

/// HR's course assignments and the officer's reading, as the officer's page shows them.
@Suite struct WebAssignmentTests {
    @Test func anAssignedCourseIsMarkedRequiredAndReadModulesAreCounted() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let officer = WebBrowser()
            _ = try await officer.logIn(client, "officer-b")
            var mine = try await officer.get(client, "/my")
            #expect(!mine.body.contains("หลักสูตรที่ต้องอบรม"))
            #expect(mine.body.contains("อ่านแล้ว 0/5"))

            let hr = WebBrowser()
            _ = try await hr.logIn(client, "hr")
            try await hr.get(client, "/hr/assignments?fiscalYear=2568")
            let toOtherDivision = try await hr.post(client, "/hr/assignments", [("fiscalYear", "2568"), ("course", "code-of-ethics"), ("division", "office")])
            #expect(toOtherDivision.status == .seeOther)
            mine = try await officer.get(client, "/my")
            #expect(!mine.body.contains("หลักสูตรที่ต้องอบรม"), "officer B is in กองช่าง, not สำนักปลัด")
            try await hr.post(client, "/hr/assignments", [("fiscalYear", "2568"), ("course", "code-of-ethics"), ("division", "")])
            try await hr.post(client, "/hr/assignments", [("fiscalYear", "2568"), ("course", "code-of-ethics"), ("division", "")])
            let page = try await hr.get(client, "/hr/assignments?fiscalYear=2568")
            #expect(page.body.components(separatedBy: "/remove").count - 1 == 2, "assigning twice keeps one")
            mine = try await officer.get(client, "/my")
            #expect(mine.body.contains("หลักสูตรที่ต้องอบรม ปีงบประมาณ 2568"))
            let unknown = try await hr.post(client, "/hr/assignments", [("fiscalYear", "2568"), ("course", "no-such-course")])
            #expect(unknown.status == .notFound)

            #expect(try await officer.get(client, "/my/courses/code-of-ethics/modules/2").status == .ok)
            #expect(try await officer.get(client, "/my/courses/code-of-ethics/modules/2").status == .ok)
            #expect(try await officer.get(client, "/my/courses/code-of-ethics/modules/9").status == .notFound)
            mine = try await officer.get(client, "/my")
            #expect(mine.body.contains("อ่านแล้ว 1/5"))
            #expect(mine.body.contains(#"href="/my/courses/code-of-ethics/modules/1""#), "the first unread module is offered")
            #expect(try await officer.get(client, "/hr/assignments").status == .forbidden)
        }
    }
}
