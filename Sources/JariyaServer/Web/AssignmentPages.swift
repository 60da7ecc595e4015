import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaStore

/// HR assigns courses for a fiscal year, to every officer or one division;
/// officers see their assigned courses first, marked as required.
struct AssignmentPages {
    /// Courses, divisions and assignments.
    let database: AppDatabase
    /// Renders pages.
    let renderer: WebRenderer
    /// The server clock.
    let clock: @Sendable () -> Date

    /// Registers the routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("hr/assignments", use: list)
        group.post("hr/assignments", use: assign)
        group.post("hr/assignments/:assignment/remove", use: remove)
    }

    /// An option of a select.
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// An assignment's line.
    struct Line: Sendable {
        var id: Int64
        var course: String
        var scope: String
        var by: String
    }

    /// The page.
    struct Content: Sendable {
        var fiscalYear: Int
        var years: [Option]
        var courses: [Option]
        var divisions: [Option]
        var lines: [Line]
        var none: Bool
    }

    /// `GET /hr/assignments?fiscalYear=2570`.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireRole(HRPages.roles)
        let words = WebText.words(context.language)
        let current = FiscalYear(containing: clock()).buddhistYear
        let fiscalYear = try request.fiscalYearQuery() ?? current
        let courses = try database.currentCourses(agencyID: user.agencyId)
        let titles = Dictionary(courses.map { ($0.courseKey, $0.title) }, uniquingKeysWith: { first, _ in first })
        let lines = try database.assignments(agencyID: user.agencyId, fiscalYear: fiscalYear).map {
            Line(id: $0.id, course: titles[$0.courseKey] ?? $0.courseKey, scope: $0.division ?? words["everyone"] ?? "",
                 by: "\($0.assignedBy) · \(ThaiDate.short(CivilDate($0.assignedAt, in: .bangkok)))")
        }
        let content = Content(
            fiscalYear: fiscalYear,
            years: (current - 1...current + 1).map { Option(value: String($0), label: String($0), selected: $0 == fiscalYear) },
            courses: courses.map { Option(value: $0.courseKey, label: $0.title, selected: false) },
            divisions: [Option(value: "", label: words["everyone"] ?? "", selected: true)]
                + (try database.divisions(agencyID: user.agencyId)).map { Option(value: $0.code, label: $0.name, selected: false) },
            lines: lines, none: lines.isEmpty)
        return try renderer.page("hr-assignments", title: "assignments", content, request: request, context: context)
    }

    /// `POST /hr/assignments`.
    @Sendable func assign(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole(HRPages.roles)
        guard let fiscalYear = context.form["fiscalYear"].flatMap({ Int($0) }), (2500...2700).contains(fiscalYear) else {
            throw HTTPError(.badRequest, message: "fiscalYear must be a Buddhist-Era year such as 2570")
        }
        let course = context.form["course"] ?? ""
        guard try database.currentCourseVersionID(agencyID: user.agencyId, key: course) != nil else { throw QuizError.unknownCourse(course) }
        let division = context.form["division"].flatMap { $0.isEmpty ? nil : $0 }
        try database.assign(agencyID: user.agencyId, courseKey: course, fiscalYear: fiscalYear, divisionCode: division,
                            by: user.username, now: clock())
        return redirect(to: "/hr/assignments?fiscalYear=\(fiscalYear)")
    }

    /// `POST /hr/assignments/{id}/remove`.
    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole(HRPages.roles)
        try database.removeAssignment(agencyID: user.agencyId, id: context.parameters.require("assignment", as: Int64.self))
        return redirect(to: "/hr/assignments?fiscalYear=\(context.form["fiscalYear"].flatMap { Int($0) } ?? FiscalYear(containing: clock()).buddhistYear)")
    }
}
