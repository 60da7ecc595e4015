import Foundation
import GRDB
import JariyaCore

/// An issued certificate as the database keeps it: the signed facts, and
/// its revocation when there is one.
public struct CertificateRecord: Hashable, Sendable, SnakeCaseRecord {
    /// Row id.
    public var id: Int64?
    /// The agency.
    public var agencyId: Int64
    /// The completion it certifies.
    public var completionId: Int64
    /// The officer.
    public var officerId: Int64
    /// The course.
    public var courseKey: String
    /// The published course version completed.
    public var courseVersionId: Int64
    /// The fiscal year (BE).
    public var fiscalYear: Int
    /// Running number within the agency and fiscal year.
    public var number: Int
    /// "ยก-2567-0001".
    public var serial: String
    /// The verification code, "7F3K-92QX".
    public var code: String
    /// The template it prints with.
    public var template: String
    /// `CertificateFacts` as JSON, exactly as signed.
    public var facts: String
    /// The signing key, base64.
    public var publicKey: String
    /// Ed25519 signature over the facts, base64.
    public var signature: String
    /// When it was issued.
    public var issuedAt: Date
    /// The ledger entry that records the issue.
    public var ledgerSeq: Int64
    /// When it was revoked, or nil.
    public var revokedAt: Date?
    /// The ledger entry of the revocation.
    public var revokedSeq: Int64?
    /// Why it was revoked.
    public var revokeReason: String?

    public static let databaseTableName = "certificate"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The signed facts, as a verifier checks them.
    public var signed: SignedCertificate? {
        guard let facts = try? JSONDecoder().decode(CertificateFacts.self, from: Data(facts.utf8)) else { return nil }
        return SignedCertificate(facts: facts, publicKey: publicKey, signature: signature)
    }

    /// Whether it still stands.
    public var isValid: Bool { revokedAt == nil }
}

/// What issues certificates: the agency's signing key and a source of
/// verification codes (random unless a test pins it).
public struct CertificateIssuer: Sendable {
    /// The agency's key.
    public var key: SigningKey
    /// Makes a fresh verification code.
    public var makeCode: @Sendable () -> String

    /// An issuer with random codes.
    public init(key: SigningKey, makeCode: @escaping @Sendable () -> String = {
        var generator = SystemRandomNumberGenerator()
        return CertificateSerial.code(using: &generator)
    }) {
        self.key = key
        self.makeCode = makeCode
    }
}

/// Why a certificate could not be issued or revoked.
public enum CertificateError: Error, Equatable, CustomStringConvertible {
    /// No certificate has this serial or code.
    case notFound(String)
    /// It is already revoked.
    case alreadyRevoked(String)
    /// A revocation needs a reason.
    case reasonRequired
    /// The key given is not the agency's registered one.
    case notTheAgencysKey
    /// The course is not published.
    case unknownCourse(String)

    public var description: String {
        switch self {
        case .notFound(let what): "no certificate \(what)"
        case .alreadyRevoked(let serial): "certificate \(serial) is already revoked"
        case .reasonRequired: "a revocation needs a reason (--reason)"
        case .notTheAgencysKey: "the signing key is not the agency's registered key"
        case .unknownCourse(let key): "no published course \(key)"
        }
    }
}
