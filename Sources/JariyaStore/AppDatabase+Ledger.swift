import Foundation
import GRDB
import GRDBSQLite
import JariyaCore

/// What verifying the ledger found.
public struct LedgerReport: Equatable, Sendable {
    /// Entries read.
    public var size: Int64
    /// The head hash, when intact.
    public var head: String?
    /// The first problem, when not.
    public var problem: LedgerVerifier.Problem?
}

extension AppDatabase {
    /// Appends one entry to the agency's chain, inside the caller's transaction,
    /// so the entry and the change it records commit together or not at all.
    @discardableResult
    static func appendLedger(_ db: Database, agencyID: Int64, actor: String, kind: String, officerID: Int64?, sessionID: Int64?,
                             payload: [String: String], reason: String = "", now: Date) throws -> LedgerEntry {
        // SQLite stores text up to its first NUL while the hash covers all of
        // it; text that the edge's rule (TextField) would not store never
        // reaches the chain, whichever path it came by.
        for text in [actor, kind, reason] + payload.keys + payload.values where !TextField.isStorable(text) {
            throw StoreError.invalid("the ledger refuses text with a control character or not in NFC: \(text.debugDescription.prefix(80))")
        }
        // Cached statements: a roll call appends thousands of entries, one transaction each.
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM ledger_entry WHERE agency_id = ? ORDER BY seq DESC LIMIT 1"),
                                    arguments: [agencyID])
        let entry = LedgerEntry(seq: (last?["seq"] as Int64? ?? 0) + 1, agencyID: agencyID, recordedAt: now, actor: actor, kind: kind,
                                officerID: officerID, sessionID: sessionID, payload: payload, reason: reason,
                                previousHash: last?["hash"] ?? LedgerEntry.genesis)
        try db.cachedStatement(sql: """
            INSERT INTO ledger_entry (agency_id, seq, recorded_at_ms, actor, kind, officer_id, session_id, payload, reason, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [agencyID, entry.seq, entry.recordedAtMillis, actor, kind, officerID, sessionID,
                             LedgerPayload.encode(payload), reason, entry.previousHash, entry.hash])
        return entry
    }

    /// Appends many entries in one transaction through the same path as
    /// single appends (used by bulk imports and the benchmarks).
    public func appendLedger(agencyID: Int64, actor: String, kind: String, items: [(officerID: Int64?, sessionID: Int64?, payload: [String: String])],
                             now: Date) throws {
        try writer.write { db in
            for item in items {
                try Self.appendLedger(db, agencyID: agencyID, actor: actor, kind: kind, officerID: item.officerID,
                                      sessionID: item.sessionID, payload: item.payload, now: now)
            }
        }
    }

    /// Recomputes the whole chain from the first entry, streaming, and holds it
    /// to the given checkpoints. Reports the first bad entry. Reads each row's
    /// text in place (no copies) because this runs over every entry ever made.
    public func verifyLedger(agencyID: Int64, anchors: [LedgerVerifier.Anchor] = []) throws -> LedgerReport {
        try writer.read { db in
            var verifier = LedgerVerifier(anchors: anchors)
            var hashing = LedgerHashing()
            var size: Int64 = 0
            let statement = try db.makeStatement(sql: """
                SELECT seq, recorded_at_ms, officer_id, session_id, actor, kind, payload, reason, prev_hash, hash
                FROM ledger_entry WHERE agency_id = ? ORDER BY seq
                """)
            statement.arguments = [agencyID]
            let rows = try Row.fetchCursor(statement)
            let sqlite = statement.sqliteStatement
            func text(_ column: Int32) -> UnsafeRawBufferPointer {
                UnsafeRawBufferPointer(start: sqlite3_column_text(sqlite, column), count: Int(sqlite3_column_bytes(sqlite, column)))
            }
            func optional(_ column: Int32) -> Int64? {
                sqlite3_column_type(sqlite, column) == SQLITE_NULL ? nil : sqlite3_column_int64(sqlite, column)
            }
            while try rows.next() != nil {
                // The cursor has stepped the statement: read its columns in place.
                let seq = sqlite3_column_int64(sqlite, 0)
                let hash = text(9)
                let previous = text(8)
                let matches = hashing.digest(seq: seq, agencyID: agencyID, recordedAtMillis: sqlite3_column_int64(sqlite, 1),
                                             actor: text(4), kind: text(5), officerID: optional(2), sessionID: optional(3),
                                             storedPayload: text(6), reason: text(7), previousHash: previous)
                    .map { digest in digest.withUnsafeBytes { Hex.matches($0, hex: hash) } } ?? false
                if let problem = verifier.check(seq: seq, contentMatches: matches, previousHash: previous, hash: hash) {
                    return LedgerReport(size: size, head: nil, problem: problem)
                }
                size += 1
            }
            switch verifier.finish() {
            case .success(let anchor): return LedgerReport(size: anchor.size, head: anchor.head, problem: nil)
            case .failure(let problem): return LedgerReport(size: size, head: nil, problem: problem)
            }
        }
    }

    /// The chain's length and head now.
    public func ledgerHead(agencyID: Int64) throws -> LedgerVerifier.Anchor {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM ledger_entry WHERE agency_id = ? ORDER BY seq DESC LIMIT 1",
                                       arguments: [agencyID])
            return .init(size: row?["seq"] ?? 0, head: row?["hash"] ?? LedgerEntry.genesis)
        }
    }

    /// Entries of the chain, newest last, for showing.
    public func ledgerEntries(agencyID: Int64, after seq: Int64 = 0, limit: Int = 100) throws -> [LedgerEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT seq, recorded_at_ms, actor, kind, officer_id, session_id, payload, reason, prev_hash, hash
                FROM ledger_entry WHERE agency_id = ? AND seq > ? ORDER BY seq LIMIT ?
                """, arguments: [agencyID, seq, limit]).map { row in
                LedgerEntry(seq: row[0], agencyID: agencyID, recordedAtMillis: row[1], actor: row[2], kind: row[3], officerID: row[4],
                            sessionID: row[5], payload: LedgerPayload.decode(row[6]) ?? [:], reason: row[7], previousHash: row[8], hash: row[9])
            }
        }
    }

    /// Keeps a signed checkpoint in the database too (the copy that matters is the one kept outside).
    public func saveCheckpoint(agencyID: Int64, _ checkpoint: Checkpoint) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO ledger_checkpoint (agency_id, size, head, taken_at, public_key, signature) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [agencyID, checkpoint.size, checkpoint.head, checkpoint.takenAt, checkpoint.publicKey, checkpoint.signature])
        }
    }

    /// The checkpoints kept in the database, oldest first.
    public func checkpoints(agencyID: Int64) throws -> [Checkpoint] {
        try writer.read { db in
            let code = try String.fetchOne(db, sql: "SELECT code FROM agency WHERE id = ?", arguments: [agencyID]) ?? ""
            return try Row.fetchAll(db, sql: "SELECT size, head, taken_at, public_key, signature FROM ledger_checkpoint WHERE agency_id = ? ORDER BY size",
                                    arguments: [agencyID]).map { row in
                Checkpoint(agency: code, size: row[0], head: row[1], takenAt: row[2], publicKey: row[3], signature: row[4])
            }
        }
    }

    /// Records the agency's public signing key (base64).
    public func setSigningKey(agencyID: Int64, publicKey: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE agency SET signing_public_key = ? WHERE id = ?", arguments: [publicKey, agencyID])
        }
    }

    /// The agency's public signing key, if one was made.
    public func signingKey(agencyID: Int64) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT signing_public_key FROM agency WHERE id = ?", arguments: [agencyID]) }
    }
}
