import ArgumentParser
import Foundation
import JariyaStore

/// `jariya demo`: a database to try Jariya with, as `make run` uses it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo database: a fictional อบต. with 45 officers, the sample course published, and a user for each role.",
        discussion: "The people are fictional. The course and bank are read from Courses/ and Quizzes/ under --content."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The folder holding Courses/, Quizzes/ and Certificates/.")
    var content = "."

    @Flag(help: "Delete the database file first if it exists.")
    var reset = false

    func run() throws {
        if FileManager.default.fileExists(atPath: database.path) {
            guard reset else { throw CLIError("\(database.path) exists; add --reset to replace it with a fresh demo") }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
            try? FileManager.default.removeItem(atPath: database.keyPath)
        }
        let key = try SigningKeyFile.create(at: database.keyPath)
        let db = try database.open(mustExist: false)
        let summary = try DemoBuilder(contentRoot: content, signingKey: key).build(at: db)
        let agency = try db.agency(code: nil)
        let checkpoint = try db.checkpoint(agency: agency, key: key, keyPath: database.keyPath, now: Date())
        say("demo database \(database.path): \(summary.agency.name), \(summary.officers) officers in \(summary.divisions) divisions")
        for outcome in summary.published {
            say("published \(outcome.kind) \(outcome.key) version \(outcome.version)")
        }
        say("\(summary.attendance) attendance records (one a correction) at 4 lectures and \(summary.attempts) pre-test and post-test attempts over fiscal year 2567")
        let certificates = try db.certificates(agencyID: agency.id ?? 0, courseKey: nil, fiscalYear: nil, officerID: nil, includingRevoked: true)
        say("\(certificates.filter(\.isValid).count) certificates issued as completions happened"
            + (certificates.contains { !$0.isValid } ? " (\(certificates.filter { !$0.isValid }.count) revoked with its completion)" : "")
            + (certificates.first.map { ", e.g. \($0.serial) → /verify/\($0.code)" } ?? ""))
        say("ledger: \(checkpoint.size) entries, head \(checkpoint.head) (signed checkpoint kept; key \(database.keyPath))")
        say("demo logins (password for every account: \(DemoBuilder.password)):")
        var table = TextTable(header: ["ผู้ใช้", "บทบาท", "ชื่อ"])
        for login in summary.logins { table.rows.append([login.username, login.role.thai, login.displayName]) }
        table.lines().forEach { say("  " + $0) }
        say("  … and every officer by employee code in lower case (yk-001 … yk-\(String(format: "%03d", summary.officers)))")
        say("log in on the web at /login: officers land on /my, trainers on /trainer, HR and admins on /hr")
    }
}
