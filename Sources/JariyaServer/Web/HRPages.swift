import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaDocuments
import JariyaStore

/// HR's pages: the dashboard of completion by division and quarter, the
/// compliance report in every format, and the problems and suggestions the
/// report carries. The downloads are the API's report routes, mounted under
/// `/hr/` for the logged-in browser.
struct HRPages {
    /// Builds the reports.
    let reports: ComplianceReports
    /// Renders pages.
    let renderer: WebRenderer
    /// The server clock.
    let clock: @Sendable () -> Date

    /// The roles that see these pages.
    static let roles: Set<Role> = [.hr, .admin]

    /// Registers the routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("hr", use: dashboard)
        group.post("hr/notes", use: saveNotes)
    }

    /// A row of the coverage table.
    struct CoverageLine: Sendable {
        var name: String
        var headcount: Int
        var trained: Int
        var completed: Int
        var percent: String
    }

    /// A row of the quarters table.
    struct QuarterLine: Sendable {
        var quarter: Int
        var sessions: Int
        var attended: Int
        var completions: Int
        var percent: String
    }

    /// A link to the report in one format.
    struct FormatLink: Sendable {
        var label: String
        var href: String
    }

    /// The dashboard.
    struct DashboardContent: Sendable {
        var fiscalYear: Int
        var throughQuarter: Int
        var years: [YearOption]
        var quarterOptions: [YearOption]
        var total: CoverageLine
        var divisions: [CoverageLine]
        var quarters: [QuarterLine]
        var chart: String
        var formats: [FormatLink]
        var completionLink: String
        var divisionOptions: [Choice]
        var staffTypes: [Choice]
        var statuses: [Choice]
        var problems: String
        var suggestions: String
        var saved: Bool
    }

    /// An option of a filter, its value as the report route takes it.
    struct Choice: Sendable {
        var value: String
        var label: String
    }

    /// An option of a select.
    struct YearOption: Sendable {
        var value: Int
        var selected: Bool
    }

    /// `GET /hr?fiscalYear=2567&throughQuarter=4`.
    @Sendable func dashboard(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireRole(Self.roles)
        let agency = try reports.database.agency(id: user.agencyId)
        let now = clock()
        let current = FiscalYear(containing: now).buddhistYear
        let held = Set(try reports.database.sessions(agencyID: user.agencyId).map(\.fiscalYear))
        let query = request.uri.queryParameters
        let fiscalYear = try request.fiscalYearQuery() ?? held.max() ?? current
        // This year's report stops at this quarter: later quarters have not happened.
        let latest = fiscalYear == current ? FiscalQuarter(containing: now).number : 4
        let quarter = try request.query("throughQuarter", in: 1...4) ?? latest
        let report = try await reports.report(agency: agency, courseKey: "code-of-ethics", fiscalYear: fiscalYear,
                                              throughQuarter: quarter, now: now)
        func line(_ row: ComplianceReport.CoverageRow) -> CoverageLine {
            CoverageLine(name: row.name, headcount: row.headcount, trained: row.trained, completed: row.completed,
                         percent: Hundredths.text(row.completedBp))
        }
        let period = "fiscalYear=\(fiscalYear)&throughQuarter=\(quarter)"
        let formats = [("PDF", "pdf"), ("HTML", "html"), ("Excel (XLSX)", "xlsx"), ("CSV", "csv"), ("JSON", "json")].map {
            FormatLink(label: $0.0, href: "/hr/reports/compliance?\(period)&format=\($0.1)")
        }
        let content = DashboardContent(
            fiscalYear: fiscalYear, throughQuarter: quarter,
            years: held.union([current]).sorted(by: >).map { YearOption(value: $0, selected: $0 == fiscalYear) },
            quarterOptions: (1...4).map { YearOption(value: $0, selected: $0 == quarter) },
            total: line(report.coverage.total), divisions: report.coverage.byDivision.map(line),
            quarters: report.quarters.map {
                QuarterLine(quarter: $0.quarter, sessions: $0.sessions, attended: $0.attended, completions: $0.completions,
                            percent: Hundredths.text($0.cumulativeCompletedBp))
            },
            chart: ReportCharts.coverage(report.quarters), formats: formats,
            completionLink: "/hr/reports/completion?\(period)&format=html",
            divisionOptions: try reports.database.divisions(agencyID: user.agencyId).map { Choice(value: $0.code, label: $0.name) },
            staffTypes: StaffType.allCases.map { Choice(value: $0.rawValue, label: $0.thai) },
            statuses: CompletionReport.Status.allCases.map { Choice(value: $0.rawValue, label: $0.thai) },
            problems: report.problems, suggestions: report.suggestions, saved: query["saved"] != nil)
        return try renderer.page("hr-dashboard", title: "dashboard", content, request: request, context: context)
    }

    /// `POST /hr/notes`: the problems and suggestions for a fiscal year's report.
    @Sendable func saveNotes(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole(Self.roles)
        guard let fiscalYear = context.form["fiscalYear"].flatMap({ Int($0) }), (2500...2700).contains(fiscalYear) else {
            throw HTTPError(.badRequest, message: "fiscalYear must be a Buddhist-Era year such as 2567")
        }
        let clean = { (text: String?) in text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } }
        try reports.database.saveReportNote(agencyID: user.agencyId, courseKey: "code-of-ethics", fiscalYear: fiscalYear,
                                            problems: clean(context.form["problems"]), suggestions: clean(context.form["suggestions"]),
                                            by: user.username, now: clock())
        return redirect(to: "/hr?fiscalYear=\(fiscalYear)&throughQuarter=\(context.form["throughQuarter"].flatMap { Int($0) } ?? 4)&saved=1#notes")
    }
}
