/// Walks a ledger in order and finds the first entry that breaks the chain.
/// It is fed one entry at a time, so a million entries never sit in memory.
public struct LedgerVerifier: Sendable {
    /// What is wrong with an entry.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The entry's content does not give its stored hash: it was edited.
        case contentChanged(seq: Int64)
        /// The entry does not point at the hash of the one before it.
        case brokenLink(seq: Int64)
        /// A sequence number is missing or out of order: an entry was removed or moved.
        case gap(expected: Int64, found: Int64)
        /// The chain is shorter than a checkpoint taken earlier: entries were cut off.
        case truncated(checkpointSize: Int64, size: Int64)
        /// The entry a checkpoint names has another hash now: the chain was rewritten.
        case checkpointMismatch(seq: Int64)

        public var description: String {
            switch self {
            case .contentChanged(let seq): "entry \(seq): its content does not match its hash (edited after it was written)"
            case .brokenLink(let seq): "entry \(seq): it does not follow the hash of entry \(seq - 1) (an entry before it was changed or swapped)"
            case .gap(let expected, let found): "entry \(expected): missing; the next entry is \(found) (removed or reordered)"
            case .truncated(let checkpoint, let size): "entry \(size + 1): missing; a checkpoint saw \(checkpoint) entries but the ledger has \(size)"
            case .checkpointMismatch(let seq): "entry \(seq): differs from the checkpoint taken earlier (the chain was rewritten from there or before)"
            }
        }

        /// The sequence number of the first bad entry.
        public var seq: Int64 {
            switch self {
            case .contentChanged(let seq), .brokenLink(let seq), .checkpointMismatch(let seq): seq
            case .gap(let expected, _): expected
            case .truncated(_, let size): size + 1
            }
        }
    }

    /// A point a checkpoint fixed: the chain's length and head then.
    public struct Anchor: Equatable, Sendable {
        /// Entries in the chain then.
        public var size: Int64
        /// The hash of entry `size`.
        public var head: String

        /// An anchor from its parts.
        public init(size: Int64, head: String) {
            self.size = size
            self.head = head
        }
    }

    private var expected: Int64 = 1
    private var previousHash = Array(LedgerEntry.genesis.utf8)
    private let anchors: [Int64: [UInt8]]
    private let largestAnchor: Int64

    /// A verifier that also holds the chain to these checkpoints.
    public init(anchors: [Anchor] = []) {
        self.anchors = Dictionary(anchors.map { ($0.size, Array($0.head.utf8)) }, uniquingKeysWith: { first, _ in first })
        largestAnchor = anchors.map(\.size).max() ?? 0
    }

    /// Checks the next entry; returns the first problem it shows, if any.
    public mutating func check(_ entry: LedgerEntry) -> Problem? {
        let matches = entry.computedHash() == entry.hash
        return Array(entry.previousHash.utf8).withUnsafeBytes { previous in
            Array(entry.hash.utf8).withUnsafeBytes { hash in
                check(seq: entry.seq, contentMatches: matches, previousHash: previous, hash: hash)
            }
        }
    }

    /// Checks the next entry from its stored hex hashes and whether its content
    /// gave its hash; the form the store's fast path uses.
    public mutating func check(seq: Int64, contentMatches: Bool, previousHash stored: UnsafeRawBufferPointer,
                               hash: UnsafeRawBufferPointer) -> Problem? {
        defer {
            expected = seq + 1
            previousHash.removeAll(keepingCapacity: true)
            previousHash.append(contentsOf: hash)
        }
        if seq != expected { return .gap(expected: expected, found: seq) }
        if !contentMatches { return .contentChanged(seq: seq) }
        if !Self.same(previousHash, stored) { return .brokenLink(seq: seq) }
        if !anchors.isEmpty, let head = anchors[seq], !Self.same(head, hash) { return .checkpointMismatch(seq: seq) }
        return nil
    }

    private static func same(_ bytes: [UInt8], _ other: UnsafeRawBufferPointer) -> Bool {
        bytes.count == other.count && bytes.withUnsafeBytes { $0.elementsEqual(other) }
    }

    /// After the last entry: the chain's size and head, or a truncation problem.
    public func finish() -> Result<Anchor, Problem> {
        let size = expected - 1
        if size < largestAnchor { return .failure(.truncated(checkpointSize: largestAnchor, size: size)) }
        return .success(Anchor(size: size, head: String(decoding: previousHash, as: UTF8.self)))
    }
}
