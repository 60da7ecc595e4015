import Foundation
import Testing
@testable import JariyaCLI

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
}
