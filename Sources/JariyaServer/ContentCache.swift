import Foundation
import JariyaCore
import JariyaStore
import JariyaXML
import Synchronization

/// Published versions never change, so each is parsed once and kept.
final class ContentCache: Sendable {
    private let database: AppDatabase
    private let courses = Mutex<[Int64: Course]>([:])
    private let banks = Mutex<[Int64: QuestionBank]>([:])

    init(database: AppDatabase) { self.database = database }

    enum Failure: Error {
        case missing(String)
    }

    func course(versionID: Int64) throws -> (CourseVersion, Course) {
        guard let version = try database.courseVersion(id: versionID) else { throw Failure.missing("course version \(versionID)") }
        if let cached = courses.withLock({ $0[versionID] }) { return (version, cached) }
        let course = try ContentReader.course(bytes: [UInt8](version.source), name: "\(version.courseKey) v\(version.version)")
        courses.withLock { $0[versionID] = course }
        return (version, course)
    }

    /// The completion rule of a course's current version; nil when it is not published.
    func completionRule(agencyID: Int64, courseKey: String) throws -> CompletionRule? {
        guard let id = try database.currentCourse(agencyID: agencyID, key: courseKey)?.id else { return nil }
        return try course(versionID: id).1.completion
    }

    func bank(versionID: Int64) throws -> QuestionBank {
        if let cached = banks.withLock({ $0[versionID] }) { return cached }
        guard let version = try database.bankVersion(id: versionID) else { throw Failure.missing("bank version \(versionID)") }
        let bank = try ContentReader.bank(bytes: [UInt8](version.source), name: "\(version.bankKey) v\(version.version)")
        banks.withLock { $0[versionID] = bank }
        return bank
    }
}
