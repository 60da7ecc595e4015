import Foundation
import GRDB

extension AppDatabase {
    /// How long a login lasts.
    public static let sessionLifetime: TimeInterval = 12 * 3600

    /// Records a new session for a token the caller generated (only its hash is stored).
    public func createSession(user: User, tokenSHA256: String, now: Date) throws -> LoginSession {
        try writer.write { db in
            var session = LoginSession(agencyId: user.agencyId, userId: user.id ?? 0, tokenSha256: tokenSHA256,
                                       createdAt: now, expiresAt: now.addingTimeInterval(Self.sessionLifetime))
            try session.insert(db)
            return session
        }
    }

    /// The active user of a live session, or nil when the token is unknown, ended or expired.
    public func sessionUser(tokenSHA256: String, now: Date) throws -> User? {
        // One statement reads one snapshot by itself, so no transaction is
        // opened around it; every request with a token asks this, and the
        // statement is prepared once per connection.
        try writer.unsafeRead { db in
            try User.fetchOne(db.cachedStatement(sql: """
                SELECT user.* FROM user JOIN login_session AS s ON s.user_id = user.id
                WHERE s.token_sha256 = ? AND s.ended_at IS NULL AND s.expires_at > ? AND user.active
                """), arguments: [tokenSHA256, StoredDate.text(now)])
        }
    }

    /// Ends a session (logout); the token stops working at once.
    public func endSession(tokenSHA256: String, now: Date) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE login_session SET ended_at = ? WHERE token_sha256 = ? AND ended_at IS NULL",
                           arguments: [now, tokenSHA256])
        }
    }

    /// The current version of one course.
    public func currentCourse(agencyID: Int64, key: String) throws -> CourseVersion? {
        try writer.read { db in
            try CourseVersion.filter(Column("agency_id") == agencyID && Column("course_key") == key)
                .order(Column("version").desc).fetchOne(db)
        }
    }
}
