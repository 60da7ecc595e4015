import GRDB

/// Published versions read on a connection the store already holds. A reader
/// that misses its cache inside a transaction (a save, a grade) loads what it
/// needs here, because GRDB's connections are not reentrant: asking the pool
/// again from inside a write would deadlock.
public struct PublishedSource {
    let db: Database

    /// A course version by id, its XML included.
    public func courseVersion(id: Int64) throws -> CourseVersion? {
        try CourseVersion.fetchOne(db, key: id)
    }

    /// A bank version by id, its XML included.
    public func bankVersion(id: Int64) throws -> BankVersion? {
        try BankVersion.fetchOne(db, key: id)
    }
}

extension AppDatabase {
    /// Runs `body` over published versions in one read transaction.
    public func readPublished<T>(_ body: (PublishedSource) throws -> T) throws -> T {
        try writer.read { db in try body(PublishedSource(db: db)) }
    }

    /// The id of a course's current version, without reading its XML.
    public func currentCourseVersionID(agencyID: Int64, key: String) throws -> Int64? {
        try writer.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT id FROM course_version WHERE agency_id = ? AND course_key = ? ORDER BY version DESC LIMIT 1
                """, arguments: [agencyID, key])
        }
    }

    // SQLite takes a bare column beside max() from the row holding the maximum.

    /// The ids of every course's current version, by course id; the XML stays on disk.
    public func currentCourseVersionIDs(agencyID: Int64) throws -> [Int64] {
        try writer.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id, max(version) FROM course_version WHERE agency_id = ? GROUP BY course_key ORDER BY course_key
                """, arguments: [agencyID])
        }
    }

    /// The ids of every bank's current version, by bank id.
    public func currentBankVersionIDs(agencyID: Int64) throws -> [Int64] {
        try writer.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id, max(version) FROM bank_version WHERE agency_id = ? GROUP BY bank_key ORDER BY bank_key
                """, arguments: [agencyID])
        }
    }
}
