import Foundation
import JariyaCore

/// The compliance report's tables as one CSV file for Excel: UTF-8 with a
/// byte-order mark (so Excel reads Thai), CRLF line ends, a title row before
/// each table and a blank row after it. Every cell goes through
/// `CSV.escape`, so a name that starts like a formula stays text.
public enum ComplianceReportCSV {
    /// The file's bytes.
    public static func render(_ report: ComplianceReport) -> Data {
        var rows: [[String]] = []
        let general = report.general
        rows.append(["รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประเด็นที่ (๖)"])
        rows.append(["หน่วยงาน", general.agencyName])
        rows.append(["หลักสูตร", general.courseTitle])
        rows.append(["ปีงบประมาณ", String(general.fiscalYear), general.edition, "ถึงวันที่", general.periodEnd])
        rows.append([])

        rows.append(["ผลการดำเนินการตามขั้นตอน (การอบรม)"])
        rows.append(["วันที่", "เวลา", "ไตรมาส", "หัวข้อ", "สถานที่", "รูปแบบ", "วิทยากร", "งบประมาณ (บาท)", "ผู้เข้าอบรม"])
        for step in report.steps {
            rows.append([step.date, step.time, String(step.quarter), step.title, step.place, step.format, step.trainer,
                         step.budgetBaht.map(String.init) ?? "ไม่ใช้งบประมาณ", String(step.attended)])
        }
        rows.append([])

        for (title, table) in [("ความครอบคลุมตามสังกัด", report.coverage.byDivision + [report.coverage.total]),
                               ("ความครอบคลุมตามประเภทบุคลากร", report.coverage.byStaffType)] {
            rows.append([title])
            rows.append(["กลุ่ม", "จำนวนทั้งหมด", "เข้าอบรม", "ผ่านหลักสูตร", "ร้อยละที่ผ่าน"])
            for row in table {
                rows.append([row.name, String(row.headcount), String(row.trained), String(row.completed), percent(row.completedBp)])
            }
            rows.append([])
        }

        rows.append(["ผลรายไตรมาส"])
        rows.append(["ไตรมาส", "ตามแผน", "จำนวนครั้งที่อบรม", "ผู้เข้าอบรม", "ผ่านหลักสูตรในไตรมาส", "ร้อยละผ่านสะสม"])
        for quarter in report.quarters {
            rows.append([String(quarter.quarter), quarter.planned ? "มี" : "ไม่มี", String(quarter.sessions), String(quarter.attended),
                         String(quarter.completions), percent(quarter.cumulativeCompletedBp)])
        }
        rows.append([])

        let outcome = report.outcome
        rows.append(["ผลสัมฤทธิ์การเรียนรู้"])
        rows.append(["ผู้ทำแบบทดสอบก่อนเรียน", String(outcome.pretestTaken), "คะแนนเฉลี่ยร้อยละ", outcome.pretestMeanBp.map(percent) ?? "-"])
        rows.append(["ผู้ทำแบบทดสอบหลังเรียน", String(outcome.posttestTaken), "คะแนนเฉลี่ยร้อยละ", outcome.posttestMeanBp.map(percent) ?? "-"])
        rows.append(["ผลต่าง (หลัง − ก่อน)", outcome.gainBp.map(percent) ?? "-"])
        rows.append(["เกณฑ์ผ่านร้อยละ", String(outcome.passPercent), "ผ่าน", String(outcome.passed), "อัตราการผ่านร้อยละ",
                     outcome.passRateBp.map(percent) ?? "-"])
        for topic in outcome.weakestTopics { rows.append(["หัวข้อที่ควรเสริม", topic.topic, percent(topic.percentBp)]) }
        rows.append([])

        rows.append(["เกียรติบัตร", String(report.certificates.issued), "เลขที่", report.certificates.firstSerial ?? "-",
                     "ถึง", report.certificates.lastSerial ?? "-"])
        rows.append([])

        rows.append(["ผู้ที่ยังไม่ผ่านหลักสูตร"])
        rows.append(["สังกัด", "ชื่อ-สกุล", "ประเภทบุคลากร", "สถานะ"])
        for person in report.notYetComplete { rows.append([person.division, person.name, person.staffType, person.status]) }
        rows.append([])

        rows.append(["ปัญหาอุปสรรค", report.problems])
        rows.append(["ข้อเสนอแนะ", report.suggestions])
        rows.append(["หลักฐาน (ledger)", String(report.evidence.ledgerSize), report.evidence.ledgerHead])

        let text = rows.map { $0.map(CSV.escape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// "66.67" from 6667 basis points.
    static func percent(_ basisPoints: Int) -> String { Hundredths.text(basisPoints) }
}
