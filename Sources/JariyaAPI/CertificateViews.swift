/// A certificate as the public verification API shows it: the signed facts,
/// whether they still stand, and what a reader needs to check the signature.
public struct CertificateView: Codable, Sendable, Equatable {
    /// The verification code, "7F3K-92QX".
    public var code: String
    /// The serial number, "ยก-2567-0001".
    public var serial: String
    /// "valid", "revoked", or "invalid" (the signature does not hold).
    public var status: String
    /// The officer's name as printed.
    public var officerName: String
    /// The course's key.
    public var courseKey: String
    /// The published course version completed.
    public var courseVersion: Int
    /// The course's Thai title.
    public var courseTitle: String
    /// Buddhist-Era fiscal year.
    public var fiscalYear: Int
    /// Day of completion, ISO "yyyy-MM-dd".
    public var issuedOn: String
    /// The agency's code.
    public var agency: String
    /// The agency's Thai name.
    public var agencyName: String
    /// When it was revoked (ISO 8601), if it was.
    public var revokedAt: String?
    /// Why it was revoked.
    public var revokeReason: String?
    /// The agency's Ed25519 public key, base64, as at `/.well-known/jariya-signing-key`.
    public var publicKey: String
    /// The Ed25519 signature over the facts, base64.
    public var signature: String
    /// The public page of this certificate.
    public var verifyUrl: String

    /// A view from its parts.
    public init(code: String, serial: String, status: String, officerName: String, courseKey: String, courseVersion: Int,
                courseTitle: String, fiscalYear: Int, issuedOn: String, agency: String, agencyName: String, revokedAt: String?,
                revokeReason: String?, publicKey: String, signature: String, verifyUrl: String) {
        self.code = code
        self.serial = serial
        self.status = status
        self.officerName = officerName
        self.courseKey = courseKey
        self.courseVersion = courseVersion
        self.courseTitle = courseTitle
        self.fiscalYear = fiscalYear
        self.issuedOn = issuedOn
        self.agency = agency
        self.agencyName = agencyName
        self.revokedAt = revokedAt
        self.revokeReason = revokeReason
        self.publicKey = publicKey
        self.signature = signature
        self.verifyUrl = verifyUrl
    }
}

/// An officer's certificates, newest first.
public struct CertificatesView: Codable, Sendable, Equatable {
    /// The certificates, revoked ones included.
    public var certificates: [CertificateView]

    /// A list from its items.
    public init(certificates: [CertificateView]) {
        self.certificates = certificates
    }
}

/// The signing keys an agency publishes at `/.well-known/jariya-signing-key`.
public struct SigningKeysView: Codable, Sendable, Equatable {
    /// One key per agency served.
    public var keys: [SigningKeyView]

    /// A list from its items.
    public init(keys: [SigningKeyView]) {
        self.keys = keys
    }
}

/// One agency's public key.
public struct SigningKeyView: Codable, Sendable, Equatable {
    /// The agency's code.
    public var agency: String
    /// The agency's Thai name.
    public var name: String
    /// Always "Ed25519".
    public var algorithm: String
    /// The raw 32-byte public key, base64.
    public var publicKey: String

    /// A key from its parts.
    public init(agency: String, name: String, algorithm: String = "Ed25519", publicKey: String) {
        self.agency = agency
        self.name = name
        self.algorithm = algorithm
        self.publicKey = publicKey
    }
}
