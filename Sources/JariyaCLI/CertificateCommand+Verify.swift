import ArgumentParser
import Foundation
import JariyaAPI
import JariyaCore
import JariyaDocuments
import JariyaStore

extension CertificateCommand {
    /// `jariya certificate verify CODE|FILE.pdf`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a certificate offline: its signature, and for a PDF that the printed text matches what was signed.",
            discussion: """
                Give a PDF file or a verification code (looked up in --db). The signature is checked against --public-key:
                a file saved from https://AGENCY/.well-known/jariya-signing-key, or the base64 key itself; without it,
                against the key registered in the database. Exit 0 when genuine and standing, 1 otherwise.
                """
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "A PDF file or a verification code such as 7F3K-92QX.") var certificate: String
        @Option(help: "The agency's public key: a saved /.well-known/jariya-signing-key file or the base64 key.") var publicKey: String?

        func run() throws {
            let db = FileManager.default.fileExists(atPath: database.path) ? try database.open() : nil
            var pdf: Data?
            let signed: SignedCertificate
            if FileManager.default.fileExists(atPath: certificate) {
                guard let data = FileManager.default.contents(atPath: certificate), data.starts(with: Data("%PDF".utf8)) else {
                    throw CLIError("\(certificate) is not a PDF file")
                }
                guard let carried = CertificateRenderer.embeddedCertificate(in: data) else {
                    throw CLIError("\(certificate) carries no Jariya certificate data (not made by Jariya, or saved again by another program)")
                }
                pdf = data
                signed = carried
            } else {
                guard let code = CertificateSerial.normalizedCode(certificate) else {
                    throw CLIError("\(certificate) is neither a file nor a verification code like 7F3K-92QX")
                }
                guard let db else { throw CLIError("no database at \(database.path) to look the code up in; give the PDF file instead") }
                guard let found = try db.certificate(code: code)?.signed else { throw CLIError("no certificate has the code \(code)") }
                signed = found
            }
            let trusted = try trustedKey(agency: signed.facts.agency, db: db)
            var problems: [String] = []
            if !signed.isSigned(by: trusted) { problems.append("the signature does NOT hold: the facts were changed or not signed by the agency's key") }
            if let pdf { problems += try printedTextProblems(pdf, facts: signed.facts) }
            if let db, let record = try db.certificate(code: signed.facts.code) {
                if let revokedAt = record.revokedAt {
                    problems.append("revoked on \(ThaiDate.long(CivilDate(revokedAt, in: .bangkok))): \(record.revokeReason ?? "")")
                }
            } else {
                warn("revocation is checked online: open the certificate's verification page (its QR code)")
            }
            let facts = signed.facts
            say("เลขที่      \(facts.serial)   (รหัสตรวจสอบ \(facts.code))")
            say("ชื่อ-สกุล    \(facts.officerName)")
            say("หลักสูตร    \(facts.courseTitle) (\(facts.courseKey) ฉบับที่ \(facts.courseVersion))")
            say("ปีงบประมาณ  \(facts.fiscalYear)   วันที่ \(facts.issuedDate.map { ThaiDate.long($0) } ?? facts.issuedOn)")
            say("หน่วยงาน    \(facts.agencyName)")
            guard problems.isEmpty else {
                problems.forEach { warn("NOT VALID: \($0)") }
                throw ExitCode(1)
            }
            say("ถูกต้อง: ลายมือชื่อดิจิทัลของหน่วยงานยืนยันข้อมูลข้างต้น (valid: signed by the agency's key)")
        }

        /// The key to trust: from --public-key (a well-known file or the key), else the database.
        private func trustedKey(agency: String, db: AppDatabase?) throws -> String {
            if let publicKey {
                guard FileManager.default.fileExists(atPath: publicKey) else { return publicKey }
                let data = FileManager.default.contents(atPath: publicKey) ?? Data()
                if let published = try? JSONDecoder().decode(SigningKeysView.self, from: data) {
                    guard let key = published.keys.first(where: { $0.agency == agency }) else {
                        throw CLIError("\(publicKey) holds no key for the agency \(agency)")
                    }
                    return key.publicKey
                }
                return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard let db, let id = try db.agencies().first(where: { $0.code == agency })?.id, let key = try db.signingKey(agencyID: id) else {
                throw CLIError("no key to check against: give --public-key (save https://…/.well-known/jariya-signing-key) or a --db that knows the agency \(agency)")
            }
            return key
        }

        /// Whether the text printed on the page says what was signed. Spaces
        /// are ignored: text extraction may add them around stacked marks.
        private func printedTextProblems(_ pdf: Data, facts: CertificateFacts) throws -> [String] {
            guard let text = try PDFText.extract(pdf) else {
                warn("pdftotext is not installed (apt-get install poppler-utils): only the signed data was checked; compare the printed text by eye")
                return []
            }
            let printed = text.filter { !$0.isWhitespace }
            return [("name", facts.officerName), ("course title", facts.courseTitle), ("serial", facts.serial)].compactMap { field, value in
                printed.contains(value.filter { !$0.isWhitespace }) ? nil : "the printed \(field) differs from the signed \(field) \"\(value)\""
            }
        }
    }
}

/// The text layer of a PDF, read with poppler's pdftotext when it is installed.
enum PDFText {
    static func extract(_ pdf: Data) throws -> String? {
        guard let pdftotext = ExternalTool(["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]) else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-verify-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return String(decoding: try pdftotext.run(["-raw", "-enc", "UTF-8", file.path, "-"]).output, as: UTF8.self)
    }
}
