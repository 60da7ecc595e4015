import Foundation
import Testing
@testable import JariyaCLI
import JariyaDocuments

/// The demo agency's compliance report, held against committed snapshots of
/// what an auditor receives. Values that differ on every run (the time it was
/// made, hashes and signatures over random codes) are masked; everything else
/// must match to the character. Record anew with JARIYA_RECORD=1.
@Suite struct ReportCommandTests {
    static let snapshots = CommandRunner.repository.appendingPathComponent("Tests/JariyaCLITests/Snapshots")

    static func demo() async throws -> CommandRunner {
        let runner = try CommandRunner()
        let demo = await runner.run(["demo", "--content", CommandRunner.repository.path])
        #expect(demo.code == 0, "\(demo.err)")
        return runner
    }

    static func masked(_ text: String) -> String {
        var text = text
        for pattern in [#""generated_at" : "[^"]*""#, #""checkpoint_taken_at" : "[^"]*""#, #"[0-9a-f]{64}"#,
                        #""public_key" : "[^"]*""#, #""signature" : "[^"]*""#] {
            text = text.replacingOccurrences(of: pattern, with: "«masked»", options: .regularExpression)
        }
        return text
    }

    static func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["JARIYA_RECORD"] != nil {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "\(name) differs from the snapshot", sourceLocation: sourceLocation)
    }

    @Test func theDemosTwelveMonthReportAsJSON() async throws {
        let runner = try await Self.demo()
        defer { runner.remove() }
        let report = await runner.run(["report", "compliance", "--fiscal-year", "2567"])
        #expect(report.code == 0, "\(report.err)")
        try Self.expectSnapshot(Self.masked(report.out.joined(separator: "\n")), named: "compliance-2567-q4.json")
    }

    @Test func theDemosSixMonthReportAsCSVForExcel() async throws {
        let runner = try await Self.demo()
        defer { runner.remove() }
        let file = runner.folder.appendingPathComponent("report.csv")
        let notes = await runner.run(["report", "notes", "--fiscal-year", "2567", "--problems", "=HYPERLINK(\"http://x\")",
                                      "--suggestions", "เพิ่มรอบออนไลน์สำหรับผู้ปฏิบัติงานภาคสนาม"])
        #expect(notes.code == 0, "\(notes.err)")
        let report = await runner.run(["report", "compliance", "--fiscal-year", "2567", "--through-quarter", "2", "--format", "csv",
                                       "--out", file.path])
        #expect(report.code == 0, "\(report.err)")
        let data = try Data(contentsOf: file)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "Excel needs the byte-order mark to read Thai")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.contains(#""ปัญหาอุปสรรค","'=HYPERLINK(""http://x"")""#), "a formula is neutralised")
        try Self.expectSnapshot(Self.masked(text), named: "compliance-2567-q2.csv")
    }

    @Test func badInputIsRefusedClearly() async throws {
        let runner = try await Self.demo()
        defer { runner.remove() }
        #expect(await runner.run(["report", "compliance", "--fiscal-year", "2567", "--through-quarter", "5"]).code == 2)
        #expect(await runner.run(["report", "compliance", "--fiscal-year", "2024"]).code == 2, "a Gregorian year is a mistake")
        let missing = await runner.run(["report", "compliance", "--fiscal-year", "2567", "--course", "nothing"])
        #expect(missing.code == 1)
        #expect(missing.err == ["jariya: no published course nothing"])
    }

    @Test func thePDFIsA4ThaiWithPageNumbersAndEmbeddedFonts() async throws {
        let runner = try await Self.demo()
        defer { runner.remove() }
        let file = runner.folder.appendingPathComponent("report.pdf")
        let made = await runner.run(["report", "compliance", "--fiscal-year", "2567", "--format", "pdf", "--out", file.path])
        #expect(made.code == 0, "\(made.err)")
        let pdf = try Data(contentsOf: file)
        let text = try #require(try PDFText.extract(pdf))
        #expect(text.contains("บันทึกข้อความ"))
        #expect(text.contains("ประเด็นที่ (๖)"))
        #expect(text.contains("หน้า 1/"), "page numbers, in the footer of every page")
        #expect(text.contains("สำนักปลัด องค์การบริหารส่วนตำบลยอดแก้ว อำเภอนามน จังหวัดกาฬสินธุ์"),
                "the text layer reads back as the Thai printed, ำ and ุ included")
        let fonts = try Self.tool("/usr/bin/pdffonts", [file.path]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts {
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns[columns.count - 5] == "yes", "\(font) is not embedded")
        }
        let info = try Self.tool("/usr/bin/pdfinfo", [file.path])
        #expect(info.contains("(A4)"))
    }

    @Test func whatHRTypesIsEscapedInTheHTML() async throws {
        let runner = try await Self.demo()
        defer { runner.remove() }
        _ = await runner.run(["report", "notes", "--fiscal-year", "2567", "--problems", "<script>alert(1)</script> & \"ห้อง\""])
        let page = await runner.run(["report", "compliance", "--fiscal-year", "2567", "--format", "html"])
        #expect(page.code == 0, "\(page.err)")
        let html = page.out.joined(separator: "\n")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;ห้อง&quot;"))
        #expect(html.contains("<svg"), "the charts are inline SVG")
        #expect(!html.contains("คะแนนรายบุคคล:"), "no individual scores")
    }

    @Test func theWorkbookHasOneSheetPerTableAndKeepsFormulasAsText() async throws {
        let runner = try await Self.demo()
        defer { runner.remove() }
        _ = await runner.run(["report", "notes", "--fiscal-year", "2567", "--problems", "=HYPERLINK(\"http://x\",\"คลิก\")"])
        let file = runner.folder.appendingPathComponent("report.xlsx")
        let made = await runner.run(["report", "compliance", "--fiscal-year", "2567", "--format", "xlsx", "--out", file.path])
        #expect(made.code == 0, "\(made.err)")
        // Read the workbook as Excel would: its sheet names, and whether any cell is a formula.
        let script = """
            import sys, zipfile, re
            z = zipfile.ZipFile(sys.argv[1])
            print("|".join(re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())))
            print(any("<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")))
            print("=HYPERLINK" in z.read("xl/sharedStrings.xml").decode())
            """
        let lines = try Self.tool("/usr/bin/python3", ["-c", script, file.path]).split(separator: "\n").map(String.init)
        #expect(lines == ["ข้อมูลทั่วไป|การอบรม|ตามสังกัด|ตามประเภทบุคลากร|รายไตรมาส|ผลสัมฤทธิ์|ผู้ยังไม่ผ่านหลักสูตร", "False", "True"])
    }

    static func tool(_ path: String, _ arguments: [String]) throws -> String {
        // The project's one way to run a Debian program, as the documents themselves use it.
        guard let program = ExternalTool([path]) else { throw CocoaError(.fileNoSuchFile) }
        return String(decoding: try program.run(arguments).output, as: UTF8.self)
    }
}

