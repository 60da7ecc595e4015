import Crypto

/// Computes ledger hashes from raw bytes into one reused buffer. This is the
/// single definition of the canonical encoding (see `LedgerEntry`), written
/// for speed because `ledger verify` runs it over every entry ever recorded.
public struct LedgerHashing {
    private var buffer: [UInt8] = []

    /// A hasher with its buffer ready.
    public init() { buffer.reserveCapacity(1024) }

    /// The SHA-256 of an entry's canonical encoding, or nil when the stored
    /// payload is not in `LedgerPayload`'s form (which is itself tampering).
    public mutating func digest(seq: Int64, agencyID: Int64, recordedAtMillis: Int64, actor: UnsafeRawBufferPointer,
                                kind: UnsafeRawBufferPointer, officerID: Int64?, sessionID: Int64?,
                                storedPayload: UnsafeRawBufferPointer, reason: UnsafeRawBufferPointer,
                                previousHash: UnsafeRawBufferPointer) -> SHA256.Digest? {
        guard encode(seq: seq, agencyID: agencyID, recordedAtMillis: recordedAtMillis, actor: actor, kind: kind, officerID: officerID,
                     sessionID: sessionID, storedPayload: storedPayload, reason: reason, previousHash: previousHash) else { return nil }
        return buffer.withUnsafeBytes { SHA256.hash(data: $0) }
    }

    /// The canonical bytes, for auditors who want to see what is hashed.
    public mutating func canonicalBytes(seq: Int64, agencyID: Int64, recordedAtMillis: Int64, actor: UnsafeRawBufferPointer,
                                        kind: UnsafeRawBufferPointer, officerID: Int64?, sessionID: Int64?,
                                        storedPayload: UnsafeRawBufferPointer, reason: UnsafeRawBufferPointer,
                                        previousHash: UnsafeRawBufferPointer) -> [UInt8]? {
        encode(seq: seq, agencyID: agencyID, recordedAtMillis: recordedAtMillis, actor: actor, kind: kind, officerID: officerID,
               sessionID: sessionID, storedPayload: storedPayload, reason: reason, previousHash: previousHash) ? buffer : nil
    }

    private mutating func encode(seq: Int64, agencyID: Int64, recordedAtMillis: Int64, actor: UnsafeRawBufferPointer,
                                 kind: UnsafeRawBufferPointer, officerID: Int64?, sessionID: Int64?,
                                 storedPayload: UnsafeRawBufferPointer, reason: UnsafeRawBufferPointer,
                                 previousHash: UnsafeRawBufferPointer) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: Self.header)
        number(Self.seq, seq)
        number(Self.agency, agencyID)
        number(Self.at, recordedAtMillis)
        field(Self.actor, actor)
        field(Self.kind, kind)
        optionalNumber(Self.officer, officerID)
        optionalNumber(Self.session, sessionID)
        guard payload(storedPayload) else { return false }
        field(Self.reason, reason)
        field(Self.prev, previousHash)
        return true
    }

    // `name:length:value\n`, the length in bytes.
    private mutating func field(_ name: [UInt8], _ value: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: name)
        buffer.append(0x3A)
        decimal(Int64(value.count))
        buffer.append(0x3A)
        buffer.append(contentsOf: value)
        buffer.append(0x0A)
    }

    private mutating func number(_ name: [UInt8], _ value: Int64) {
        buffer.append(contentsOf: name)
        buffer.append(0x3A)
        decimal(Int64(Self.decimalLength(value)))
        buffer.append(0x3A)
        decimal(value)
        buffer.append(0x0A)
    }

    private static func decimalLength(_ value: Int64) -> Int {
        if value < 0 { return 1 + decimalLength(-value) }
        var length = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            length += 1
        }
        return length
    }

    private mutating func optionalNumber(_ name: [UInt8], _ value: Int64?) {
        if let value {
            number(name, value)
        } else {
            buffer.append(contentsOf: name)
            buffer.append(contentsOf: Self.emptyValue)
        }
    }

    private mutating func decimal(_ value: Int64) {
        Self.appendDecimal(value, to: &buffer)
    }

    private static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 {
            bytes.append(0x2D)
            appendDecimal(-value, to: &bytes)
            return
        }
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(0x30 + value % 10))
    }

    /// The stored payload's `key:len:value\n` lines become `payload.key:len:value\n`.
    private mutating func payload(_ stored: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < stored.count {
            guard let colon = (index..<stored.count).first(where: { stored[$0] == 0x3A }) else { return false }
            var cursor = colon + 1
            var length = 0
            while cursor < stored.count, stored[cursor] != 0x3A {
                let digit = Int(stored[cursor]) - 0x30
                guard (0...9).contains(digit), length < 1 << 40 else { return false }
                length = length * 10 + digit
                cursor += 1
            }
            let end = cursor + 1 + length
            guard cursor < stored.count, end < stored.count, stored[end] == 0x0A else { return false }
            buffer.append(contentsOf: Self.payloadPrefix)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: stored[index...end]))
            index = end + 1
        }
        return true
    }

    private static let header = Array("jariya-ledger:1:1\n".utf8)
    private static let seq = Array("seq".utf8)
    private static let agency = Array("agency".utf8)
    private static let at = Array("at".utf8)
    private static let actor = Array("actor".utf8)
    private static let kind = Array("kind".utf8)
    private static let officer = Array("officer".utf8)
    private static let session = Array("session".utf8)
    private static let reason = Array("reason".utf8)
    private static let prev = Array("prev".utf8)
    private static let payloadPrefix = Array("payload.".utf8)
    private static let emptyValue = Array(":0:\n".utf8)
}
