import Crypto
import Foundation
import GRDB
import JariyaCore

/// A checked question bank, ready to publish.
public struct BankPublication: Sendable {
    /// The bank's id.
    public var key: String
    /// Thai title.
    public var title: String
    /// Number of questions.
    public var questionCount: Int
    /// The XML as read.
    public var source: [UInt8]
    /// The file it came from.
    public var sourceFile: String

    /// A publication from its parts.
    public init(key: String, title: String, questionCount: Int, source: [UInt8], sourceFile: String) {
        self.key = key
        self.title = title
        self.questionCount = questionCount
        self.source = source
        self.sourceFile = sourceFile
    }
}

/// A checked course, ready to publish.
public struct CoursePublication: Sendable {
    /// The course's id.
    public var key: String
    /// Thai title.
    public var title: String
    /// Short description.
    public var summary: String
    /// Number of modules.
    public var moduleCount: Int
    /// The bank the pre-test draws from.
    public var pretestBank: String?
    /// The bank the post-test draws from.
    public var posttestBank: String?
    /// The XML as read.
    public var source: [UInt8]
    /// The file it came from.
    public var sourceFile: String

    /// A publication from its parts.
    public init(key: String, title: String, summary: String, moduleCount: Int, pretestBank: String?,
                posttestBank: String?, source: [UInt8], sourceFile: String) {
        self.key = key
        self.title = title
        self.summary = summary
        self.moduleCount = moduleCount
        self.pretestBank = pretestBank
        self.posttestBank = posttestBank
        self.source = source
        self.sourceFile = sourceFile
    }
}

/// What publishing did to one course or bank.
public struct PublicationOutcome: Equatable, Sendable {
    /// "course" or "bank".
    public var kind: String
    /// The id.
    public var key: String
    /// The version now current.
    public var version: Int
    /// False when the content was identical to the current version, so nothing was written.
    public var isNew: Bool
}

extension AppDatabase {
    /// Publishes banks, then the courses that draw from them, in one
    /// transaction. Content identical to the current version is a no-op; a
    /// course is also republished when a bank it draws from got a new version,
    /// so that every course version pins the exact questions it uses.
    public func publish(agencyID: Int64, banks: [BankPublication], courses: [CoursePublication],
                        publisher: String, now: Date) throws -> [PublicationOutcome] {
        try writer.write { db in
            var outcomes: [PublicationOutcome] = []
            for bank in banks {
                let hash = Self.sha256(bank.source)
                let latest = try latestBank(db, agencyID: agencyID, key: bank.key)
                if let latest, latest.contentSha256 == hash {
                    outcomes.append(PublicationOutcome(kind: "bank", key: bank.key, version: latest.version, isNew: false))
                    continue
                }
                var record = BankVersion(agencyId: agencyID, bankKey: bank.key, version: (latest?.version ?? 0) + 1,
                                         title: bank.title, questionCount: bank.questionCount, contentSha256: hash,
                                         source: Data(bank.source), sourceFile: bank.sourceFile,
                                         publishedBy: publisher, publishedAt: now)
                try record.insert(db)
                outcomes.append(PublicationOutcome(kind: "bank", key: bank.key, version: record.version, isNew: true))
            }
            for course in courses {
                func pinned(_ key: String?) throws -> Int64? {
                    guard let key else { return nil }
                    guard let bank = try latestBank(db, agencyID: agencyID, key: key) else {
                        throw StoreError.bankNotPublished(course: course.key, bank: key)
                    }
                    return bank.id
                }
                let pretest = try pinned(course.pretestBank)
                let posttest = try pinned(course.posttestBank)
                let hash = Self.sha256(course.source)
                let latest = try CourseVersion
                    .filter(Column("agency_id") == agencyID && Column("course_key") == course.key)
                    .order(Column("version").desc).fetchOne(db)
                if let latest, latest.contentSha256 == hash,
                   latest.pretestBankVersionId == pretest, latest.posttestBankVersionId == posttest {
                    outcomes.append(PublicationOutcome(kind: "course", key: course.key, version: latest.version, isNew: false))
                    continue
                }
                var record = CourseVersion(agencyId: agencyID, courseKey: course.key, version: (latest?.version ?? 0) + 1,
                                           title: course.title, summary: course.summary, moduleCount: course.moduleCount,
                                           pretestBankVersionId: pretest, posttestBankVersionId: posttest,
                                           contentSha256: hash, source: Data(course.source), sourceFile: course.sourceFile,
                                           publishedBy: publisher, publishedAt: now)
                try record.insert(db)
                outcomes.append(PublicationOutcome(kind: "course", key: course.key, version: record.version, isNew: true))
            }
            return outcomes
        }
    }

    private func latestBank(_ db: Database, agencyID: Int64, key: String) throws -> BankVersion? {
        try BankVersion
            .filter(Column("agency_id") == agencyID && Column("bank_key") == key)
            .order(Column("version").desc).fetchOne(db)
    }

    /// The current version of every course, by course id.
    public func currentCourses(agencyID: Int64) throws -> [CourseVersion] {
        try writer.read { db in
            try CourseVersion.fetchAll(db, sql: """
                SELECT * FROM course_version AS c
                WHERE c.agency_id = ? AND c.version = (
                    SELECT max(version) FROM course_version WHERE agency_id = c.agency_id AND course_key = c.course_key)
                ORDER BY c.course_key
                """, arguments: [agencyID])
        }
    }

    /// The current version of every bank, by bank id.
    public func currentBanks(agencyID: Int64) throws -> [BankVersion] {
        try writer.read { db in
            try BankVersion.fetchAll(db, sql: """
                SELECT * FROM bank_version AS b
                WHERE b.agency_id = ? AND b.version = (
                    SELECT max(version) FROM bank_version WHERE agency_id = b.agency_id AND bank_key = b.bank_key)
                ORDER BY b.bank_key
                """, arguments: [agencyID])
        }
    }

    /// Every version of one course, oldest first.
    public func courseVersions(agencyID: Int64, key: String) throws -> [CourseVersion] {
        try writer.read { db in
            try CourseVersion.filter(Column("agency_id") == agencyID && Column("course_key") == key)
                .order(Column("version")).fetchAll(db)
        }
    }

    /// SHA-256 of the bytes, lower-case hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        Hex.string(SHA256.hash(data: bytes))
    }
}