@Suite struct CompletionReportCommandTests {
    @Test func hrFiltersTheOfficersAndGetsEveryFormat() async throws {
        let runner = try await ReportCommandTests.demo()
        defer { runner.remove() }
        let finance = await runner.run(["report", "completion", "--fiscal-year", "2567", "--division", "finance", "--format", "json"])
        #expect(finance.code == 0, "\(finance.err)")
        let json = try JSONSerialization.jsonObject(with: Data(finance.out.joined(separator: "\n").utf8)) as? [String: Any]
        let rows = json?["rows"] as? [[String: Any]] ?? []
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["division"] as? String == "กองคลัง" })
        let csv = await runner.run(["report", "completion", "--fiscal-year", "2567", "--status", "complete", "--format", "csv"])
        #expect(csv.out.first?.hasPrefix("\u{FEFF}\"สังกัด\"") == true)
        #expect(csv.out.dropFirst().allSatisfy { $0.isEmpty || $0.hasSuffix("\"ผ่านหลักสูตรแล้ว\"") })
        let html = await runner.run(["report", "completion", "--fiscal-year", "2567", "--format", "html"])
        #expect(html.out.joined().contains("ผลการอบรมรายบุคคล"))
        let unknown = await runner.run(["report", "completion", "--fiscal-year", "2567", "--division", "nowhere"])
        #expect(unknown.code == 1)
        #expect(unknown.err.first?.contains("no division nowhere") == true)
        #expect(await runner.run(["report", "completion", "--fiscal-year", "2567", "--status", "done"]).code == 2)
    }
}
