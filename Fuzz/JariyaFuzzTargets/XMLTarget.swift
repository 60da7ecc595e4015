import Foundation
import JariyaCore
import JariyaXML

/// `xml`: one course or question bank, read the two ways Jariya reads them:
/// from a file by `ContentChecker` (`jariya course check` and `publish`), and
/// from bytes by `ContentReader` (an upload, a stored version). Both must agree.
/// What is accepted must then work downstream: a course's tests draw from
/// their bank, and a bank's questions score full marks for their own answers.
enum XMLTarget {
    static func run(_ bytes: [UInt8], _ checks: inout Checks) -> Bool {
        // Draw counts, attempts, minutes and points are bounded by the schemas
        // (once a huge draw made course check trap): every input is read.
        let environment = XMLEnvironment.shared
        let path = environment.root + "/Courses/input-\(UUID().uuidString).xml"
        // A plain write: FileManager.createFile writes atomically and syncs, which is most of an execution's time.
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            checks.expect(false, "could not write the input to \(path): \(error)")
            return false
        }
        defer { try? FileManager.default.removeItem(atPath: path) }

        let checker = ContentChecker(publishedBanks: environment.publishedBanks, contentRoot: environment.root)
        let set = checker.check(paths: [path])
        let lineBound = InputFacts.lineBound(bytes)
        checkDiagnostics(set.diagnostics, file: path, lineBound: lineBound, bytes: bytes.count, &checks)
        checks.expect(set.courses.count + set.banks.count <= 1, "one file was read as \(set.courses.count) course(s) and \(set.banks.count) bank(s)")

