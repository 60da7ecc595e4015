import Foundation
import JariyaCore

/// The compliance report's tables as an Excel workbook, one sheet per table.
public enum ComplianceReportXLSX {
    /// The workbook.
    public static func workbook(_ report: ComplianceReport) -> Workbook {
        let general = report.general
        let outcome = report.outcome
        func coverage(_ rows: [ComplianceReport.CoverageRow]) -> [[Workbook.Cell]] {
            rows.map { [.text($0.name), .number(Double($0.headcount)), .number(Double($0.trained)), .number(Double($0.completed)), .percent($0.completedBp)] }
        }
        let coverageHeader = ["กลุ่ม", "บุคลากร (คน)", "เข้าอบรม (คน)", "ผ่านหลักสูตร (คน)", "ร้อยละที่ผ่าน"]
        return Workbook(sheets: [
            .init(name: "ข้อมูลทั่วไป", header: ["รายการ", "ข้อมูล"], rows: [
                [.text("หน่วยงาน"), .text(general.agencyName)], [.text("หลักสูตร"), .text(general.courseTitle)],
                [.text("ปีงบประมาณ"), .number(Double(general.fiscalYear))], [.text("ฉบับ"), .text(general.edition)],
                [.text("ถึงวันที่"), .text(general.periodEnd)], [.text("จัดทำเมื่อ"), .text(general.generatedAt)],
                [.text("ปัญหาอุปสรรค"), .text(report.problems)], [.text("ข้อเสนอแนะ"), .text(report.suggestions)],
                [.text("เกียรติบัตร (ฉบับ)"), .number(Double(report.certificates.issued))],
                [.text("เลขที่แรก"), .text(report.certificates.firstSerial ?? "")], [.text("เลขที่สุดท้าย"), .text(report.certificates.lastSerial ?? "")],
                [.text("จำนวนรายการในบัญชีหลักฐาน"), .number(Double(report.evidence.ledgerSize))], [.text("ค่าแฮชล่าสุด"), .text(report.evidence.ledgerHead)],
            ]),
            .init(name: "การอบรม", header: ["วันที่", "เวลา", "ไตรมาส", "หัวข้อ", "สถานที่", "รูปแบบ", "วิทยากร", "งบประมาณ (บาท)", "ผู้เข้าอบรม"],
                  rows: report.steps.map { step in
                      [.text(step.date), .text(step.time), .number(Double(step.quarter)), .text(step.title), .text(step.place), .text(step.format),
                       .text(step.trainer), step.budgetBaht.map { .number(Double($0)) } ?? .text("ไม่ใช้งบประมาณ"), .number(Double(step.attended))]
                  }),
            .init(name: "ตามสังกัด", header: coverageHeader, rows: coverage(report.coverage.byDivision + [report.coverage.total])),
            .init(name: "ตามประเภทบุคลากร", header: coverageHeader, rows: coverage(report.coverage.byStaffType)),
            .init(name: "รายไตรมาส", header: ["ไตรมาส", "ตามแผน", "จำนวนครั้งที่อบรม", "ผู้เข้าอบรม", "ผ่านหลักสูตรในไตรมาส", "ร้อยละผ่านสะสม"],
                  rows: report.quarters.map { quarter in
                      [.number(Double(quarter.quarter)), .text(quarter.planned ? "มี" : "ไม่มี"), .number(Double(quarter.sessions)),
                       .number(Double(quarter.attended)), .number(Double(quarter.completions)), .percent(quarter.cumulativeCompletedBp)]
                  }),
            .init(name: "ผลสัมฤทธิ์", header: ["รายการ", "ค่า"], rows: [
                [.text("ผู้ทำแบบทดสอบก่อนเรียน (คน)"), .number(Double(outcome.pretestTaken))],
                [.text("คะแนนเฉลี่ยก่อนเรียน (ร้อยละ)"), outcome.pretestMeanBp.map { .percent($0) } ?? .text("-")],
                [.text("ผู้ทำแบบทดสอบหลังเรียน (คน)"), .number(Double(outcome.posttestTaken))],
                [.text("คะแนนเฉลี่ยหลังเรียน (ร้อยละ)"), outcome.posttestMeanBp.map { .percent($0) } ?? .text("-")],
                [.text("ความรู้เพิ่มขึ้น (ร้อยละ)"), outcome.gainBp.map { .percent($0) } ?? .text("-")],
                [.text("เกณฑ์ผ่าน (ร้อยละ)"), .number(Double(outcome.passPercent))],
                [.text("ผ่าน (คน)"), .number(Double(outcome.passed))],
                [.text("อัตราการผ่าน (ร้อยละ)"), outcome.passRateBp.map { .percent($0) } ?? .text("-")],
            ] + outcome.weakestTopics.map { [.text("หัวข้อที่ควรเสริม: \($0.topic)"), .percent($0.percentBp)] }),
            .init(name: "ผู้ยังไม่ผ่านหลักสูตร", header: ["สังกัด", "ชื่อ-สกุล", "ประเภทบุคลากร", "สถานะ"],
                  rows: report.notYetComplete.map { [.text($0.division), .text($0.name), .text($0.staffType), .text($0.status)] }),
        ])
    }
}
