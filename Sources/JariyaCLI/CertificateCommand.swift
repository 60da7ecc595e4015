import ArgumentParser
import Foundation
import JariyaApp
import JariyaCore
import JariyaStore

/// `jariya certificate …`: issue, list, verify and revoke certificates (เกียรติบัตร).
struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Issue certificates as PDF, list them, verify one offline, revoke one.",
        subcommands: [Issue.self, List.self, Verify.self, Revoke.self, Preview.self]
    )

    /// `jariya certificate issue`.
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign the certificates a course's completions are still owed, then write every valid one as PDF.",
            discussion: """
                Completions recorded while the signing key was not at hand get their certificates now, numbered in order.
                Then each valid certificate of the course (filtered by --fiscal-year and --officer) is written to --out
                as SERIAL.pdf. Revoked certificates are never written.
                """
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The course's id.") var course: String
        @Option(help: "Only this fiscal year (BE), e.g. 2567.") var fiscalYear: Int?
        @Option(help: "Only this officer's employee code.") var officer: String?
        @Option(help: "The folder to write the PDFs to (made if missing).") var out: String
        @Option(help: "The folder holding Certificates/ (the repository or content checkout).") var content = "."

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let agencyID = agency.id ?? 0
            guard let published = try PublishedContent(database: db).currentCourse(agencyID: agencyID, key: course) else {
                throw CLIError("no published course \(course); `jariya course list` shows them")
            }
            guard let template = published.course.certificateTemplate else {
                throw CLIError("course \(course) names no <certificate template=\"…\"/>; it issues no certificates")
            }
            let officerID = try officer.map { code in try db.officer(agencyID: agencyID, employeeCode: code).id ?? 0 }
            let key = try SigningKeyFile.load(from: database.keyPath)
            let printer = CertificatePrinter.forCommandLine(content: content, agency: agency)
            _ = try printer.template(named: template)
            let started = Date()
            let issued = try db.issueMissingCertificates(agencyID: agencyID, courseKey: course, fiscalYear: fiscalYear, officerID: officerID,
                                                         template: template, issuer: CertificateIssuer(key: SigningKey(key, path: database.keyPath)),
                                                         actor: NSUserName(), now: Date())
            let certificates = try db.certificates(agencyID: agencyID, courseKey: course, fiscalYear: fiscalYear, officerID: officerID)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for certificate in certificates {
                let file = URL(fileURLWithPath: out).appendingPathComponent(certificate.serial + ".pdf")
                try printer.pdf(certificate, agency: agency).write(to: file, options: .atomic)
            }
            let seconds = Date().timeIntervalSince(started)
            say("ออกเกียรติบัตรใหม่ \(issued.count) ฉบับ · เขียน \(certificates.count) ไฟล์ลงใน \(out) (\(String(format: "%.2f", seconds)) วินาที)")
            say("issued \(issued.count) new, wrote \(certificates.count) PDF files to \(out)")
        }
    }

    /// `jariya certificate list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List certificates with their serials, codes and status.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this course.") var course: String?
        @Option(help: "Only this fiscal year (BE).") var fiscalYear: Int?
        @Flag(help: "Include revoked certificates.") var revoked = false
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let records = try db.certificates(agencyID: agency.id ?? 0, courseKey: course, fiscalYear: fiscalYear, officerID: nil,
                                              includingRevoked: revoked)
            let rows = records.compactMap { record in record.signed.map { (record, $0.facts) } }
            if format == .json {
                try printJSON(rows.map { record, facts in
                    ListedCertificate(serial: record.serial, code: record.code, officerName: facts.officerName, course: record.courseKey,
                                      fiscalYear: record.fiscalYear, issuedOn: facts.issuedOn, revokedAt: record.revokedAt,
                                      revokeReason: record.revokeReason)
                })
                return
            }
            let table = rows.map { record, facts in
                [record.serial, record.code, facts.officerName, record.courseKey, facts.issuedDate.map { ThaiDate.short($0) } ?? "",
                 record.isValid ? "ใช้ได้" : "เพิกถอน: \(record.revokeReason ?? "")"]
            }
            TextTable(header: ["เลขที่", "รหัสตรวจสอบ", "ชื่อ-สกุล", "หลักสูตร", "วันที่", "สถานะ"], rows: table).lines().forEach(say)
            say("\(rows.count) ฉบับ")
        }
    }

    /// One row of `certificate list --format json`.
    struct ListedCertificate: Encodable {
        var serial: String
        var code: String
        var officerName: String
        var course: String
        var fiscalYear: Int
        var issuedOn: String
        var revokedAt: Date?
        var revokeReason: String?
    }

    /// `jariya certificate revoke`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a certificate (ledgered); with --reissue, replace it with one carrying today's facts.",
            discussion: "Use --reissue after correcting a misspelt name on the roster: the old serial shows as revoked, the new one is valid."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The serial, e.g. ยก-2567-0001.") var serial: String
        @Option(help: "Why (kept in the ledger and shown on the verification page).") var reason: String
        @Flag(help: "Issue a replacement with the current roster name.") var reissue = false
        @Option(help: "With --reissue, write the replacement's PDF to this folder.") var out: String?
        @Option(help: "The folder holding Certificates/.") var content = "."

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            let issuer = try reissue ? CertificateIssuer(key: SigningKey(SigningKeyFile.load(from: database.keyPath), path: database.keyPath)) : nil
            let result: (revoked: CertificateRecord, reissued: CertificateRecord?)
            do {
                result = try db.revokeCertificate(agencyID: agency.id ?? 0, serial: serial, reason: reason, actor: NSUserName(), now: Date(),
                                                  reissueWith: issuer)
            } catch let error as CertificateError {
                throw CLIError(error.description)
            }
            say("เพิกถอน \(result.revoked.serial) แล้ว: \(result.revoked.revokeReason ?? "")")
            if let new = result.reissued {
                say("ออกฉบับใหม่ \(new.serial) รหัสตรวจสอบ \(new.code)")
                if let out {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                    let file = URL(fileURLWithPath: out).appendingPathComponent(new.serial + ".pdf")
                    try CertificatePrinter.forCommandLine(content: content, agency: agency).pdf(new, agency: agency).write(to: file, options: .atomic)
                    say("เขียน \(file.path)")
                }
            } else if reissue {
                warn("no replacement issued: the completion itself no longer stands")
            }
        }
    }
}

extension CertificatePrinter {
    /// A printer over `CONTENT/Certificates`; warns when QR codes will point
    /// at the default local address because the agency set none.
    static func forCommandLine(content: String, agency: Agency) -> CertificatePrinter {
        if agency.verifyBaseUrl.isEmpty {
            warn("the agency has no verification address; QR codes point at http://127.0.0.1:8080 (set it: jariya agency set --verify-base-url URL)")
        }
        return CertificatePrinter(folder: URL(fileURLWithPath: content).appendingPathComponent("Certificates"),
                                  defaultBaseURL: "http://127.0.0.1:8080")
    }
}
