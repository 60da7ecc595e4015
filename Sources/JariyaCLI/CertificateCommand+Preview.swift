import ArgumentParser
import Crypto
import Foundation
import JariyaCore
import JariyaDocuments

extension CertificateCommand {
    /// `jariya certificate preview`.
    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a sample certificate from a template, to check a design with long Thai names.",
            discussion: "The sample is signed with a throw-away key, so it never verifies. No database is needed."
        )
        @Option(help: "The template's name in Certificates/.") var template = "standard"
        @Option(help: "The folder holding Certificates/.") var content = "."
        @Option(help: "The officer's name to print.") var name = "ว่าที่ร้อยตรีหญิงน้ำทิพย์ ปู่ป้ำเจริญศักดิ์ศรี"
        @Option(help: "The course title to print.") var title = "มาตรฐานทางจริยธรรมและประมวลจริยธรรมสำหรับพนักงานส่วนท้องถิ่น"
        @Option(help: "The PDF to write (default: TEMPLATE-preview.pdf).") var out: String?

        func run() throws {
            let folder = URL(fileURLWithPath: content).appendingPathComponent("Certificates")
            let design: CertificateTemplate
            do { design = try CertificateTemplate.load(named: template, from: folder) } catch { throw CLIError(error.description) }
            let facts = CertificateFacts(serial: "ยก-2567-0042", code: "7F3K-92QX", agency: "yodkaeng",
                                         agencyName: "องค์การบริหารส่วนตำบลยอดแกง", officerName: ThaiText.clean(name), courseKey: "code-of-ethics",
                                         courseVersion: 1, courseTitle: ThaiText.clean(title), fiscalYear: 2567, issuedOn: "2024-09-27")
            let sample = CertificatePrint(certificate: try SignedCertificate.sign(facts, key: Curve25519.Signing.PrivateKey()),
                                          signerName: "นายสมชาย ใจดี", signerPosition: "นายกองค์การบริหารส่วนตำบลยอดแกง",
                                          verifyURL: "https://yodkaeng.go.th/verify/7F3K-92QX")
            let path = out ?? "\(template)-preview.pdf"
            do { try CertificateRenderer.pdf(sample, template: design).write(to: URL(fileURLWithPath: path)) } catch let error as CertificateRenderer.Failure {
                throw CLIError(error.description)
            }
            say("เขียนตัวอย่าง \(path) (template \(template))")
        }
    }
}
