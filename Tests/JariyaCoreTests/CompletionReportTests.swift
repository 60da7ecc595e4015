import Foundation
@testable import JariyaCore
import Testing

/// HR's completion report over the same hand-made year as the compliance report.
@Suite struct CompletionReportTests {
    static func report(_ filter: CompletionReport.Filter = .init(), through quarter: Int = 4) -> CompletionReport {
        CompletionReport.compute(ComplianceReportTests.facts, fiscalYear: FiscalYear(2567), throughQuarter: quarter, filter: filter,
                                 generatedAt: Date(timeIntervalSince1970: 0))
    }

    @Test func everyoneOnTheRosterAppearsWithWhereTheyStand() {
        let rows = Self.report().rows
        #expect(rows.map(\.name) == ["นางสาวกานดา ใจดี", "นางเกศินี วงศ์ดี", "นายขวัญ มั่นคง", "นายประเสริฐ นายก", "นายเกียรติ ศรีสุข"],
                "สำนักปลัด first, by first name in Thai order (เกศินี under ก, its leading vowel skipped), then กองคลัง")
        #expect(rows.map(\.status) == [.complete, .inProgress, .complete, .notStarted, .notStarted])
        let khwan = rows[2]
        #expect(khwan.pretestBp == 5000 && khwan.posttestBp == 8500 && khwan.passed && khwan.sessionsAttended == 1)
        #expect(khwan.completedOn == "2024-09-30", "completed at 23.40 on 30 September, Bangkok")
        #expect(rows[0].certificate == nil, "the hand-made certificates carry no officer")
        #expect(rows[1].sessionsAttended == 0, "the corrected attendance does not count")
    }

    @Test func filtersNarrowTheList() {
        #expect(Self.report(.init(division: "กองคลัง")).rows.map(\.name) == ["นายเกียรติ ศรีสุข"])
        #expect(Self.report(.init(staffType: .permanent)).rows.map(\.name) == ["นายขวัญ มั่นคง"])
        #expect(Self.report(.init(status: .complete)).rows.count == 2)
        #expect(Self.report(.init(division: "กองคลัง"), through: 2).rows.map(\.name) == ["นายขวัญ มั่นคง"],
                "in March ขวัญ was still in กองคลัง and เกียรติ had not joined")
    }
}
