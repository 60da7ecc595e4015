import Foundation
import GRDB

/// One immutable published version of a question bank.
public struct BankVersion: Hashable, Sendable, SnakeCaseRecord {
    /// Row id.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// The bank's id in its XML.
    public var bankKey: String
    /// 1, 2, …
    public var version: Int
    /// Thai title.
    public var title: String
    /// Questions in the bank.
    public var questionCount: Int
    /// SHA-256 of the source, hex.
    public var contentSha256: String
    /// The XML exactly as published.
    public var source: Data
    /// The file it was published from.
    public var sourceFile: String
    /// Who published it.
    public var publishedBy: String
    /// When.
    public var publishedAt: Date

    public static let databaseTableName = "bank_version"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One immutable published version of a course, pinned to the bank versions it draws from.
public struct CourseVersion: Hashable, Sendable, SnakeCaseRecord {
    /// Row id.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// The course's id in its XML.
    public var courseKey: String
    /// 1, 2, …
    public var version: Int
    /// Thai title.
    public var title: String
    /// Short description.
    public var summary: String
    /// Modules of reading.
    public var moduleCount: Int
    /// The bank version the pre-test draws from.
    public var pretestBankVersionId: Int64?
    /// The bank version the post-test draws from.
    public var posttestBankVersionId: Int64?
    /// SHA-256 of the source, hex.
    public var contentSha256: String
    /// The XML exactly as published.
    public var source: Data
    /// The file it was published from.
    public var sourceFile: String
    /// Who published it.
    public var publishedBy: String
    /// When.
    public var publishedAt: Date

    public static let databaseTableName = "course_version"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
