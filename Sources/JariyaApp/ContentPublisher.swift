import Foundation
import JariyaCore
import JariyaStore
import JariyaXML

/// Checks content files and publishes them: the one path shared by
/// `jariya course publish`, the trainer's upload page and the demo, so each
/// shows what the others do.
public enum ContentPublisher {
    /// Checks the files against the schemas, each other, and the banks already
    /// published; publishes all of them in one transaction only if every one is valid.
    public static func publish(paths: [String], content: PublishedContent, agency: Agency, publisher: String, now: Date,
                               contentRoot: String? = nil) throws -> (ContentSet, [PublicationOutcome]) {
        let set = try check(paths: paths, content: content, agency: agency, contentRoot: contentRoot)
        guard set.isValid else { return (set, []) }
        return (set, try publish(set, database: content.database, agency: agency, publisher: publisher, now: now))
    }

    /// Checks files as `publish` would, without publishing.
    public static func check(paths: [String], content: PublishedContent, agency: Agency, contentRoot: String? = nil) throws -> ContentSet {
        ContentChecker(publishedBanks: try content.currentBanks(agencyID: agency.id ?? 0), contentRoot: contentRoot).check(paths: paths)
    }

    /// Publishes a checked, valid set in one transaction.
    public static func publish(_ set: ContentSet, database: AppDatabase, agency: Agency, publisher: String,
                               now: Date) throws -> [PublicationOutcome] {
        let agencyID = agency.id ?? 0
        let banks = set.banks.map { loaded in
            BankPublication(key: loaded.model.id, title: loaded.model.title, questionCount: loaded.model.questions.count,
                            source: loaded.bytes, sourceFile: loaded.file)
        }
        let courses = set.courses.map { loaded in
            CoursePublication(key: loaded.model.id, title: loaded.model.title, summary: loaded.model.summary,
                              moduleCount: loaded.model.modules.count, pretestBank: loaded.model.pretest?.bank,
                              posttestBank: loaded.model.posttest?.bank, source: loaded.bytes, sourceFile: loaded.file)
        }
        return try database.publish(agencyID: agencyID, banks: banks, courses: courses, publisher: publisher, now: now)
    }

}
