import Foundation
import JariyaCore

/// Everything printed on one certificate: the signed facts and what goes
/// around them (who signs on paper, where to check it).
public struct CertificatePrint: Sendable {
    /// The signed facts.
    public var certificate: SignedCertificate
    /// The signer's name, printed in parentheses under the signature line.
    public var signerName: String
    /// The signer's position, e.g. "นายกองค์การบริหารส่วนตำบลยอดแกง".
    public var signerPosition: String
    /// The public verification page, e.g. "https://yodkaeng.go.th/verify/7F3K-92QX".
    public var verifyURL: String

    /// What to print.
    public init(certificate: SignedCertificate, signerName: String, signerPosition: String, verifyURL: String) {
        self.certificate = certificate
        self.signerName = signerName
        self.signerPosition = signerPosition
        self.verifyURL = verifyURL
    }

    /// The verification page of a code under a base address.
    public static func verifyURL(base: String, code: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/verify/\(code)"
    }

    /// Every placeholder's value.
    public var values: [String: String] {
        let facts = certificate.facts
        let date = facts.issuedDate
        return [
            "agency_name": facts.agencyName,
            "officer_name": facts.officerName,
            "course_title": facts.courseTitle,
            "fiscal_year": String(facts.fiscalYear),
            "fiscal_year_th": ThaiText.thaiDigits(String(facts.fiscalYear)),
            "date_line": date.map { ThaiDate.certificateLine($0) } ?? "",
            "date_line_th": date.map { ThaiDate.certificateLine($0, thaiDigits: true) } ?? "",
            "signer_name": signerName,
            "signer_position": signerPosition,
            "serial": facts.serial,
            "verify_url": verifyURL,
            "verify_code": facts.code,
        ]
    }
}

/// Prints certificates as PDF from a template.
public enum CertificateRenderer {
    /// What starts the PDF keyword that carries the signed facts, so the
    /// file can be checked offline with `jariya certificate verify`.
    public static let keywordPrefix = "JariyaCertificate:"

    /// Why a certificate could not be printed.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// The certificate as a one-page PDF.
    public static func pdf(_ print: CertificatePrint, template: CertificateTemplate) throws(Failure) -> Data {
        let qr: QRCode
        do { qr = try QRCode(print.verifyURL) } catch { throw Failure(description: "the verification address is too long for a QR code") }
        let values = print.values
        let svg = template.filled(with: values, qr: qr)
        let facts = print.certificate.facts
        let metadata = SVGRenderer.Metadata(
            title: "เกียรติบัตร \(facts.serial) \(facts.officerName)",
            author: facts.agencyName,
            subject: facts.courseTitle,
            created: "\(facts.issuedOn)T00:00:00+07:00",
            keywords: keywordPrefix + print.certificate.embedded
        )
        do { return try SVGRenderer.pdf(svg: svg, metadata: metadata, lines: template.lines(with: values), viewBox: template.viewBox) } catch {
            throw Failure(description: "template \(template.name): \(error)")
        }
    }

    /// The facts a Jariya PDF carries, signed or not; nil when it carries none.
    public static func embeddedFacts(in pdf: Data) -> CertificateFacts? { embeddedCertificate(in: pdf)?.facts }

    /// The signed facts a Jariya PDF carries, or nil when it carries none.
    public static func embeddedCertificate(in pdf: Data) -> SignedCertificate? {
        let marker = Data(keywordPrefix.utf8)
        guard let start = pdf.range(of: marker) else { return nil }
        // Base64 never holds a parenthesis, so the string ends at the first one.
        guard let end = pdf[start.upperBound...].firstIndex(of: UInt8(ascii: ")")), end - start.upperBound < 1 << 16 else { return nil }
        return SignedCertificate(embedded: String(decoding: pdf[start.upperBound..<end], as: UTF8.self))
    }
}
