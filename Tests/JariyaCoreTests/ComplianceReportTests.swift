import Foundation
@testable import JariyaCore
import Testing

/// A hand-made year of the issue (6) course with answers worked out by hand:
/// an officer who moved division in April, one who joined in Q3, sessions at
/// 23.30 on 30 September and 00.10 on 1 October, and a corrected attendance.
@Suite struct ComplianceReportTests {
    static func at(_ text: String) -> Date { CivilDate.bangkokInstant(text) ?? Date.distantPast }
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text) ?? CivilDate(year: 1, month: 1, day: 1) }

    static let office = "สำนักปลัด", finance = "กองคลัง"
    static let facts = ReportFacts(
        agencyName: "องค์การบริหารส่วนตำบลยอดแกง", agencyPlace: "อำเภอนามน จังหวัดกาฬสินธุ์", divisions: [office, finance],
        courseTitle: "มาตรฐานทางจริยธรรม", measure: nil, passPercent: 80,
        officers: [
            .init(id: 1, name: PersonName(prefix: "นางสาว", firstName: "กานดา", lastName: "ใจดี"), staffType: .career,
                  memberships: [.init(division: office, from: day("2023-10-01"), until: nil)]),
            .init(id: 2, name: PersonName(prefix: "นาย", firstName: "ขวัญ", lastName: "มั่นคง"), staffType: .permanent,
                  memberships: [.init(division: finance, from: day("2023-10-01"), until: day("2024-04-01")),
                                .init(division: office, from: day("2024-04-01"), until: nil)]),
            .init(id: 3, name: PersonName(prefix: "นาย", firstName: "เกียรติ", lastName: "ศรีสุข"), staffType: .missionContract,
                  memberships: [.init(division: finance, from: day("2024-04-15"), until: nil)]),
            .init(id: 4, name: PersonName(prefix: "นาง", firstName: "เกศินี", lastName: "วงศ์ดี"), staffType: .generalContract,
                  memberships: [.init(division: office, from: day("2023-10-01"), until: nil)]),
            .init(id: 5, name: PersonName(prefix: "นาย", firstName: "ประเสริฐ", lastName: "นายก"), staffType: .executive,
                  memberships: [.init(division: office, from: day("2023-10-01"), until: nil)]),
        ],
        sessions: [
            .init(id: 11, title: "ครั้งที่ 1", startsAt: at("2023-11-15 09:00"), place: "ห้องประชุม", format: "onsite", trainer: "วิทยากร", budgetBaht: nil),
            .init(id: 12, title: "ครั้งที่ 2", startsAt: at("2024-09-30 23:30"), place: "ออนไลน์", format: "online", trainer: "วิทยากร", budgetBaht: 1500),
            .init(id: 13, title: "ปีถัดไป", startsAt: at("2024-10-01 00:10"), place: "ห้องประชุม", format: "onsite", trainer: "วิทยากร", budgetBaht: nil),
        ],
        attendance: [
            .init(sessionID: 11, officerID: 1, status: .present),
            .init(sessionID: 11, officerID: 4, status: .absent), // marked present, then corrected
            .init(sessionID: 12, officerID: 2, status: .late),
            .init(sessionID: 13, officerID: 3, status: .present),
        ],
        tests: [
            .init(officerID: 1, kind: .pretest, percentBp: 4000, passed: false, submittedAt: at("2023-11-15 08:30")),
            .init(officerID: 1, kind: .posttest, percentBp: 9000, passed: true, submittedAt: at("2023-11-20 10:00")),
            .init(officerID: 2, kind: .pretest, percentBp: 5000, passed: false, submittedAt: at("2024-01-10 10:00")),
            .init(officerID: 2, kind: .pretest, percentBp: 7000, passed: false, submittedAt: at("2024-02-10 10:00")),
            .init(officerID: 2, kind: .posttest, percentBp: 7000, passed: false, submittedAt: at("2024-09-30 22:00")),
            .init(officerID: 2, kind: .posttest, percentBp: 8500, passed: true, submittedAt: at("2024-09-30 23:40")),
            .init(officerID: 4, kind: .pretest, percentBp: 3000, passed: false, submittedAt: at("2023-11-15 08:40")),
        ],
        completions: [.init(officerID: 1, completedAt: at("2023-11-20 10:00")), .init(officerID: 2, completedAt: at("2024-09-30 23:40"))],
        certificates: [.init(serial: "ยก-2567-0002", number: 2, issuedAt: at("2024-09-30 23:40")),
                       .init(serial: "ยก-2567-0001", number: 1, issuedAt: at("2023-11-20 10:00"))],
        topicScores: [.init(topic: "law", earnedCentipoints: 500, possibleCentipoints: 1000),
                      .init(topic: "conflict", earnedCentipoints: 300, possibleCentipoints: 1000),
                      .init(topic: "values", earnedCentipoints: 900, possibleCentipoints: 1000),
                      .init(topic: "gifts", earnedCentipoints: 700, possibleCentipoints: 1000)],
        problems: "ห้องประชุมไม่พอ", suggestions: "เพิ่มรอบออนไลน์", ledgerSize: 42, ledgerHead: String(repeating: "a", count: 64), checkpoint: nil)

    static let year = ComplianceReport.compute(facts, fiscalYear: FiscalYear(2567), throughQuarter: 4, generatedAt: at("2024-10-05 09:00"))
    static let half = ComplianceReport.compute(facts, fiscalYear: FiscalYear(2567), throughQuarter: 2, generatedAt: at("2024-04-05 09:00"))

    @Test func theTwelveMonthEditionCoversTheYearToTheLastMinute() {
        let report = Self.year
        #expect(report.general.edition == "รอบ 12 เดือน")
        #expect(report.general.periodEnd == "2024-09-30")
        #expect(report.steps.map(\.session) == [11, 12], "23.30 on 30 September is FY2567; 00.10 on 1 October is not")
        #expect(report.steps.last?.time == "23.30 น.")
        #expect(report.steps.last?.quarter == 4)
        #expect(report.steps.map(\.attended) == [1, 1], "the corrected attendance does not count")
    }

    @Test func coverageCountsEachOfficerWhereTheyWereAtTheEnd() {
        let coverage = Self.year.coverage
        #expect(coverage.total == .init(name: "รวม", headcount: 4, trained: 2, completed: 2, completedBp: 5000))
        #expect(coverage.byDivision == [
            .init(name: "สำนักปลัด", headcount: 3, trained: 2, completed: 2, completedBp: 6667),
            .init(name: "กองคลัง", headcount: 1, trained: 0, completed: 0, completedBp: 0),
        ])
        #expect(coverage.byStaffType.map(\.name) == ["พนักงานส่วนตำบล", "ลูกจ้างประจำ", "พนักงานจ้างตามภารกิจ", "พนักงานจ้างทั่วไป", "ผู้บริหาร"],
                "the executive is counted apart, by staff type only")
    }

    @Test func theSixMonthEditionUsesTheDivisionsOfMarch() {
        let report = Self.half
        #expect(report.general.edition == "รอบ 6 เดือน")
        #expect(report.coverage.total.headcount == 3, "the officer who joined in Q3 is not on the roster yet")
        #expect(report.coverage.byDivision == [
            .init(name: "สำนักปลัด", headcount: 2, trained: 1, completed: 1, completedBp: 5000),
            .init(name: "กองคลัง", headcount: 1, trained: 0, completed: 0, completedBp: 0),
        ], "ขวัญ was in กองคลัง until April")
        #expect(report.steps.map(\.session) == [11])
        #expect(report.certificates == .init(issued: 1, firstSerial: "ยก-2567-0001", lastSerial: "ยก-2567-0001"))
    }

    @Test func theQuarterlyTableFollowsTheRosterOfEachQuarter() {
        #expect(Self.year.quarters == [
            .init(quarter: 1, planned: true, sessions: 1, attended: 1, completions: 1, cumulativeCompletedBp: 3333),
            .init(quarter: 2, planned: true, sessions: 0, attended: 0, completions: 0, cumulativeCompletedBp: 3333),
            .init(quarter: 3, planned: true, sessions: 0, attended: 0, completions: 0, cumulativeCompletedBp: 2500),
            .init(quarter: 4, planned: true, sessions: 1, attended: 1, completions: 1, cumulativeCompletedBp: 5000),
        ])
    }

    @Test func theLearningOutcomeUsesFirstPretestsAndBestPosttests() {
        let outcome = Self.year.outcome
        #expect(outcome.pretestTaken == 3 && outcome.pretestMeanBp == 4000)
        #expect(outcome.posttestTaken == 2 && outcome.posttestMeanBp == 8750)
        #expect(outcome.gainBp == 4750)
        #expect(outcome.passed == 2 && outcome.passRateBp == 10000)
        #expect(outcome.weakestTopics.map(\.topic) == ["conflict", "law", "gifts"])
    }

    @Test func theAnnexListsWhoIsNotCompleteByDivisionInThaiOrderWithStatusOnly() {
        #expect(Self.year.notYetComplete == [
            .init(division: "สำนักปลัด", name: "นางเกศินี วงศ์ดี", staffType: "พนักงานจ้างทั่วไป",
                  status: "ยังไม่เข้าอบรมและยังไม่ผ่านแบบทดสอบหลังเรียน"),
            .init(division: "กองคลัง", name: "นายเกียรติ ศรีสุข", staffType: "พนักงานจ้างตามภารกิจ",
                  status: "ยังไม่เข้าอบรมและยังไม่ผ่านแบบทดสอบหลังเรียน"),
        ])
        #expect(Self.year.certificates == .init(issued: 2, firstSerial: "ยก-2567-0001", lastSerial: "ยก-2567-0002"))
    }

    @Test(arguments: [(0, 0, 0), (1, 3, 3333), (2, 3, 6667), (1, 2, 5000), (3, 3, 10000)])
    func percentagesAreIntegerBasisPointsRoundedHalfUp(part: Int, whole: Int, expected: Int) {
        let facts = ReportFacts(agencyName: "", agencyPlace: "", divisions: [], courseTitle: "", measure: nil, passPercent: 80,
                                officers: (0..<whole).map { .init(id: Int64($0), name: PersonName(prefix: "", firstName: "ก\($0)", lastName: ""),
                                                                    staffType: .career, memberships: [.init(division: "ก", from: Self.day("2023-10-01"), until: nil)]) },
                                sessions: [], attendance: [], tests: [],
                                completions: (0..<part).map { .init(officerID: Int64($0), completedAt: Self.at("2024-01-01 10:00")) },
                                certificates: [], topicScores: [], problems: "", suggestions: "", ledgerSize: 0, ledgerHead: "", checkpoint: nil)
        #expect(ComplianceReport.compute(facts, fiscalYear: FiscalYear(2567), throughQuarter: 4, generatedAt: Date()).coverage.total.completedBp == expected)
    }
}
