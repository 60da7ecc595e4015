import Foundation
import GRDB
import JariyaCore

/// Someone who logs in: an officer, trainer, HR officer or administrator.
public struct User: Hashable, Sendable, SnakeCaseRecord {
    /// Row id.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// Login name, unique regardless of case.
    public var username: String
    /// Shown in the interface.
    public var displayName: String
    /// What the user may do.
    public var role: Role
    /// The roster entry, required for officers.
    public var officerId: Int64?
    /// argon2id, in libsodium's self-describing string form.
    public var passwordHash: String
    /// Whether the user may log in.
    public var active: Bool
    /// When the user was added.
    public var createdAt: Date

    public static let databaseTableName = "user"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
