import Crypto
import Foundation

/// A signed statement of the ledger's length and head at a moment. Kept
/// outside the database (printed, filed, published with a report), it shows
/// later that the chain was not rewritten from scratch.
public struct Checkpoint: Codable, Hashable, Sendable {
    /// The agency's code.
    public var agency: String
    /// Entries in the chain.
    public var size: Int64
    /// The hash of the last entry.
    public var head: String
    /// When it was taken (UTC, ISO 8601).
    public var takenAt: String
    /// The agency's Ed25519 public key, base64.
    public var publicKey: String
    /// Ed25519 signature over `signedText`, base64.
    public var signature: String

    /// A checkpoint from its parts, as read back from a file or the database.
    public init(agency: String, size: Int64, head: String, takenAt: String, publicKey: String, signature: String) {
        self.agency = agency
        self.size = size
        self.head = head
        self.takenAt = takenAt
        self.publicKey = publicKey
        self.signature = signature
    }

    /// The exact text that is signed.
    public static func signedText(agency: String, size: Int64, head: String, takenAt: String) -> Data {
        Data("jariya-checkpoint:1\nagency:\(agency)\nsize:\(size)\nhead:\(head)\nat:\(takenAt)\n".utf8)
    }

    /// Signs a new checkpoint.
    public static func sign(agency: String, size: Int64, head: String, at instant: Date,
                            key: Curve25519.Signing.PrivateKey) throws -> Checkpoint {
        let takenAt = ISO8601DateFormatter().string(from: instant)
        let signature = try key.signature(for: signedText(agency: agency, size: size, head: head, takenAt: takenAt))
        return Checkpoint(agency: agency, size: size, head: head, takenAt: takenAt,
                          publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
                          signature: signature.base64EncodedString())
    }

    /// Whether the signature is good for the given public key (base64).
    public func isSigned(by publicKey: String) -> Bool {
        guard publicKey == self.publicKey, let raw = Data(base64Encoded: publicKey),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
              let signature = Data(base64Encoded: signature) else { return false }
        return key.isValidSignature(signature, for: Self.signedText(agency: agency, size: size, head: head, takenAt: takenAt))
    }

    /// The anchor the checkpoint fixes.
    public var anchor: LedgerVerifier.Anchor { .init(size: size, head: head) }
}
