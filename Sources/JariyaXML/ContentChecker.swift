import Foundation
import JariyaCore

/// A content file that parsed and validated, with the model read from it.
public struct LoadedContent<Model: Sendable>: Sendable {
    /// The path as given.
    public var file: String
    /// The bytes exactly as read, for hashing and storing.
    public var bytes: [UInt8]
    /// The course or bank.
    public var model: Model
}

/// What `jariya course check` found in a set of files.
public struct ContentSet: Sendable {
    /// Courses that were read.
    public var courses: [LoadedContent<Course>] = []
    /// Banks that were read.
    public var banks: [LoadedContent<QuestionBank>] = []
    /// Every problem, in file and line order.
    public var diagnostics: [Diagnostic] = []

    /// True when nothing is wrong.
    public var isValid: Bool { diagnostics.isEmpty }
}

/// Checks course and bank files against their schemas and against each other:
/// the bank a course names exists, draws fit the bank and its topics, and the
/// certificate template is in `Certificates/`.
public struct ContentChecker: Sendable {
    /// The size limit per file.
    public var maxBytes: Int
    /// Banks already published, used when a course names a bank not among the files.
    public var publishedBanks: [String: QuestionBank]
    /// The folder holding `Courses/`, `Quizzes/` and `Certificates/`; when nil,
    /// the folder above each course file's own.
    public var contentRoot: String?

    /// A checker with the default limit and no published banks.
    public init(maxBytes: Int = SafeXML.defaultMaxBytes, publishedBanks: [String: QuestionBank] = [:], contentRoot: String? = nil) {
        self.maxBytes = maxBytes
        self.publishedBanks = publishedBanks
        self.contentRoot = contentRoot
    }

    /// Checks every file and reports every problem found.
    public func check(paths: [String]) -> ContentSet {
        var result = ContentSet()
        for path in paths {
            load(path, into: &result)
        }
        reportRepeatedIDs(result.courses.map { ($0.file, $0.model.id, $0.model.line, "course") }, into: &result)
        reportRepeatedIDs(result.banks.map { ($0.file, $0.model.id, $0.model.line, "bank") }, into: &result)
        var nearbyBanks: [String: [String: QuestionBank]] = [:]
        for course in result.courses {
            let root = contentRoot ?? Self.root(of: course.file)
            if nearbyBanks[root] == nil { nearbyBanks[root] = banks(in: root, excluding: Set(result.banks.map(\.file))) }
            crossCheck(course, banks: nearbyBanks[root] ?? [:], root: root, into: &result)
        }
        result.diagnostics.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        return result
    }

    private func load(_ path: String, into result: inout ContentSet) {
        do {
            let document = try SafeXML.load(path: path, maxBytes: maxBytes)
            var sink = DiagnosticSink(document: document)
            if document.root.name == ContentSchema.course.rootElement {
                let course = CourseReader.read(document.root, into: &sink)
                result.courses.append(LoadedContent(file: path, bytes: document.bytes, model: course))
            } else {
                let bank = BankReader.read(document.root, into: &sink)
                result.banks.append(LoadedContent(file: path, bytes: document.bytes, model: bank))
            }
            result.diagnostics += sink.diagnostics
        } catch {
            result.diagnostics += error.diagnostics
        }
    }

    private func reportRepeatedIDs(_ items: [(file: String, id: String, line: Int, kind: String)], into result: inout ContentSet) {
        var first: [String: String] = [:]
        for item in items {
            if let earlier = first[item.id] {
                result.diagnostics.append(Diagnostic(file: item.file, line: item.line, message: "\(item.kind) id \"\(item.id)\" is also used by \(earlier)"))
            } else {
                first[item.id] = item.file
            }
        }
    }

