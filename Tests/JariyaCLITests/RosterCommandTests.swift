import Foundation
import Testing

@Suite struct RosterCommandTests {
    @Test func theThreeEncodingsImportToTheSameRows() async throws {
        var listings: [[String]] = []
        for fixture in ["roster-utf8.csv", "roster-utf8-bom.csv", "roster-windows-874.csv"] {
            let runner = try CommandRunner()
            defer { runner.remove() }
            await runner.initialise()
            let imported = await runner.run(["roster", "import", CommandRunner.fixture(fixture), "--effective", "2023-10-01"])
            #expect(imported.code == 0, "\(fixture): \(imported.err)")
            #expect(imported.out.first?.contains("5 added") == true)
            let list = await runner.run(["officer", "list", "--format", "json"])
            listings.append(list.out)
        }
        #expect(listings.count == 3)
        #expect(listings[0] == listings[1])
        #expect(listings[0] == listings[2])
    }

    @Test func officersAreListedInThaiOrderWithPrefixesSplit() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        _ = await runner.run(["roster", "import", CommandRunner.fixture("roster-windows-874.csv")])
        let list = await runner.run(["officer", "list", "--format", "json"])
        let officers = try JSONDecoder().decode([[String: AnyCodable]].self, from: Data(list.out.joined().utf8))
        let firstNames = officers.compactMap { $0["first_name"]?.string }
        #expect(firstNames == ["เกศินี", "ขวัญใจ", "น้ำทิพย์", "วีระ", "สมชาย"])
        #expect(officers.compactMap { $0["prefix"]?.string } == ["นาง", "", "นางสาว", "ว่าที่ร้อยตรี", "นาย"])
        let text = await runner.run(["officer", "list", "--division", "กองคลัง"])
        #expect(text.out.contains { $0.contains("นางเกศินี ศรีสุข") })
        #expect(text.out.last == "1 คน")
    }

    @Test func everyBadRowIsNamedAndNothingIsWritten() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        let result = await runner.run(["roster", "import", CommandRunner.fixture("roster-broken.csv")])
        #expect(result.code == 1)
        let errors = result.err.joined(separator: "\n")
        #expect(errors.contains("roster-broken.csv:3: unknown staff type \"พนักงานจ้าง\""))
        #expect(errors.contains("roster-broken.csv:5: employee code \"T-01\" is also on line 2"))
        #expect(errors.contains("nothing was imported"))
        let list = await runner.run(["officer", "list", "--format", "json"])
        #expect(list.out.joined() == "[\n\n]" || list.out.joined() == "[]")
    }

    @Test func anUnknownDivisionIsNamedWithItsLine() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        let csv = runner.folder.appendingPathComponent("division.csv")
        try "รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,ตำแหน่ง,สังกัด\nT-01,นายสมชาย ใจดี,พนักงานส่วนตำบล,ปลัด,สำนักปลัด\nT-02,นางเกศินี ศรีสุข,ลูกจ้างประจำ,การเงิน,กองคลังจังหวัด\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let result = await runner.run(["roster", "import", csv.path])
        #expect(result.code == 1)
        #expect(result.err.first?.contains("division.csv:3: unknown division \"กองคลังจังหวัด\"") == true)
        let list = await runner.run(["officer", "list"])
        #expect(list.out.last == "0 คน", "the good row on line 2 must not be imported either")
    }

    @Test func mojibakeIsRefused() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        let result = await runner.run(["roster", "import", CommandRunner.fixture("roster-mojibake.csv")])
        #expect(result.code == 1)
        #expect(result.err.first?.contains("wrong encoding") == true)
    }

    @Test func aDryRunWritesNothingAndAMoveKeepsHistory() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        let dry = await runner.run(["roster", "import", CommandRunner.fixture("roster-utf8.csv"), "--dry-run"])
        #expect(dry.out.first?.hasPrefix("would import 5 row(s)") == true)
        #expect(await runner.run(["officer", "list"]).out.last == "0 คน")

        _ = await runner.run(["roster", "import", CommandRunner.fixture("roster-utf8.csv"), "--effective", "2023-10-01"])
        let moved = runner.folder.appendingPathComponent("moved.csv")
        let text = try String(contentsOfFile: CommandRunner.fixture("roster-utf8.csv"), encoding: .utf8)
            .replacingOccurrences(of: "เจ้าพนักงานการเงินและบัญชี,กองคลัง", with: "เจ้าพนักงานการเงินและบัญชี,สำนักปลัด")
        try text.write(to: moved, atomically: true, encoding: .utf8)
        let again = await runner.run(["roster", "import", moved.path, "--effective", "01/04/2567"])
        #expect(again.out.first?.contains("0 added, 1 updated (1 moved division), 4 unchanged") == true)
        let finance = await runner.run(["officer", "list", "--division", "finance"])
        #expect(finance.out.last == "0 คน")
    }
}

/// Just enough of a JSON value to read strings out of command output.
struct AnyCodable: Decodable {
    let string: String?

    init(from decoder: any Decoder) throws {
        string = try? decoder.singleValueContainer().decode(String.self)
    }
}