        if let course = set.courses.first {
            checkEncoding(bytes, &checks)
            let fromBytes = Result { () throws(XMLFailure) in try ContentReader.course(bytes: bytes, name: path) }
            let again = Result { () throws(XMLFailure) in try ContentReader.course(bytes: bytes, name: path) }
            checks.expect(fromBytes == again, "ContentReader.course gave two different answers for the same bytes")
            agree(fromBytes, course.model, set, &checks)
            if set.isValid, case .success(let model) = fromBytes { checkDraws(model, environment.publishedBanks, &checks) }
        } else if let bank = set.banks.first {
            checkEncoding(bytes, &checks)
            let fromBytes = Result { () throws(XMLFailure) in try ContentReader.bank(bytes: bytes, name: path) }
            let again = Result { () throws(XMLFailure) in try ContentReader.bank(bytes: bytes, name: path) }
            checks.expect(fromBytes == again, "ContentReader.bank gave two different answers for the same bytes")
            agree(fromBytes, bank.model, set, &checks)
            if set.isValid, case .success(let model) = fromBytes { checkBank(model, &checks) }
        } else {
            checks.expect(!set.diagnostics.isEmpty, "a file that was read as neither course nor bank has no diagnostic")
            for kind in ["course", "bank"] {
                let read: Result<Void, XMLFailure> = kind == "course"
                    ? Result { () throws(XMLFailure) in _ = try ContentReader.course(bytes: bytes, name: path) }
                    : Result { () throws(XMLFailure) in _ = try ContentReader.bank(bytes: bytes, name: path) }
                if case .failure(let failure) = read {
                    checkDiagnostics(failure.diagnostics, file: path, lineBound: lineBound, bytes: bytes.count, &checks)
                } else {
                    checks.expect(false, "ContentReader.\(kind) accepted a file that course check could not read")
                }
            }
        }
        return set.isValid
    }

    /// Every diagnostic is one `file:line:col: message` line pointing into the file.
    static func checkDiagnostics(_ diagnostics: [Diagnostic], file: String, lineBound: Int, bytes: Int, _ checks: inout Checks) {
        for diagnostic in diagnostics {
            let shown = InputFacts.excerpt(diagnostic.message, 100)
            checks.expect(diagnostic.file == file, "a diagnostic names another file, \(diagnostic.file): \(shown)")
            checks.expect((1...lineBound).contains(diagnostic.line), "diagnostic on line \(diagnostic.line), outside the file's \(lineBound) lines: \(shown)")
            checks.expect((1...bytes + 1).contains(diagnostic.column), "diagnostic at column \(diagnostic.column), past the file's \(bytes) bytes: \(shown)")
            checks.expect(!diagnostic.message.isEmpty, "a diagnostic on line \(diagnostic.line) has no message")
            checks.expect(!diagnostic.message.contains(where: \.isNewline), "a diagnostic's message spans lines: \(shown)")
        }
    }

    /// A file that was read is UTF-8 and says nothing else (design.md §7; README: "not UTF-8 is refused").
    static func checkEncoding(_ bytes: [UInt8], _ checks: inout Checks) {
        checks.expect(InputFacts.isUTF8(bytes), "a file that is not UTF-8 was read")
        if let declared = declaredEncoding(bytes) {
            checks.expect(declared.lowercased() == "utf-8", "a file declaring encoding=\"\(InputFacts.excerpt(declared))\" was read")
        }
    }

    /// The `encoding` of the XML declaration, read off the first bytes.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        guard head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let end = head.range(of: "?>") else { return nil }
        let declaration = head[..<end.lowerBound]
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// The bytes read the same as the file: the same model, or problems that course check also reported.
    static func agree<Model: Equatable>(_ fromBytes: Result<Model, XMLFailure>, _ fromFile: Model, _ set: ContentSet, _ checks: inout Checks) {
        switch fromBytes {
        case .success(let model):
            checks.expect(model == fromFile, "the file and its bytes were read as two different models")
        case .failure(let failure):
            checks.expect(!failure.diagnostics.isEmpty, "ContentReader refused the bytes without a diagnostic")
            let reported = Set(set.diagnostics)
            for diagnostic in failure.diagnostics where !reported.contains(diagnostic) {
                checks.expect(false, "ContentReader reported what course check did not: \(diagnostic)")
            }
        }
    }

    /// A course that course check passed draws its tests from its bank: as many
    /// questions as the course says, none twice, every order a permutation.
    static func checkDraws(_ course: Course, _ banks: [String: QuestionBank], _ checks: inout Checks) {
        checks.expect(!course.id.isEmpty, "an accepted course has no id")
        for (kind, spec) in course.tests {
            checks.expect((1...100).contains(spec.passPercent), "the \(kind.rawValue) passes at \(spec.passPercent)%")
            guard let bank = banks[spec.bank] else {
                checks.expect(false, "the \(kind.rawValue) names bank \(spec.bank), which course check let through but is not there")
                continue
            }
            for seed: UInt64 in [0, 1, 0xFFFF_FFFF_FFFF_FFFF] {
                do throws(QuestionBank.DrawFailure) {
                    let drawn = try bank.draw(spec, seed: seed)
                    checks.expect(drawn.count == spec.questionCount, "the \(kind.rawValue) drew \(drawn.count) questions, not \(spec.questionCount)")
                    checks.expect(Set(drawn.map(\.questionID)).count == drawn.count, "the \(kind.rawValue) drew a question twice (seed \(seed)): \(drawn.map(\.questionID))")
                    checkOrders(drawn, bank, &checks)
                } catch {
                    checks.expect(false, "the \(kind.rawValue) of a course that passed course check cannot be drawn: \(error)")
                }
            }
        }
    }

    /// A bank that course check passed has questions that can be answered and
    /// scored: the right answers earn full marks, no answers earn nothing.
    static func checkBank(_ bank: QuestionBank, _ checks: inout Checks) {
        checks.expect(!bank.questions.isEmpty, "an accepted bank has no question")
        checks.expect(Set(bank.questions.map(\.id)).count == bank.questions.count, "an accepted bank repeats a question id")
        var right: [String: Answer] = [:]
        for question in bank.questions {
            let place = "question \(question.id) (line \(question.line))"
            checks.expect(question.points >= 1, "\(place) is worth \(question.points) points")
            let correct = question.choices.indices.filter { question.choices[$0].correct }
            switch question.type {
            case .single:
                checks.expect(correct.count == 1, "\(place) is single-answer with \(correct.count) right choices")
                right[question.id] = .choices(correct)
            case .multiple:
                checks.expect(!correct.isEmpty, "\(place) is multiple-answer with no right choice")
                right[question.id] = .choices(correct)
            case .trueFalse:
                checks.expect(question.answer != nil, "\(place) is true-false without its answer")
                right[question.id] = question.answer.map(Answer.truth)
            case .short:
                checks.expect(!question.accepted.isEmpty, "\(place) is a short answer that accepts nothing")
                right[question.id] = question.accepted.first.map(Answer.text)
            case .matching:
                checks.expect(!question.pairs.isEmpty, "\(place) is matching without pairs")
                right[question.id] = .matches(Array(question.pairs.indices))
            }
        }
        // Full marks are kept as Σ points × 100 centipoints and made a percent
        // by × 10 000: past Int.max the scorer traps (Pending.scoreOverflow).
        let (total, overflowed) = bank.questions.reduce((0, false)) { sum, question in
            let added = sum.0.addingReportingOverflow(question.points)
            return (added.partialValue, sum.1 || added.overflow)
        }
        let scorable = !overflowed && !total.multipliedReportingOverflow(by: 1_000_000).overflow
        checks.expect(scorable, "the bank's points add up to \(overflowed ? "more than Int.max" : String(total)), which overflows its score")
        guard scorable else { return }
        let whole = TestSpec(bank: bank.id, draw: bank.questions.count, topicDraws: [], passPercent: 100, attempts: nil,
                             minutes: nil, review: .never, line: 1)
        do throws(QuestionBank.DrawFailure) {
            let drawn = try bank.draw(whole, seed: 42)
            checks.expect(drawn.count == bank.questions.count, "drawing the whole bank gave \(drawn.count) of \(bank.questions.count) questions")
            checkOrders(drawn, bank, &checks)
            let full = bank.score(drawn, answers: right)
            checks.expect(full.percent == 10_000 && full.earnedCentipoints == full.possibleCentipoints,
                          "the bank's own right answers score \(full.earnedCentipoints)/\(full.possibleCentipoints) (\(full.percent) basis points)")
            let none = bank.score(drawn, answers: [:])
            checks.expect(none.earnedCentipoints == 0 && none.percent == 0, "no answers score \(none.earnedCentipoints)")
        } catch {
            checks.expect(false, "the whole bank cannot be drawn: \(error)")
        }
    }

    /// Every drawn question's display order is a permutation of its choices (or rights).
    static func checkOrders(_ drawn: [DrawnQuestion], _ bank: QuestionBank, _ checks: inout Checks) {
        for item in drawn {
            guard let question = bank.question(id: item.questionID) else {
                checks.expect(false, "drew question \(item.questionID), which the bank does not have")
                continue
            }
            let count = question.type == .matching ? question.pairs.count : question.choices.count
            checks.expect(item.order.sorted() == Array(0..<count), "question \(item.questionID) is shown in order \(item.order), not a permutation of its \(count) items")
        }
    }
}

