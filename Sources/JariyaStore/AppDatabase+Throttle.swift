import Crypto
import Foundation
import GRDB
import JariyaCore

/// A wrong-code count shown on the trainer's roll.
public struct CheckInRefusals: Equatable, Sendable {
    /// The officer who typed the codes.
    public var officer: Officer
    /// How many wrong codes.
    public var count: Int
    /// When the last one was typed.
    public var last: Date
}

extension AppDatabase {
    /// The officer's wrong codes at a session and when the last was typed,
    /// for the check-in back-off.
    static func checkInRefusals(_ db: Database, sessionID: Int64, officerID: Int64) throws -> (count: Int, last: Date?) {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) AS n, max(refused_at) AS last FROM checkin_refusal WHERE session_id = ? AND officer_id = ?
            """), arguments: [sessionID, officerID])
        return (row?["n"] ?? 0, row?["last"])
    }

    /// Officers who typed wrong codes at a session, in Thai order, for the trainer's roll.
    public func checkInRefusals(sessionID: Int64) throws -> [CheckInRefusals] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT officer_id, count(*) AS n, max(refused_at) AS last FROM checkin_refusal WHERE session_id = ? GROUP BY officer_id
                """, arguments: [sessionID])
            let officers = try Officer.filter(keys: rows.map { $0["officer_id"] as Int64 }).fetchAll(db)
            let byID = Dictionary(officers.map { ($0.id ?? 0, $0) }, uniquingKeysWith: { first, _ in first })
            return rows.compactMap { row in
                byID[row["officer_id"]].map { CheckInRefusals(officer: $0, count: row["n"], last: row["last"]) }
            }
            .sorted { PersonName.thaiOrder($0.officer.name, $1.officer.name) }
        }
    }

    /// The store key of a login-failure count: a hash, so every key is the
    /// same size whatever was typed, and no username is kept in the clear.
    public static func loginFailureKey(_ kind: String, _ value: String) -> String {
        Hex.string(SHA256.hash(data: Data("\(kind):\(value)".utf8)))
    }

    /// Seconds until another login may be tried under these keys and rules, or nil.
    public func loginRetryAfter(_ keys: [(key: String, rule: Backoff)], now: Date) throws -> Int? {
        try writer.read { db in
            try keys.compactMap { key, rule -> Int? in
                guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT failures, last_failure_at FROM login_failure WHERE key = ?"),
                                                 arguments: [key]) else { return nil }
                return rule.retryAfter(failures: row["failures"], lastFailure: row["last_failure_at"], now: now)
            }.max()
        }
    }

    /// Counts a failed login under each key; counts an hour stale start again,
    /// and stale rows are swept out so the table stays small.
    public func recordLoginFailure(_ keys: [(key: String, rule: Backoff)], now: Date) throws {
        try writer.write { db in
            for (key, rule) in keys {
                let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT failures, last_failure_at FROM login_failure WHERE key = ?"),
                                           arguments: [key])
                let failures = rule.failuresSoFar(row?["failures"] ?? 0, lastFailure: row?["last_failure_at"], now: now) + 1
                try db.cachedStatement(sql: """
                    INSERT INTO login_failure (key, failures, last_failure_at) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at
                    """).execute(arguments: [key, failures, now])
            }
            let longest = keys.map(\.rule.memory).max() ?? 3600
            try db.cachedStatement(sql: "DELETE FROM login_failure WHERE last_failure_at < ?")
                .execute(arguments: [now.addingTimeInterval(-longest)])
        }
    }

    /// The keys failures are counted under now, for an operator looking into a
    /// wave of failed logins (and for the tests that hold their size fixed).
    public func loginFailureKeys() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT key FROM login_failure ORDER BY key") }
    }

    /// Forgets an account's failures after its owner got in.
    public func clearLoginFailures(key: String) throws {
        // Most logins follow no failure: look before opening a write.
        let counted = try writer.unsafeRead { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM login_failure WHERE key = ?)"), arguments: [key]) ?? false
        }
        guard counted else { return }
        try writer.write { db in
            try db.execute(sql: "DELETE FROM login_failure WHERE key = ?", arguments: [key])
        }
    }
}
