import Foundation
import JariyaCore
import JariyaStore
import JariyaXML
import Synchronization

/// The one reader of published content. A published version never changes,
/// so each is parsed once, through the same safe parser that checked it, and
/// kept; memory is asked before the database. Everything that needs a course
/// or a bank as the trainer published it (the quiz engine, reports,
/// publishing, certificates, attendance's completion rule) asks here.
public final class PublishedContent: Sendable {
    /// A course version as published: its row (the XML itself left out) and the course.
    public struct PublishedCourse: Sendable {
        /// The version's row, with an empty `source`.
        public let version: CourseVersion
        /// The course read from it.
        public let course: Course
    }

    /// Why published content could not be read: a row missing, or XML that no longer reads.
    public struct Failure: Error, CustomStringConvertible {
        /// What could not be read, naming the version.
        public let description: String
    }

    /// Where the published versions are.
    public let database: AppDatabase
    private let courses = Mutex<[Int64: PublishedCourse]>([:])
    private let banks = Mutex<[Int64: QuestionBank]>([:])

    /// A reader over a database, empty until asked.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// A course version by id.
    public func course(versionID: Int64) throws -> PublishedCourse {
        if let cached = courses.withLock({ $0[versionID] }) { return cached }
        return try database.readPublished { try course(versionID: versionID, from: $0) }
    }

    /// A course version by id, read on the caller's transaction when it is not in memory.
    public func course(versionID: Int64, from source: PublishedSource) throws -> PublishedCourse {
        if let cached = courses.withLock({ $0[versionID] }) { return cached }
        guard var version = try source.courseVersion(id: versionID) else { throw Failure(description: "course version \(versionID) is not in the database") }
        let name = "\(version.courseKey) v\(version.version)"
        let course: Course
        do { course = try ContentReader.course(bytes: [UInt8](version.source), name: name) } catch {
            throw Failure(description: "published course \(name) cannot be read: \(error)")
        }
        version.source = Data()
        let entry = PublishedCourse(version: version, course: course)
        courses.withLock { $0[versionID] = entry }
        return entry
    }

    /// A bank version by id.
    public func bank(versionID: Int64) throws -> QuestionBank {
        if let cached = banks.withLock({ $0[versionID] }) { return cached }
        return try database.readPublished { try bank(versionID: versionID, from: $0) }
    }

    /// A bank version by id, read on the caller's transaction when it is not in memory.
    public func bank(versionID: Int64, from source: PublishedSource) throws -> QuestionBank {
        if let cached = banks.withLock({ $0[versionID] }) { return cached }
        guard let version = try source.bankVersion(id: versionID) else { throw Failure(description: "bank version \(versionID) is not in the database") }
        let name = "\(version.bankKey) v\(version.version)"
        let bank: QuestionBank
        do { bank = try ContentReader.bank(bytes: [UInt8](version.source), name: name) } catch {
            throw Failure(description: "published bank \(name) cannot be read: \(error)")
        }
        banks.withLock { $0[versionID] = bank }
        return bank
    }

    /// The current version of a course; nil when it was never published.
    public func currentCourse(agencyID: Int64, key: String) throws -> PublishedCourse? {
        try database.currentCourseVersionID(agencyID: agencyID, key: key).map { try course(versionID: $0) }
    }

    /// The current version of every course, by course id.
    public func currentCourses(agencyID: Int64) throws -> [PublishedCourse] {
        try database.currentCourseVersionIDs(agencyID: agencyID).map { try course(versionID: $0) }
    }

    /// The current version of every bank, by bank id.
    public func currentBanks(agencyID: Int64) throws -> [String: QuestionBank] {
        var current: [String: QuestionBank] = [:]
        for id in try database.currentBankVersionIDs(agencyID: agencyID) {
            let bank = try bank(versionID: id)
            current[bank.id] = bank
        }
        return current
    }

    /// The completion rule of a course's current version; nil when it is not published.
    public func completionRule(agencyID: Int64, courseKey: String) throws -> CompletionRule? {
        try currentCourse(agencyID: agencyID, key: courseKey)?.course.completion
    }

    /// Grades any attempt against its own course and bank versions, read from
    /// memory or, on a miss, on the store's transaction.
    public var grader: AttemptGrader {
        AttemptGrader(
            score: { attempt, answers, source in
                try self.bank(versionID: attempt.bankVersionId, from: source).score(attempt.drawn, answers: answers)
            },
            completionRule: { attempt, source in
                try self.course(versionID: attempt.courseVersionId, from: source).course.completion
            })
    }
}
