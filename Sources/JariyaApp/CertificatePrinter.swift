import Foundation
import JariyaCore
import JariyaDocuments
import JariyaStore

/// Prints issued certificates: the record's signed facts, the agency's
/// signer and verification address, the template from `Certificates/`.
/// Used by the server for downloads and by `jariya certificate issue`.
public struct CertificatePrinter: Sendable {
    /// The `Certificates/` folder.
    public let folder: URL
    /// The verification base address when the agency has set none.
    public let defaultBaseURL: String
    private let templates: [String: CertificateTemplate]

    /// Why a certificate could not be printed.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, naming the certificate or template.
        public let description: String
    }

    /// A printer over a folder of templates, each read and checked once now.
    /// A template that is missing or broken is reported when it is needed,
    /// so one bad design does not stop the others.
    public init(folder: URL, defaultBaseURL: String) {
        self.folder = folder
        self.defaultBaseURL = defaultBaseURL
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".svg") }.map { String($0.dropLast(4)) }
        templates = Dictionary(uniqueKeysWithValues: names.compactMap { name in
            (try? CertificateTemplate.load(named: name, from: folder)).map { (name, $0) }
        })
    }

    /// The template with a name, read now if it was not there at start.
    public func template(named name: String) throws -> CertificateTemplate {
        if let template = templates[name] { return template }
        do { return try CertificateTemplate.load(named: name, from: folder) } catch { throw Failure(description: error.description) }
    }

    /// The public page of a certificate.
    public func verifyURL(code: String, agency: Agency) -> String {
        CertificatePrint.verifyURL(base: agency.verifyBaseUrl.isEmpty ? defaultBaseURL : agency.verifyBaseUrl, code: code)
    }

    /// What goes on the paper.
    public func content(of record: CertificateRecord, agency: Agency) throws -> CertificatePrint {
        guard let signed = record.signed else { throw Failure(description: "certificate \(record.serial): its stored facts cannot be read") }
        return CertificatePrint(certificate: signed, signerName: agency.signerName, signerPosition: agency.signerPosition,
                                verifyURL: verifyURL(code: record.code, agency: agency))
    }

    /// The certificate as PDF.
    public func pdf(_ record: CertificateRecord, agency: Agency) throws -> Data {
        let content = try content(of: record, agency: agency)
        do { return try CertificateRenderer.pdf(content, template: template(named: record.template)) } catch let error as CertificateRenderer.Failure {
            throw Failure(description: "certificate \(record.serial): \(error.description)")
        }
    }
}
