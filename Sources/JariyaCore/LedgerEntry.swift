import Crypto
import Foundation

/// One fact in the agency's append-only ledger: an attendance, a correction,
/// a quiz submission, a completion, a certificate. Each entry's hash covers its
/// content and the previous entry's hash, so changing, removing, inserting or
/// reordering any past entry breaks every hash after it.
public struct LedgerEntry: Hashable, Sendable {
    /// 1, 2, 3, … with no gaps, per agency.
    public var seq: Int64
    /// The agency whose chain this is.
    public var agencyID: Int64
    /// When it was recorded, in milliseconds since 1970 (UTC): an integer, so
    /// it reads back exactly as it was hashed.
    public var recordedAtMillis: Int64
    /// Who recorded it: a username, or "system".
    public var actor: String
    /// What kind of fact, e.g. "attendance".
    public var kind: String
    /// The officer it is about, when there is one.
    public var officerID: Int64?
    /// The training session it is about, when there is one.
    public var sessionID: Int64?
    /// The details, as plain strings.
    public var payload: [String: String]
    /// Why, for corrections and revocations; empty otherwise.
    public var reason: String
    /// The previous entry's hash (64 zeros for the first).
    public var previousHash: String
    /// SHA-256 of the canonical encoding, hex.
    public var hash: String

    /// The hash that precedes the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// Makes an entry, computing its hash from its content and the previous hash.
    public init(seq: Int64, agencyID: Int64, recordedAt: Date, actor: String, kind: String, officerID: Int64?,
                sessionID: Int64?, payload: [String: String], reason: String, previousHash: String) {
        self.init(seq: seq, agencyID: agencyID, recordedAtMillis: Int64((recordedAt.timeIntervalSince1970 * 1000).rounded(.down)),
                  actor: actor, kind: kind, officerID: officerID, sessionID: sessionID, payload: payload, reason: reason,
                  previousHash: previousHash, hash: "")
        hash = computedHash()
    }

    /// An entry as stored, hash included, for verifying.
    public init(seq: Int64, agencyID: Int64, recordedAtMillis: Int64, actor: String, kind: String, officerID: Int64?,
                sessionID: Int64?, payload: [String: String], reason: String, previousHash: String, hash: String) {
        self.seq = seq
        self.agencyID = agencyID
        self.recordedAtMillis = recordedAtMillis
        self.actor = actor
        self.kind = kind
        self.officerID = officerID
        self.sessionID = sessionID
        self.payload = payload
        self.reason = reason
        self.previousHash = previousHash
        self.hash = hash
    }

    /// When it was recorded.
    public var recordedAt: Date { Date(timeIntervalSince1970: Double(recordedAtMillis) / 1000) }

    /// The hash the entry's content gives now, to compare with the stored one.
    public func computedHash() -> String {
        withRawFields { hashing, fields in
            hashing.digest(seq: seq, agencyID: agencyID, recordedAtMillis: recordedAtMillis, actor: fields[0], kind: fields[1],
                           officerID: officerID, sessionID: sessionID, storedPayload: fields[2], reason: fields[3],
                           previousHash: fields[4]).map { Hex.string($0) } ?? ""
        }
    }

    /// The canonical encoding: one `name:length:value` line per field, in a
    /// fixed order (jariya-ledger, seq, agency, at, actor, kind, officer,
    /// session, each `payload.KEY` sorted by key, reason, prev), lengths in
    /// UTF-8 bytes, so no value can be mistaken for another field and any
    /// language can recompute it.
    public func canonicalBytes() -> [UInt8] {
        withRawFields { hashing, fields in
            hashing.canonicalBytes(seq: seq, agencyID: agencyID, recordedAtMillis: recordedAtMillis, actor: fields[0], kind: fields[1],
                                   officerID: officerID, sessionID: sessionID, storedPayload: fields[2], reason: fields[3],
                                   previousHash: fields[4]) ?? []
        }
    }

    private func withRawFields<T>(_ body: (inout LedgerHashing, [UnsafeRawBufferPointer]) -> T) -> T {
        var hashing = LedgerHashing()
        let texts = [actor, kind, LedgerPayload.encode(payload), reason, previousHash].map { Array($0.utf8) }
        return texts[0].withUnsafeBytes { actor in
            texts[1].withUnsafeBytes { kind in
                texts[2].withUnsafeBytes { payload in
                    texts[3].withUnsafeBytes { reason in
                        texts[4].withUnsafeBytes { previous in body(&hashing, [actor, kind, payload, reason, previous]) }
                    }
                }
            }
        }
    }
}
