import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaDocuments
import JariyaStore

/// The compliance report over the API, for HR and admins: the agency's
/// evidence, but with the named annex of who is not yet complete, so not for
/// officers.
struct ReportController {
    /// Builds the reports.
    let reports: ComplianceReports
    /// The HTML (and so the PDF) of a report.
    let html: ComplianceReportHTML
    /// The server clock, for "generated at".
    let clock: @Sendable () -> Date

    /// The fiscal year (required, BE) and the last quarter (1–4, default 4) of a report's query.
    private static func period(_ request: Request) throws -> (fiscalYear: Int, quarter: Int) {
        guard let fiscalYear = try request.fiscalYearQuery() else {
            throw HTTPError(.badRequest, message: "fiscalYear is required: a Buddhist-Era year such as 2567")
        }
        return (fiscalYear, try request.query("throughQuarter", in: 1...4) ?? 4)
    }

    /// The content type of each format.
    static let types = ["json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8",
                        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "html": "text/html; charset=utf-8", "pdf": "application/pdf"]

    /// HR's completion report page.
    let completionHTML: CompletionReportHTML

    /// Registers `GET reports/compliance` and `GET reports/completion`.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports/compliance", use: compliance)
        group.get("reports/completion", use: completion)
    }

    /// `GET reports/completion?fiscalYear=2567&throughQuarter=4&division=&staffType=&status=&format=json|csv|xlsx|html`.
    @Sendable func completion(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole([.hr, .admin])
        let query = request.uri.queryParameters
        let (fiscalYear, quarter) = try Self.period(request)
        // A filter left at "all" in the page's form comes as an empty value.
        func filter(_ name: Substring) -> String? { query[name].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
        let staffType = try filter("staffType").map { text in
            guard let type = StaffType(rawValue: String(text)) else { throw HTTPError(.badRequest, message: "unknown staffType \(text)") }
            return type
        }
        let status = try filter("status").map { text in
            guard let status = CompletionReport.Status(rawValue: String(text)) else { throw HTTPError(.badRequest, message: "unknown status \(text)") }
            return status
        }
        let format = query["format"].map(String.init) ?? "json"
        guard format != "pdf", let type = Self.types[format] else { throw HTTPError(.badRequest, message: "format must be html, xlsx, json or csv") }
        let report: CompletionReport
        do {
            report = try reports.completion(agency: try reports.database.agency(id: user.agencyId),
                                            courseKey: query["course"].map(String.init) ?? "code-of-ethics", fiscalYear: fiscalYear,
                                            throughQuarter: quarter, division: filter("division"), staffType: staffType,
                                            status: status, now: clock())
        } catch let error as ComplianceReports.Failure {
            throw HTTPError(.notFound, message: error.description)
        }
        let body: Data = switch format {
        case "csv": CompletionReportFiles.csv(report)
        case "xlsx": try CompletionReportFiles.workbook(report).data()
        case "html": Data(try completionHTML.render(report).utf8)
        default: try CompletionReportFiles.json(report)
        }
        return Response(status: .ok, headers: [
            .contentType: type, .cacheControl: "private, no-store",
            .contentDisposition: "\(format == "html" ? "inline" : "attachment"); filename=\"completion-\(fiscalYear)-q\(quarter).\(format)\"",
        ], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `GET reports/compliance?fiscalYear=2567&throughQuarter=4&format=pdf|html|json|csv&course=…`.
    @Sendable func compliance(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole([.hr, .admin])
        let query = request.uri.queryParameters
        let (fiscalYear, quarter) = try Self.period(request)
        let format = query["format"].map(String.init) ?? "json"
        guard let type = Self.types[format] else { throw HTTPError(.badRequest, message: "format must be pdf, html, xlsx, json or csv") }
        let agency = try reports.database.agency(id: user.agencyId)
        let report: ComplianceReport
        do {
            report = try await reports.report(agency: agency, courseKey: query["course"].map(String.init) ?? "code-of-ethics",
                                        fiscalYear: fiscalYear, throughQuarter: quarter, now: clock())
        } catch let error as ComplianceReports.Failure {
            throw HTTPError(.notFound, message: error.description)
        }
        let name = "compliance-\(fiscalYear)-q\(quarter).\(format)"
        let body: Data
        switch format {
        case "csv": body = ComplianceReportCSV.render(report)
        case "xlsx": body = try ComplianceReportXLSX.workbook(report).data()
        case "html": body = Data(try html.render(report).utf8)
        case "pdf":
            do { body = try HTMLPrinter.pdf(html: try html.render(report)) } catch let error as HTMLPrinter.Failure {
                throw HTTPError(.serviceUnavailable, message: error.description)
            }
        default: body = try ComplianceReportJSON.encode(report)
        }
        return Response(status: .ok, headers: [
            .contentType: type,
            .contentDisposition: "\(format == "html" ? "inline" : "attachment"); filename=\"\(name)\"",
            .cacheControl: "private, no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