    private func crossCheck(_ course: LoadedContent<Course>, banks nearby: [String: QuestionBank], root: String,
                            into result: inout ContentSet) {
        let checked = Dictionary(result.banks.map { ($0.model.id, $0.model) }, uniquingKeysWith: { first, _ in first })
        let file = course.file
        let source = SourceText(course.bytes)
        func report(_ line: Int, _ element: String, _ attribute: String?, _ message: String) {
            result.diagnostics.append(Diagnostic(file: file, line: line, column: source.column(line: line, element: element, attribute: attribute), message: message))
        }
        for (kind, test) in course.model.tests {
            guard let bank = checked[test.bank] ?? nearby[test.bank] ?? publishedBanks[test.bank] else {
                report(test.line, kind.rawValue, "bank", "the \(kind.rawValue) names bank \"\(test.bank)\", which is not among the files checked, in \(root)/Quizzes, or published")
                continue
            }
            if let draw = test.draw, draw > bank.questions.count {
                report(test.line, kind.rawValue, "draw", "the \(kind.rawValue) draws \(draw) questions but bank \"\(bank.id)\" has only \(bank.questions.count)")
            }
            let perTopic = bank.questionsPerTopic
            for draw in test.topicDraws {
                let available = perTopic[draw.topic] ?? 0
                if !bank.topics.contains(where: { $0.id == draw.topic }) && available == 0 {
                    report(draw.line, "draw", "topic", "bank \"\(bank.id)\" has no topic \"\(draw.topic)\"; its topics are \(bank.topics.map(\.id).joined(separator: ", "))")
                } else if draw.count > available {
                    report(draw.line, "draw", "count", "the \(kind.rawValue) draws \(draw.count) questions on \"\(draw.topic)\" but bank \"\(bank.id)\" has only \(available)")
                }
            }
            if test.questionCount > bank.questions.count && test.draw != nil && !test.topicDraws.isEmpty {
                report(test.line, kind.rawValue, nil, "the \(kind.rawValue) draws \(test.questionCount) questions in all but bank \"\(bank.id)\" has only \(bank.questions.count)")
            }
        }
        for (kind, test) in course.model.tests where test.review.applied(to: kind) != test.review {
            report(test.line, kind.rawValue, "review", Self.reviewProblem(kind, test.review))
        }
        if let template = course.model.certificateTemplate {
            let path = "\(root)/Certificates/\(template).svg"
            if !FileManager.default.fileExists(atPath: path) {
                // The folder is named as the content's own layout, never as a path
                // on the machine: the server's upload page shows this message too.
                report(course.model.certificateLine ?? course.model.line, "certificate", "template",
                       "certificate template \"\(template)\" is not among the templates in Certificates/ (expected Certificates/\(template).svg)")
            }
        }
    }

    /// Why a review policy cannot stand on a test. The store still reads
    /// versions published with one (`ReviewPolicy.applied(to:)`), so this is
    /// a check on new content, not a schema rule.
    static func reviewProblem(_ kind: TestKind, _ policy: ReviewPolicy) -> String {
        switch kind {
        case .posttest:
            "review=\"\(policy.rawValue)\" would show the post-test's answers while attempts remain, and the next attempt could be passed "
                + "by reading them; use after-last-attempt (the default), after-pass, after-window-closes or never"
        case .pretest:
            "the pre-test is not pass/fail, so review=\"\(policy.rawValue)\" would never show its answers; "
                + "use never (the default), after-submit, after-last-attempt or after-window-closes"
        }
    }

    /// The folder above the file's own: `X/Courses/a.xml` → `X`.
    static func root(of file: String) -> String {
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
        return url.path
    }

    private func banks(in root: String, excluding: Set<String>) -> [String: QuestionBank] {
        let folder = "\(root)/Quizzes"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var banks: [String: QuestionBank] = [:]
        let excluded = Set(excluding.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        for name in names.sorted() where name.hasSuffix(".xml") {
            let path = "\(folder)/\(name)"
            guard !excluded.contains(URL(fileURLWithPath: path).standardizedFileURL.path),
                  let document = try? SafeXML.load(path: path, maxBytes: maxBytes, schemas: [.quiz]) else { continue }
            var sink = DiagnosticSink(document: document)
            let bank = BankReader.read(document.root, into: &sink)
            if sink.diagnostics.isEmpty, banks[bank.id] == nil { banks[bank.id] = bank }
        }
        return banks
    }
}
