import Foundation
import JariyaCore

/// HR's completion report as files: CSV for Excel and an XLSX workbook.
public enum CompletionReportFiles {
    static let header = ["สังกัด", "รหัสพนักงาน", "ชื่อ-สกุล", "ประเภทบุคลากร", "เข้าอบรม (ครั้ง)", "ก่อนเรียน (ร้อยละ)",
                         "หลังเรียน (ร้อยละ)", "ผ่านแบบทดสอบ", "ผ่านหลักสูตรเมื่อ", "เกียรติบัตร", "สถานะ"]

    /// UTF-8 with a BOM, CRLF, every cell neutralised against formulas.
    public static func csv(_ report: CompletionReport) -> Data {
        let rows = [header] + report.rows.map { row in
            [row.division, row.employeeCode, row.name, row.staffType, String(row.sessionsAttended),
             row.pretestBp.map(ComplianceReportCSV.percent) ?? "", row.posttestBp.map(ComplianceReportCSV.percent) ?? "",
             row.passed ? "ผ่าน" : "", row.completedOn ?? "", row.certificate ?? "", row.status.thai]
        }
        let text = rows.map { $0.map(CSV.escape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// One sheet of officers.
    public static func workbook(_ report: CompletionReport) -> Workbook {
        Workbook(sheets: [.init(name: "ผลการอบรมรายบุคคล", header: header, rows: report.rows.map { row in
            [.text(row.division), .text(row.employeeCode), .text(row.name), .text(row.staffType), .number(Double(row.sessionsAttended)),
             row.pretestBp.map { .percent($0) } ?? .text(""), row.posttestBp.map { .percent($0) } ?? .text(""),
             .text(row.passed ? "ผ่าน" : ""), .text(row.completedOn ?? ""), .text(row.certificate ?? ""), .text(row.status.thai)]
        })])
    }

    /// Pretty JSON with snake_case keys.
    public static func json(_ report: CompletionReport) throws -> Data { try ComplianceReportJSON.encode(report) }
}
