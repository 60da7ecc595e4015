import Foundation
import GRDB
import JariyaCore

// The rows every request reads (the session's user) and every answer save
// reads (the attempt) are read column by column. The Codable path turns each
// column name from snake_case on every row, and that cost more than the
// query itself once saves ran in their thousands a second.

/// A stored value Jariya does not know: the database was written by something else.
struct UnreadableRow: Error, CustomStringConvertible {
    let description: String
}

extension AttemptRecord {
    /// Reads the `attempt` row by column name.
    public init(row: Row) throws {
        let kindText: String = row["kind"]
        guard let kind = TestKind(rawValue: kindText) else {
            throw UnreadableRow(description: "attempt \(row["id"] as Int64? ?? 0) has an unknown test kind \"\(kindText)\"")
        }
        guard let startedAt = row.storedDate("started_at") else {
            throw UnreadableRow(description: "attempt \(row["id"] as Int64? ?? 0) has no start time")
        }
        self.init(
            id: row["id"], agencyId: row["agency_id"], publicId: row["public_id"], userId: row["user_id"], officerId: row["officer_id"],
            courseVersionId: row["course_version_id"], bankVersionId: row["bank_version_id"], courseKey: row["course_key"],
            kind: kind, fiscalYear: row["fiscal_year"], number: row["number"], seed: row["seed"], questions: row["questions"],
            passPercent: row["pass_percent"], startedAt: startedAt, deadline: row.storedDate("deadline"), lastSaveSeq: row["last_save_seq"],
            submittedAt: row.storedDate("submitted_at"), submittedBy: row["submitted_by"], earnedCentipoints: row["earned_centipoints"],
            possibleCentipoints: row["possible_centipoints"], percentBp: row["percent_bp"], passed: row["passed"])
    }
}

extension User {
    /// Reads the `user` row by column name.
    public init(row: Row) throws {
        let roleText: String = row["role"]
        guard let role = Role(rawValue: roleText) else {
            throw UnreadableRow(description: "user \(row["id"] as Int64? ?? 0) has an unknown role \"\(roleText)\"")
        }
        guard let createdAt = row.storedDate("created_at") else {
            throw UnreadableRow(description: "user \(row["id"] as Int64? ?? 0) has no creation time")
        }
        self.init(id: row["id"], agencyId: row["agency_id"], username: row["username"], displayName: row["display_name"], role: role,
                  officerId: row["officer_id"], passwordHash: row["password_hash"], active: row["active"], createdAt: createdAt)
    }
}
