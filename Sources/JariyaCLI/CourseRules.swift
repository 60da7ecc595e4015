import JariyaCore
import JariyaStore
import JariyaXML

/// The completion rule of a course's current version, read from its published XML.
enum CourseRules {
    static func completionRule(_ db: AppDatabase, agencyID: Int64, courseKey: String) throws -> CompletionRule? {
        guard let version = try db.currentCourse(agencyID: agencyID, key: courseKey) else { return nil }
        return try ContentReader.course(bytes: [UInt8](version.source), name: "\(courseKey) v\(version.version)").completion
    }
}
