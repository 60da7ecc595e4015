import JariyaCore
import Testing

/// Rows 1 and 10 of issue 14 where spreadsheets come in: control characters
/// are refused by column and line, and a hostile header costs little.
@Suite struct HostileSheetTests {
    @Test func aHeaderOfAHundredThousandEmptyColumnsIsRefusedAtOnce() throws {
        let header = "รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,สังกัด" + String(repeating: ",", count: 100_000)
        #expect {
            _ = try Roster.parse(Array((header + "\nA,นายก ข,พนักงานส่วนตำบล,สำนักปลัด\n").utf8))
        } throws: { error in
            let problem = (error as? RosterFailure)?.problems.first
            return problem?.line == 1 && problem?.message.contains("more than 64 columns") == true
        }
    }

    @Test func tooManyRowsAreRefusedWithTheLine() throws {
        let rows = (0..<50_001).map { "C\($0),นายก ข,พนักงานส่วนตำบล,สำนักปลัด" }.joined(separator: "\n")
        #expect(throws: RosterFailure.self) {
            _ = try Roster.parse(Array(("รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,สังกัด\n" + rows).utf8))
        }
    }

    @Test func aNulInANameIsRefusedNamingTheColumnAndLine() throws {
        let text = "รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,สังกัด\nA,นางเกศินี\u{0000}x ศรีสุข,พนักงานส่วนตำบล,สำนักปลัด\n"
        #expect {
            _ = try Roster.parse(Array(text.utf8))
        } throws: { error in
            let problem = (error as? RosterFailure)?.problems.first
            return problem?.line == 2 && problem?.message.contains("ชื่อ-สกุล") == true && problem?.message.contains("U+0000") == true
        }
        #expect(throws: RosterFailure.self) {
            _ = try SignInSheet.rows(Array("รหัสพนักงาน,สถานะ\nA\u{0085},มา\n".utf8))
        }
    }

    @Test func theTextRuleNormalisesAndLimits() throws {
        #expect(try TextField.sessionTitle.accept("  อบรม\u{200B}  ทํางาน ") == "อบรม ทำงาน")
        #expect(try TextField.reason.accept("บรรทัด 1\r\nบรรทัด\t2") == "บรรทัด 1\nบรรทัด\t2")
        #expect(throws: TextRefusal.self) { try TextField.sessionTitle.accept("แท็บ\tกลางชื่อ") }
        #expect(throws: TextRefusal.self) { try TextField.username.accept(String(repeating: "a", count: 65)) }
        #expect(!TextField.isStorable("a\u{0000}b"))
    }

    @Test func aGuesserAtTheLimitHardlyEverHitsInAThreeHourLecture() {
        let tries = Backoff.checkIn.triesAllowed(within: 3 * 3600)
        // The current code always, the one before for its grace: 1 + 10/30 valid codes of a million.
        let expectedHits = Double(tries) * (1 + RotatingCode.grace / RotatingCode.window) / 1_000_000
        #expect(tries < 30)
        #expect(expectedHits < 0.0001)
    }
}
