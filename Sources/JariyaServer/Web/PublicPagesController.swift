import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaStore

/// Pages anyone may open without logging in.
struct PublicPagesController {
    /// Where the courses are.
    let database: AppDatabase
    /// The agency served.
    let agencyCode: String?
    /// The page templates.
    let templates: Templates

    /// Registers `GET /`.
    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/", use: courses)
    }

    /// A course on the list.
    struct CourseItem: Sendable {
        var key: String
        var title: String
        var summary: String
        var version: Int
        var modules: Int
        var published: String
    }

    /// The course-list page.
    struct CoursesPage: Sendable {
        var agencyName: String
        var agencyPlace: String
        var courses: [CourseItem]
        var hasCourses: Bool
        var count: Int
    }

    /// The published courses, in Thai, for anyone.
    @Sendable func courses(_ request: Request, context: some RequestContext) async throws -> HTML {
        let agency = try database.agency(code: agencyCode)
        let items = try database.currentCourses(agencyID: agency.id ?? 0)
            .map { version in
                CourseItem(key: version.courseKey, title: version.title, summary: version.summary, version: version.version,
                           modules: version.moduleCount,
                           published: ThaiDate.long(CivilDate(version.publishedAt, in: .bangkok)))
            }
            .sorted { ThaiText.precedes($0.title, $1.title) }
        let place = [agency.district.isEmpty ? nil : "อำเภอ\(agency.district)", agency.province.isEmpty ? nil : "จังหวัด\(agency.province)"]
            .compactMap { $0 }.joined(separator: " ")
        let page = CoursesPage(agencyName: agency.name, agencyPlace: place, courses: items, hasCourses: !items.isEmpty, count: items.count)
        return HTML(body: try templates.render(page, "courses"))
    }
}
