import ArgumentParser
import Foundation
import JariyaStore

/// `jariya agency …`: the agency's profile as certificates print it.
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: "Show or set the agency's certificate profile: serial prefix, signer, verification address.",
        subcommands: [Show.self, Set.self]
    )

    /// `jariya agency show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the agency's profile.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            say("รหัส            \(agency.code)")
            say("ชื่อ            \(agency.name) (\(agency.shortName))")
            say("เลขที่ขึ้นต้น    \(agency.effectiveSerialPrefix)")
            say("ผู้ลงนาม        \(agency.signerName.isEmpty ? "(ยังไม่กำหนด)" : agency.signerName)")
            say("ตำแหน่ง         \(agency.signerPosition.isEmpty ? "(ยังไม่กำหนด)" : agency.signerPosition)")
            say("ที่อยู่ตรวจสอบ    \(agency.verifyBaseUrl.isEmpty ? "(ยังไม่กำหนด: ใช้ที่อยู่ของเครื่องที่ให้บริการ)" : agency.verifyBaseUrl)")
            say("กุญแจสาธารณะ    Ed25519 \(try db.signingKey(agencyID: agency.id ?? 0) ?? "(ยังไม่มี: jariya init)")")
        }
    }

    /// `jariya agency set`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set what certificates print: the serial prefix, the signer and position, the verification address.",
            discussion: "Example: jariya agency set --serial-prefix ยก --signer-name \"นายสมชาย ใจดี\" --signer-position \"นายกองค์การบริหารส่วนตำบลยอดแกง\" --verify-base-url https://yodkaeng.go.th/jariya"
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "What serial numbers start with, e.g. ยก.") var serialPrefix: String?
        @Option(help: "The signer's name with prefix.") var signerName: String?
        @Option(help: "The signer's position.") var signerPosition: String?
        @Option(help: "The public address the QR codes point at, https://….") var verifyBaseUrl: String?

        func validate() throws {
            if let url = verifyBaseUrl, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url)?.host == nil {
                throw ValidationError("--verify-base-url must be an http:// or https:// address, not \(url)")
            }
            if let prefix = serialPrefix, prefix.isEmpty || prefix.count > 12 || prefix.contains(where: { $0.isWhitespace || $0 == "/" }) {
                throw ValidationError("--serial-prefix must be 1 to 12 characters without spaces or slashes")
            }
        }

        func run() throws {
            let db = try database.open()
            let agency = try db.agency(code: database.agency)
            _ = try db.updateCertificateProfile(agencyID: agency.id ?? 0, serialPrefix: serialPrefix, signerName: signerName,
                                                signerPosition: signerPosition, verifyBaseURL: verifyBaseUrl)
            try Show(database: database).run()
        }
    }
}

extension AgencyCommand.Show {
    init(database: DatabaseOptions) {
        self.init()
        self.database = database
    }
}
