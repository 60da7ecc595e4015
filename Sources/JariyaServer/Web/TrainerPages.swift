import Foundation
import Hummingbird
import JariyaApp
import JariyaCore
import JariyaStore
import JariyaXML

/// The trainer's pages: upload a course or question bank, see the same
/// line-numbered errors as `jariya course check`, preview, publish.
/// Lecture sessions are in `SessionPages`.
struct TrainerPages {
    /// The published content, and the database it is published to.
    let content: PublishedContent
    var database: AppDatabase { content.database }
    /// Renders pages.
    let renderer: WebRenderer
    /// The server clock.
    let clock: @Sendable () -> Date
    /// The folder holding the server's `Certificates/`: an uploaded course's
    /// certificate template is looked up there, as `jariya course check` looks
    /// beside the file.
    let contentRoot: String

    /// Trainers, HR and admins manage content and sessions.
    static let roles: Set<Role> = [.trainer, .hr, .admin]

    /// Registers the routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("trainer", use: home)
        group.post("trainer/content", use: check)
        group.post("trainer/content/publish", use: publish)
    }

    /// A published course or bank.
    struct Published: Sendable {
        var kind: String
        var key: String
        var title: String
        var version: Int
        var published: String
        /// For a course: what officers will see of each test's key.
        var review: [String] = []
    }

    /// A session on the trainer's list.
    struct SessionLine: Sendable {
        var id: Int64
        var title: String
        var when: String
        var place: String
        var quarter: Int
    }

    /// The trainer's home page.
    struct HomeContent: Sendable {
        var published: [Published]
        var sessions: [SessionLine]
        var courses: [Published]
        var today: String
        var message: String?
    }

    /// `GET /trainer`.
    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireRole(Self.roles)
        let words = WebText.words(context.language)
        let day = { (date: Date) in ThaiDate.short(CivilDate(date, in: .bangkok)) }
        let courses = try content.currentCourses(agencyID: user.agencyId).map { published in
            let version = published.version
            return Published(kind: words["course"] ?? "course", key: version.courseKey, title: version.title, version: version.version,
                             published: day(version.publishedAt), review: Self.reviewLines(published.course))
        }
        let banks = try database.currentBanks(agencyID: user.agencyId).map {
            Published(kind: words["bankWord"] ?? "bank", key: $0.bankKey, title: $0.title, version: $0.version, published: day($0.publishedAt))
        }
        let sessions = try database.sessions(agencyID: user.agencyId).sorted { $0.startsAt > $1.startsAt }.prefix(50).map {
            SessionLine(id: $0.id ?? 0, title: $0.title, when: "\(day($0.startsAt)) \(ThaiTime.short($0.startsAt))", place: $0.place,
                        quarter: $0.quarter)
        }
        let page = HomeContent(published: courses + banks, sessions: Array(sessions), courses: courses,
                                  today: CivilDate(clock(), in: .bangkok).description,
                                  message: request.uri.queryParameters["published"].map { "\(words["published"] ?? "") \($0)" })
        return try renderer.page("trainer-home", title: "trainerHome", page, request: request, context: context)
    }

    /// What a check found: the errors, or a preview of the valid file.
    struct CheckContent: Sendable {
        var filename: String
        var diagnostics: [String]
        var valid: Bool
        var source: String
        var course: CoursePreview?
        var bank: BankPreview?
    }

    /// A course as the preview shows it.
    struct CoursePreview: Sendable {
        var id: String
        var title: String
        var modules: [String]
        var tests: [String]
        /// What officers will see of each test's key.
        var review: [String]
        var completion: String
    }

    /// A bank as the preview shows it.
    struct BankPreview: Sendable {
        var id: String
        var title: String
        var topics: [String]
        var questions: Int
    }

    /// `POST /trainer/content` (a form with the file): checks it as the CLI does.
    @Sendable func check(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole(Self.roles)
        guard let file = context.form.files["file"], !file.bytes.isEmpty else {
            throw HTTPError(.badRequest, message: "choose a course or question-bank XML file")
        }
        let (set, name) = try checked(bytes: file.bytes, filename: file.filename, agencyID: user.agencyId)
        let content = preview(set, name: name, bytes: file.bytes)
        return try renderer.page("trainer-check", title: "checkResult", content, request: request, context: context,
                                 status: content.valid ? .ok : .unprocessableContent)
            .response(from: request, context: context)
    }

    /// `POST /trainer/content/publish`: the previewed file, checked again and published in one transaction.
    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole(Self.roles)
        guard let source = context.form["source"].flatMap({ Data(base64Encoded: $0) }) else {
            throw HTTPError(.badRequest, message: "the file to publish is missing; upload it again")
        }
        let (set, name) = try checked(bytes: [UInt8](source), filename: context.form["filename"] ?? "upload.xml", agencyID: user.agencyId)
        guard set.isValid else {
            return try renderer.page("trainer-check", title: "checkResult", preview(set, name: name, bytes: [UInt8](source)),
                                     request: request, context: context, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let outcomes = try ContentPublisher.publish(set, database: database, agency: database.agency(id: user.agencyId),
                                                    publisher: user.username, now: clock())
        let summary = outcomes.map { "\($0.key) v\($0.version)" }.joined(separator: ", ")
        return redirect(to: "/trainer?published=\(summary.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
    }

    /// Checks uploaded bytes exactly as `jariya course check` checks a file:
    /// written to a private folder under the uploaded name, read by the same
    /// checker against the published banks; messages name the uploaded file.
    private func checked(bytes: [UInt8], filename: String, agencyID: Int64) throws -> (ContentSet, String) {
        let plain = WebForm.safeFilename(filename, otherwise: "upload.xml")
        let name = plain.lowercased().hasSuffix(".xml") ? plain : plain + ".xml"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-upload-\(PublicID.make())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var set = try ContentPublisher.check(paths: [path], content: content, agency: database.agency(id: agencyID), contentRoot: contentRoot)
        // Messages name the uploaded file, never the server's private folder.
        set.diagnostics = set.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.file = name
            diagnostic.message = diagnostic.message.replacingOccurrences(of: folder.path + "/", with: "")
                .replacingOccurrences(of: folder.path, with: "")
            return diagnostic
        }
        return (set, name)
    }

    private func preview(_ set: ContentSet, name: String, bytes: [UInt8]) -> CheckContent {
        let course = set.courses.first.map { loaded in
            let model = loaded.model
            return CoursePreview(id: model.id, title: model.title, modules: model.modules.map(\.title),
                                 tests: model.tests.map { "\($0.kind.rawValue): \($0.spec.questionCount) ข้อ จากคลัง \($0.spec.bank)" },
                                 review: Self.reviewLines(model),
                                 completion: model.certificateTemplate.map { "เกียรติบัตรแบบ \($0)" } ?? "")
        }
        let bank = set.banks.first.map { loaded in
            BankPreview(id: loaded.model.id, title: loaded.model.title,
                        topics: loaded.model.topics.map { "\($0.name) (\(loaded.model.questionsPerTopic[$0.id] ?? 0))" },
                        questions: loaded.model.questions.count)
        }
        return CheckContent(filename: name, diagnostics: set.diagnostics.map(\.description), valid: set.isValid,
                            source: Data(bytes).base64EncodedString(), course: set.isValid ? course : nil, bank: set.isValid ? bank : nil)
    }
}
