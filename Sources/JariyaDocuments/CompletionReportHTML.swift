import Foundation
import JariyaCore

/// HR's completion report as an HTML page (Mustache escapes every value).
public struct CompletionReportHTML: Sendable {
    private let templates: ReportTemplates

    /// Loads the templates shipped with Documents.
    public static func load() async throws -> CompletionReportHTML {
        CompletionReportHTML(templates: try await ReportTemplates.load())
    }

    struct Line: Sendable {
        var division, code, name, staffType, attended, pretest, posttest, completedOn, certificate, status, statusKey: String
    }

    struct Page: Sendable {
        var agencyName, courseTitle, fiscalYear, periodEnd, count, filterText: String
        var rows: [Line]
    }

    /// The page.
    public func render(_ report: CompletionReport) throws -> String {
        let filter = [report.filter.division, report.filter.staffType?.thai, report.filter.status?.thai].compactMap { $0 }.joined(separator: ", ")
        let page = Page(agencyName: report.agencyName, courseTitle: report.courseTitle, fiscalYear: String(report.fiscalYear),
                        periodEnd: CivilDate(iso: report.periodEnd).map { ThaiDate.long($0) } ?? report.periodEnd,
                        count: String(report.rows.count), filterText: filter.isEmpty ? "" : "เฉพาะ: \(filter)",
                        rows: report.rows.map { row in
                            Line(division: row.division, code: row.employeeCode, name: row.name, staffType: row.staffType,
                                 attended: String(row.sessionsAttended), pretest: row.pretestBp.map(Hundredths.text) ?? "-",
                                 posttest: row.posttestBp.map(Hundredths.text) ?? "-",
                                 completedOn: row.completedOn.flatMap { CivilDate(iso: $0) }.map { ThaiDate.short($0) } ?? "-",
                                 certificate: row.certificate ?? "-", status: row.status.thai, statusKey: row.status.rawValue)
                        })
        return try templates.render(page, "completion-report")
    }
}
