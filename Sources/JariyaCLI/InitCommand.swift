import ArgumentParser
import Foundation
import JariyaStore

/// `jariya init`: creates the database and the agency with its standard divisions.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database and the agency (with the six standard divisions of an อบต.).",
        discussion: """
            Example:
              jariya init --code yodkaeng --name "องค์การบริหารส่วนตำบลยอดแกง" \\
                --short-name "อบต.ยอดแกง" --district นามน --province กาฬสินธุ์
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Short code of the agency: lower-case letters and digits, e.g. yodkaeng.")
    var code: String

    @Option(help: "Full Thai name, e.g. \"องค์การบริหารส่วนตำบลยอดแกง\".")
    var name: String

    @Option(help: "Short Thai name, e.g. \"อบต.ยอดแกง\" (defaults to the full name).")
    var shortName: String?

    @Option(help: "อำเภอ (district).")
    var district: String = ""

    @Option(help: "จังหวัด (province).")
    var province: String = ""

    func validate() throws {
        guard code.range(of: "^[a-z0-9]{2,32}$", options: .regularExpression) != nil else {
            throw ValidationError("--code must be 2–32 lower-case letters and digits, e.g. yodkaeng; got \"\(code)\"")
        }
    }

    func run() throws {
        let db = try database.open(mustExist: false)
        let agency = try db.createAgency(Agency(code: code, name: name, shortName: shortName ?? name,
                                                province: province, district: district, createdAt: Date()))
        let key = try FileManager.default.fileExists(atPath: database.keyPath)
            ? SigningKeyFile.load(from: database.keyPath) : SigningKeyFile.create(at: database.keyPath)
        try db.setSigningKey(agencyID: agency.id ?? 0, publicKey: SigningKeyFile.publicKey(of: key))
        let divisions = try db.divisions(agencyID: agency.id ?? 0)
        say("created \(agency.name) (\(agency.code)) in \(database.path)")
        say("signing key: \(database.keyPath) (keep it safe and out of the database's backups; it signs ledger checkpoints)")
        say("divisions: " + divisions.map { "\($0.name) [\($0.code)]" }.joined(separator: ", "))
    }
}
