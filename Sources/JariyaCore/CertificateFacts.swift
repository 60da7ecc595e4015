import Crypto
import Foundation

/// What a certificate attests, exactly as printed and as signed: the facts a
/// reader compares with the paper. Changing any of them breaks the signature.
public struct CertificateFacts: Codable, Hashable, Sendable {
    /// Serial number, unique per agency, e.g. "ยก-2567-0001".
    public var serial: String
    /// The short code of the public verification page, e.g. "7F3K-92QX".
    public var code: String
    /// The agency's code.
    public var agency: String
    /// The agency's full Thai name.
    public var agencyName: String
    /// The officer's name with prefix, as on the roster when issued.
    public var officerName: String
    /// The course's key.
    public var courseKey: String
    /// The published version of the course completed.
    public var courseVersion: Int
    /// The course's Thai title in that version.
    public var courseTitle: String
    /// Buddhist-Era fiscal year of the completion.
    public var fiscalYear: Int
    /// The day of completion in Bangkok, ISO "yyyy-MM-dd".
    public var issuedOn: String

    /// Facts from their parts.
    public init(serial: String, code: String, agency: String, agencyName: String, officerName: String, courseKey: String,
                courseVersion: Int, courseTitle: String, fiscalYear: Int, issuedOn: String) {
        self.serial = serial
        self.code = code
        self.agency = agency
        self.agencyName = agencyName
        self.officerName = officerName
        self.courseKey = courseKey
        self.courseVersion = courseVersion
        self.courseTitle = courseTitle
        self.fiscalYear = fiscalYear
        self.issuedOn = issuedOn
    }

    /// The exact bytes that are signed: one "name:value" line per fact in a
    /// fixed order, line breaks in values folded to spaces so no value can
    /// forge another line.
    public var signedText: Data {
        let lines = [
            "jariya-certificate:1",
            "serial:\(serial)", "code:\(code)", "agency:\(agency)", "agency_name:\(agencyName)",
            "officer_name:\(officerName)", "course:\(courseKey)", "course_version:\(courseVersion)",
            "course_title:\(courseTitle)", "fiscal_year:\(fiscalYear)", "issued_on:\(issuedOn)",
        ].map { $0.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The day of issue as a calendar date.
    public var issuedDate: CivilDate? { CivilDate(iso: issuedOn) }
}

/// Certificate facts with the agency's Ed25519 signature over them: what the
/// database keeps, what the PDF carries, and what a verifier checks.
public struct SignedCertificate: Codable, Hashable, Sendable {
    /// The facts.
    public var facts: CertificateFacts
    /// The signing agency's public key, base64.
    public var publicKey: String
    /// Ed25519 signature over `facts.signedText`, base64.
    public var signature: String

    /// A signed certificate from its parts.
    public init(facts: CertificateFacts, publicKey: String, signature: String) {
        self.facts = facts
        self.publicKey = publicKey
        self.signature = signature
    }

    /// Signs facts with the agency's key.
    public static func sign(_ facts: CertificateFacts, key: Curve25519.Signing.PrivateKey) throws -> SignedCertificate {
        let signature = try key.signature(for: facts.signedText)
        return SignedCertificate(facts: facts, publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
                                 signature: signature.base64EncodedString())
    }

    /// Whether the signature is good and was made by the trusted key (base64).
    /// The key carried inside is never trusted on its own: anyone can sign
    /// with a key of their own making.
    public func isSigned(by trustedKey: String) -> Bool {
        guard trustedKey == publicKey, let raw = Data(base64Encoded: trustedKey),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
              let signature = Data(base64Encoded: signature) else { return false }
        return key.isValidSignature(signature, for: facts.signedText)
    }

    /// A compact form for embedding in a PDF: base64 of the JSON, ASCII only.
    public var embedded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()).base64EncodedString()
    }

    /// Reads the embedded form back.
    public init?(embedded text: String) {
        guard let data = Data(base64Encoded: text), let value = try? JSONDecoder().decode(Self.self, from: data) else { return nil }
        self = value
    }
}
