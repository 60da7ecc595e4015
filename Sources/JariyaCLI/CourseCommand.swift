import ArgumentParser
import Foundation
import JariyaCore
import JariyaApp
import JariyaStore
import JariyaXML

/// `jariya course …`: check, publish and list courses and question banks.
struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "Check, publish and list courses (Courses/*.xml) and question banks (Quizzes/*.xml).",
        subcommands: [Check.self, Publish.self, List.self]
    )

    /// `jariya course check FILE…`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check course and bank files against the schemas and each other.",
            discussion: """
                Prints one `file:line:col: message` line per problem on standard error.
                Exits 0 when every file is valid, 1 when there are problems, 2 on usage errors.
                A course's bank is looked for among the files, then in Quizzes/ beside its Courses/ folder.
                """
        )

        @Argument(help: "Course and bank XML files.")
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one file, e.g. jariya course check Courses/*.xml Quizzes/*.xml") }
        }

        func run() throws {
            let set = ContentChecker().check(paths: files)
            try report(set, fileCount: files.count, consequence: nil)
            say("ok: \(files.count) file(s) checked — \(set.courses.count) course(s), \(set.banks.count) bank(s), \(set.banks.reduce(0) { $0 + $1.model.questions.count }) question(s)")
        }
    }

    /// `jariya course publish FILE…`.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check, then publish courses and banks as new immutable versions.",
            discussion: """
                Nothing is published unless every file is valid. Publishing content identical to the
                current version does nothing; changed content becomes the next version. A course is
                pinned to the exact bank versions it draws from.
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Who is publishing (default: $USER).")
        var publisher: String?

        @Argument(help: "Course and bank XML files.")
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one file, e.g. jariya course publish Courses/*.xml Quizzes/*.xml") }
        }

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let who = publisher ?? ProcessInfo.processInfo.environment["USER"] ?? "trainer"
            let (set, outcomes) = try ContentPublisher.publish(paths: files, content: PublishedContent(database: db), agency: agency, publisher: who, now: Date())
            try report(set, fileCount: files.count, consequence: "nothing was published")
            for outcome in outcomes {
                say(outcome.isNew ? "published \(outcome.kind) \(outcome.key) version \(outcome.version)"
                                  : "\(outcome.kind) \(outcome.key) unchanged (version \(outcome.version))")
            }
        }
    }

    /// `jariya course list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the published courses, current versions only.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let courses = try db.currentCourses(agencyID: agency.id ?? 0)
            switch format {
            case .json:
                let items = courses.map { CourseListItem(id: $0.courseKey, version: $0.version, title: $0.title, modules: $0.moduleCount,
                                                         sha256: $0.contentSha256, publishedBy: $0.publishedBy,
                                                         publishedAt: $0.publishedAt) }
                try printJSON(items)
            case .text:
                var table = TextTable(header: ["รหัส", "ฉบับ", "บท", "เผยแพร่", "ชื่อหลักสูตร"])
                for course in courses {
                    table.rows.append([course.courseKey, String(course.version), String(course.moduleCount),
                                       ThaiDate.short(CivilDate(course.publishedAt, in: .bangkok)), course.title])
                }
                table.lines().forEach(say)
                if courses.isEmpty { say("(no course published yet: jariya course publish Courses/*.xml Quizzes/*.xml)") }
            }
        }
    }
}

/// One course in `course list --format json`.
struct CourseListItem: Encodable {
    var id: String
    var version: Int
    var title: String
    var modules: Int
    var sha256: String
    var publishedBy: String
    var publishedAt: Date
}

/// Prints every diagnostic and fails when there is any.
private func report(_ set: ContentSet, fileCount: Int, consequence: String?) throws {
    guard !set.isValid else { return }
    set.diagnostics.forEach { warn($0.description) }
    let files = Set(set.diagnostics.map(\.file)).count
    let summary = "\(set.diagnostics.count) problem(s) in \(files) of \(fileCount) file(s)"
    throw CLIError(consequence.map { "\(summary); \($0)" } ?? summary, exitCode: 1)
}
