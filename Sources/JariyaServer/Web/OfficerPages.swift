import Foundation
import Hummingbird
import JariyaApp
import JariyaAPI
import JariyaCore
import JariyaStore

/// The officer's pages: my courses and where I stand in each, the module
/// reader and my certificates. Self check-in is in `CheckInPages`.
struct OfficerPages {
    /// The quiz engine, for the courses and test standings.
    let engine: QuizEngine
    /// Renders pages.
    let renderer: WebRenderer

    private var database: AppDatabase { engine.database }

    /// Registers the routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("my", use: courses)
        group.get("my/courses/:course/modules/:module", use: module)
        group.get("my/certificates", use: certificates)
    }

    /// One step of a course on the officer's card.
    struct Step: Sendable {
        var label: String
        var state: String
        var done: Bool
        var action: String?
        var actionLabel: String?
        var post: Bool
    }

    /// A course on the officer's page.
    struct CourseCard: Sendable {
        var key: String
        var title: String
        var summary: String
        var steps: [Step]
        var modules: [ModuleLink]
        var moduleCount: Int
        var assigned: Bool
    }

    /// A link to a module.
    struct ModuleLink: Sendable {
        var number: Int
        var title: String
        var href: String
        var read: Bool
    }

    /// The "my courses" page.
    struct CoursesContent: Sendable {
        var fiscalYear: Int
        var courses: [CourseCard]
    }

    /// `GET /my`.
    @Sendable func courses(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireRole([.officer])
        guard let officerID = user.officerId else { throw HTTPError(.forbidden) }
        let words = WebText.words(context.language)
        let mine = try engine.myCourses(user: user)
        let certificates = try database.certificates(officerID: officerID)
        let fiscalYear = FiscalYear(containing: engine.clock()).buddhistYear
        let assigned = try database.assignedCourseKeys(officerID: officerID, agencyID: user.agencyId, fiscalYear: fiscalYear)
        var cards: [CourseCard] = []
        for course in mine.courses {
            var steps: [Step] = []
            if let pretest = course.pretest {
                steps.append(testStep(words["pretest"] ?? "", kind: "pretest", course: course.id, status: pretest, words: words))
            }
            let modules = try modules(courseKey: course.id, agencyID: user.agencyId)
            let read = try database.modulesRead(officerID: officerID, courseKey: course.id, fiscalYear: course.fiscalYear)
            let readCount = modules.filter { read.contains($0.id) }.count
            let firstUnread = modules.firstIndex { !read.contains($0.id) }
            steps.append(Step(label: words["modules"] ?? "", state: "\(words["readWord"] ?? "") \(readCount)/\(modules.count)",
                              done: !modules.isEmpty && readCount == modules.count,
                              action: firstUnread.map { "/my/courses/\(course.id)/modules/\($0 + 1)" }, actionLabel: words["read"], post: false))
            let attended = try database.attendedSessions(officerID: officerID, courseKey: course.id, fiscalYear: course.fiscalYear)
            steps.append(Step(label: words["attendance"] ?? "", state: attended == 0 ? words["notYet"] ?? "" :
                              "\(words["sessionsAttended"] ?? "") \(attended) \(words["times"] ?? "")",
                              done: attended > 0, action: attended == 0 ? "/checkin" : nil, actionLabel: words["checkIn"], post: false))
            if let posttest = course.posttest {
                steps.append(testStep(words["posttest"] ?? "", kind: "posttest", course: course.id, status: posttest, words: words))
            }
            let certificate = certificates.first { $0.courseKey == course.id && $0.fiscalYear == course.fiscalYear && $0.isValid }
            steps.append(Step(label: words["certificate"] ?? "", state: certificate.map { "\(words["serial"] ?? "") \($0.serial)" } ?? words["notYet"] ?? "",
                              done: certificate != nil, action: certificate.map { "/my/certificates/\($0.code)/pdf" },
                              actionLabel: certificate == nil ? nil : words["download"], post: false))
            let links = modules.enumerated().map { index, module in
                ModuleLink(number: index + 1, title: module.title, href: "/my/courses/\(course.id)/modules/\(index + 1)", read: read.contains(module.id))
            }
            cards.append(CourseCard(key: course.id, title: course.title, summary: course.summary, steps: steps, modules: links,
                                    moduleCount: links.count, assigned: assigned.contains(course.id)))
        }
        // The courses HR assigned come first.
        cards = cards.filter(\.assigned) + cards.filter { !$0.assigned }
        return try renderer.page("my-courses", title: "myCourses", CoursesContent(fiscalYear: fiscalYear, courses: cards),
                                 request: request, context: context)
    }

    private func testStep(_ label: String, kind: String, course: String, status: TestStatusView, words: [String: String]) -> Step {
        let start = "/my/courses/\(course)/tests/\(kind)"
        if status.openAttempt != nil {
            return Step(label: label, state: words["notYet"] ?? "", done: false, action: start, actionLabel: words["resume"], post: true)
        }
        let best = status.bestBasisPoints.map { "\(words["best"] ?? "") \(Hundredths.text($0)) %" }
        let left = status.attemptsAllowed.map { status.attemptsUsed < $0 } ?? true
        if kind == "posttest" {
            if status.passed == true { return Step(label: label, state: "\(words["passed"] ?? "") · \(best ?? "")", done: true, post: false) }
            return Step(label: label, state: best.map { "\(words["notPassed"] ?? "") · \($0)" } ?? words["notYet"] ?? "", done: false,
                        action: left ? start : nil, actionLabel: left ? words["start"] : words["noAttemptsLeft"], post: true)
        }
        if status.attemptsUsed > 0 { return Step(label: label, state: "\(words["done"] ?? "") · \(best ?? "")", done: true, post: false) }
        return Step(label: label, state: words["notYet"] ?? "", done: false, action: start, actionLabel: words["start"], post: true)
    }

    private func modules(courseKey: String, agencyID: Int64) throws -> [Module] {
        try engine.content.currentCourse(agencyID: agencyID, key: courseKey)?.course.modules ?? []
    }

    /// A block of a module, ready for the template.
    struct BlockContent: Sendable {
        var paragraph: String?
        var list: [String]?
        var isOrdered = false
        var isBulleted = false
        var note: String?
        var noteKind: String?
    }

    /// The module reader page.
    struct ModuleContent: Sendable {
        var courseTitle: String
        var title: String
        var number: Int
        var count: Int
        var blocks: [BlockContent]
        var previous: String?
        var next: String?
    }

    /// `GET /my/courses/{course}/modules/{n}`: the module as its XML writes it.
    @Sendable func module(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let key = try context.parameters.require("course")
        let number = try context.parameters.require("module", as: Int.self)
        guard let course = try engine.content.currentCourse(agencyID: user.agencyId, key: key)?.course else {
            throw HTTPError(.notFound, message: "no published course \(key)")
        }
        guard course.modules.indices.contains(number - 1) else { throw HTTPError(.notFound, message: "the course has no module \(number)") }
        let module = course.modules[number - 1]
        if let officerID = user.officerId {
            let now = engine.clock()
            try database.recordModuleRead(officerID: officerID, courseKey: key, fiscalYear: FiscalYear(containing: now).buddhistYear,
                                          moduleID: module.id, now: now)
        }
        let blocks = module.blocks.compactMap { block -> BlockContent? in
            switch block {
            case .paragraph(let text): BlockContent(paragraph: text)
            case .list(let items, let ordered): BlockContent(list: items, isOrdered: ordered, isBulleted: !ordered)
            case .note(let kind, let text): BlockContent(note: text, noteKind: kind == "warning" ? "warning" : "info")
            case .figure: nil
            }
        }
        let base = "/my/courses/\(key)/modules/"
        let content = ModuleContent(courseTitle: course.title, title: module.title, number: number, count: course.modules.count, blocks: blocks,
                                    previous: number > 1 ? "\(base)\(number - 1)" : nil,
                                    next: number < course.modules.count ? "\(base)\(number + 1)" : nil)
        return try renderer.page("module", title: module.title, content, request: request, context: context)
    }

    /// A certificate on the officer's list.
    struct CertificateItem: Sendable {
        var serial: String
        var courseTitle: String
        var fiscalYear: Int
        var issued: String
        var valid: Bool
        var pdf: String
        var verify: String
    }

    /// The certificates page.
    struct CertificatesContent: Sendable {
        var certificates: [CertificateItem]
        var none: Bool
    }

    /// `GET /my/certificates`.
    @Sendable func certificates(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireRole([.officer])
        guard let officerID = user.officerId else { throw HTTPError(.forbidden) }
        let items = try database.certificates(officerID: officerID).map { record in
            let title = try engine.content.course(versionID: record.courseVersionId).version.title
            return CertificateItem(serial: record.serial, courseTitle: title, fiscalYear: record.fiscalYear,
                                   issued: ThaiDate.long(CivilDate(record.issuedAt, in: .bangkok)), valid: record.isValid,
                                   pdf: "/my/certificates/\(record.code)/pdf", verify: "/verify/\(record.code)")
        }
        return try renderer.page("my-certificates", title: "myCertificates", CertificatesContent(certificates: items, none: items.isEmpty),
                                 request: request, context: context)
    }
}