/// What the xml target reads against: a content root of its own (an empty
/// `Quizzes/`, and `Certificates/` holding the repository's template names)
/// and, as the published banks, the repository's own `Quizzes/*.xml`.
final class XMLEnvironment: Sendable {
    static let shared = XMLEnvironment()

    /// The content root the checker is pointed at; inputs are written into its `Courses/`.
    let root: String
    /// The banks a course may name.
    let publishedBanks: [String: QuestionBank]

    private init() {
        let files = FileManager.default
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let root = URL(fileURLWithPath: Self.rootPath)
        try? files.removeItem(at: root)
        // libFuzzer's merge and fork children end without atexit: remove the
        // roots of processes that are gone.
        let parent = root.deletingLastPathComponent()
        for name in (try? files.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix("jariya-fuzz-") {
            guard let pid = Int32(name.dropFirst("jariya-fuzz-".count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? files.removeItem(at: parent.appendingPathComponent(name))
        }
        for folder in ["Courses", "Quizzes", "Certificates"] {
            try? files.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let templates = (try? files.contentsOfDirectory(atPath: repository.appendingPathComponent("Certificates").path)) ?? []
        for template in templates where template.hasSuffix(".svg") {
            _ = files.createFile(atPath: root.appendingPathComponent("Certificates/\(template)").path, contents: Data())
        }
        var banks: [String: QuestionBank] = [:]
        let quizzes = repository.appendingPathComponent("Quizzes")
        for name in ((try? files.contentsOfDirectory(atPath: quizzes.path)) ?? []).sorted() where name.hasSuffix(".xml") {
            guard let data = files.contents(atPath: quizzes.appendingPathComponent(name).path),
                  let bank = try? ContentReader.bank(bytes: [UInt8](data), name: name) else { continue }
            banks[bank.id] = bank
        }
        self.root = root.path
        publishedBanks = banks
    }

    /// The content root of this process: one per process, so parallel fuzzing jobs do not meet.
    /// In memory (/dev/shm) where there is one, as every execution writes and removes a file there.
    static var rootPath: String {
        let memory = URL(fileURLWithPath: "/dev/shm")
        var isFolder: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: memory.path, isDirectory: &isFolder) && isFolder.boolValue
            && FileManager.default.isWritableFile(atPath: memory.path) ? memory : FileManager.default.temporaryDirectory
        return folder.appendingPathComponent("jariya-fuzz-\(ProcessInfo.processInfo.processIdentifier)").path
    }
}
