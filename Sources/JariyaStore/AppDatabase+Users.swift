import Foundation
import GRDB
import JariyaCore

extension AppDatabase {
    /// Adds a user. The password is hashed before the transaction starts, so
    /// the slow part holds no lock.
    public func addUser(agencyID: Int64, username: String, displayName: String, role: Role,
                        officerCode: String?, password: String, now: Date) throws -> User {
        let hash = try PasswordHasher.hash(password)
        return try addUser(agencyID: agencyID, username: username, displayName: displayName, role: role,
                           officerCode: officerCode, passwordHash: hash, now: now)
    }

    /// Adds a user whose password is already hashed (the demo reuses one hash).
    public func addUser(agencyID: Int64, username: String, displayName: String, role: Role,
                        officerCode: String?, passwordHash: String, now: Date) throws -> User {
        if role == .officer && officerCode == nil { throw StoreError.officerAccountNeedsOfficer }
        let username = try TextField.username.accept(username)
        let displayName = try TextField.personName.named("display name").accept(displayName)
        guard !username.isEmpty, !username.contains(" ") else { throw StoreError.invalid("a username is one word, without spaces") }
        return try writer.write { db in
            if try User.filter(sql: "username = ? COLLATE NOCASE", arguments: [username]).fetchCount(db) > 0 {
                throw StoreError.usernameTaken(username)
            }
            var officerID: Int64?
            var name = displayName
            if let officerCode {
                guard let officer = try Officer.filter(Column("agency_id") == agencyID && Column("employee_code") == officerCode).fetchOne(db) else {
                    throw StoreError.unknownOfficer(officerCode)
                }
                officerID = officer.id
                if try User.filter(Column("officer_id") == officer.id).fetchCount(db) > 0 {
                    throw StoreError.officerHasLogin(officerCode)
                }
                if name.isEmpty { name = officer.name.formal }
            }
            var user = User(agencyId: agencyID, username: username, displayName: name.isEmpty ? username : name, role: role,
                            officerId: officerID, passwordHash: passwordHash, active: true, createdAt: now)
            try user.insert(db)
            return user
        }
    }

    /// The user with this username (any case), if any.
    public func user(username: String) throws -> User? {
        try writer.read { db in
            try User.filter(sql: "username = ? COLLATE NOCASE", arguments: [username]).fetchOne(db)
        }
    }

    /// The agency's users by role, then username.
    public func users(agencyID: Int64) throws -> [User] {
        try writer.read { db in
            try User.filter(Column("agency_id") == agencyID).order(Column("role"), Column("username")).fetchAll(db)
        }
    }

    /// The user if the password matches and the account is active; nil otherwise.
    public func authenticate(username: String, password: String) throws -> User? {
        guard let user = try user(username: username), user.active,
              PasswordHasher.verify(password, hash: user.passwordHash) else { return nil }
        return user
    }
}

extension AppDatabase {
    /// Changes a user's role or turns the account on or off, in one
    /// transaction; the user's live sessions end, so new rights (or none)
    /// take effect at once.
    public func updateUser(agencyID: Int64, username: String, role: Role, active: Bool, now: Date) throws -> User {
        try writer.write { db in
            guard var user = try User.filter(Column("agency_id") == agencyID)
                .filter(sql: "username = ? COLLATE NOCASE", arguments: [username]).fetchOne(db) else {
                throw StoreError.unknownUser(username)
            }
            if role == .officer && user.officerId == nil { throw StoreError.officerAccountNeedsOfficer }
            user.role = role
            user.active = active
            try user.update(db)
            try db.execute(sql: "UPDATE login_session SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL", arguments: [now, user.id])
            return user
        }
    }

    /// Replaces a user's password hash with one of the same password made with
    /// today's settings, unless the password was changed in between.
    public func replacePasswordHash(userID: Int64, old: String, new: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE user SET password_hash = ? WHERE id = ? AND password_hash = ?", arguments: [new, userID, old])
        }
    }
}
