import Foundation
import JariyaCore

/// The compliance report laid out for reading and printing: every number
/// already in Thai form, Buddhist-Era dates, and two small charts drawn as
/// inline SVG from numbers only (no text a user typed goes into them).
/// `compliance-report.mustache` prints it; headless Chromium turns that into the PDF.
struct ComplianceReportPage: Sendable {
    struct Row: Sendable {
        var cells: [String]
    }

    var title: String
    var agencyName: String
    var agencyPlace: String
    var courseTitle: String
    var fiscalYear: String
    var edition: String
    var period: String
    var memoDate: String
    var generatedAt: String
    var measure: ComplianceReport.MeasureQuote?
    var measureSteps: [String]
    var measureQuarters: String
    var steps: [Row]
    var hasSteps: Bool
    var byDivision: [Row]
    var byStaffType: [Row]
    var quarters: [Row]
    var outcome: [Row]
    var weakest: [Row]
    var hasWeakest: Bool
    var certificates: String
    var pending: [Row]
    var hasPending: Bool
    var problems: String
    var suggestions: String
    var ledgerSize: String
    var ledgerHead: String
    var checkpoint: String
    var coverageChart: String
    var scoreChart: String

    init(_ report: ComplianceReport) {
        let general = report.general
        let fy = ThaiText.thaiDigits(String(general.fiscalYear))
        title = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. \(fy) ประเด็นที่ (๖) การส่งเสริมความรู้เรื่องมาตรฐานทางจริยธรรมและประมวลจริยธรรม"
        agencyName = general.agencyName
        agencyPlace = general.agencyPlace
        courseTitle = general.courseTitle
        fiscalYear = fy
        edition = ThaiText.thaiDigits(general.edition)
        let start = CivilDate(iso: general.fiscalYearStart).map { ThaiDate.long($0, thaiDigits: true) } ?? general.fiscalYearStart
        let end = CivilDate(iso: general.periodEnd).map { ThaiDate.long($0, thaiDigits: true) } ?? general.periodEnd
        period = "\(start) ถึง \(end)"
        let made = ISO8601DateFormatter().date(from: general.generatedAt) ?? Date()
        memoDate = "วันที่ " + ThaiDate.long(CivilDate(made, in: .bangkok), thaiDigits: true)
        generatedAt = ThaiDate.long(CivilDate(made, in: .bangkok), thaiDigits: true) + " เวลา " + ThaiText.thaiDigits(ThaiTime.short(made))
        measure = report.measure
        measureSteps = report.measure?.steps ?? []
        measureQuarters = ThaiText.thaiDigits((report.measure?.quarters ?? []).map { "ไตรมาส \($0)" }.joined(separator: ", "))
        steps = report.steps.map { step in
            Row(cells: [(CivilDate(iso: step.date).map { ThaiDate.short($0, thaiDigits: true) } ?? step.date) + " " + ThaiText.thaiDigits(step.time),
                        ThaiText.thaiDigits(String(step.quarter)), step.title, step.place,
                        step.format == "online" ? "ออนไลน์" : "ในห้องอบรม", step.trainer,
                        step.budgetBaht.map { ThaiText.thaiDigits(Self.baht($0)) } ?? "ไม่ใช้งบประมาณ",
                        ThaiText.thaiDigits(String(step.attended)), "ดำเนินการแล้ว"])
        }
        hasSteps = !steps.isEmpty
        func coverage(_ row: ComplianceReport.CoverageRow) -> Row {
            Row(cells: [row.name, Self.number(row.headcount), Self.number(row.trained), Self.number(row.completed), Self.percent(row.completedBp)])
        }
        byDivision = (report.coverage.byDivision + [report.coverage.total]).map(coverage)
        byStaffType = report.coverage.byStaffType.map(coverage)
        quarters = report.quarters.map { quarter in
            Row(cells: [ThaiText.thaiDigits("ไตรมาส \(quarter.quarter)"), quarter.planned ? "มี" : "-", Self.number(quarter.sessions),
                        Self.number(quarter.attended), Self.number(quarter.completions), Self.percent(quarter.cumulativeCompletedBp)])
        }
        let outcome = report.outcome
        self.outcome = [
            Row(cells: ["ผู้ทำแบบทดสอบก่อนเรียน (คน)", Self.number(outcome.pretestTaken)]),
            Row(cells: ["คะแนนเฉลี่ยก่อนเรียน (ร้อยละ)", outcome.pretestMeanBp.map(Self.percent) ?? "-"]),
            Row(cells: ["ผู้ทำแบบทดสอบหลังเรียน (คน)", Self.number(outcome.posttestTaken)]),
            Row(cells: ["คะแนนเฉลี่ยหลังเรียน (ร้อยละ)", outcome.posttestMeanBp.map(Self.percent) ?? "-"]),
            Row(cells: ["ความรู้เพิ่มขึ้น (ร้อยละ)", outcome.gainBp.map(Self.percent) ?? "-"]),
            Row(cells: ["เกณฑ์ผ่าน (ร้อยละ)", Self.number(outcome.passPercent)]),
            Row(cells: ["ผ่านแบบทดสอบหลังเรียน (คน)", Self.number(outcome.passed)]),
            Row(cells: ["อัตราการผ่าน (ร้อยละ)", outcome.passRateBp.map(Self.percent) ?? "-"]),
        ]
        weakest = outcome.weakestTopics.map { Row(cells: [$0.topic, Self.percent($0.percentBp)]) }
        hasWeakest = !weakest.isEmpty
        let issued = report.certificates
        certificates = issued.issued == 0 ? "ยังไม่มีการออกเกียรติบัตร"
            : "ออกเกียรติบัตรแล้ว \(Self.number(issued.issued)) ฉบับ เลขที่ \(issued.firstSerial ?? "") ถึง \(issued.lastSerial ?? "")"
        pending = report.notYetComplete.map { Row(cells: [$0.division, $0.name, $0.staffType, $0.status]) }
        hasPending = !pending.isEmpty
        problems = report.problems.isEmpty ? "ไม่มี" : report.problems
        suggestions = report.suggestions.isEmpty ? "ไม่มี" : report.suggestions
        ledgerSize = Self.number(Int(report.evidence.ledgerSize))
        ledgerHead = report.evidence.ledgerHead
        checkpoint = report.evidence.checkpointSize.map { "จุดตรวจที่ลงนามล่าสุด: \(Self.number(Int($0))) รายการ ค่าแฮช \(report.evidence.checkpointHead ?? "")" }
            ?? "ยังไม่มีจุดตรวจที่ลงนาม"
        coverageChart = ReportCharts.coverage(report.quarters)
        scoreChart = ReportCharts.scores(pre: outcome.pretestMeanBp, post: outcome.posttestMeanBp)
    }

    static func number(_ value: Int) -> String { ThaiText.thaiDigits(String(value)) }

    /// "๖๖.๖๗" from 6667 basis points.
    static func percent(_ basisPoints: Int) -> String { ThaiText.thaiDigits(Hundredths.text(basisPoints)) }

    /// "2,500" with thousands separated.
    static func baht(_ value: Int) -> String {
        let digits = Array(String(value))
        return String(digits.enumerated().flatMap { index, digit in
            (index > 0 && (digits.count - index) % 3 == 0) ? [",", digit] : [digit]
        })
    }
}
