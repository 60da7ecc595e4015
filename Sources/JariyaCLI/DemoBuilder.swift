import Crypto
import Foundation
import JariyaCore
import JariyaApp
import JariyaStore

/// Builds the demo agency through the same paths HR and trainers use: the
/// roster importer, the content publisher, `addUser`.
struct DemoBuilder {
    /// The password of every demo account.
    static let password = "jariya2567"

    /// The folder holding Courses/, Quizzes/ and Certificates/.
    var contentRoot: String
    /// The demo agency's signing key.
    var signingKey: Curve25519.Signing.PrivateKey

    /// What the demo holds.
    struct Summary {
        var agency: Agency
        var officers: Int
        var divisions: Int
        var published: [PublicationOutcome]
        var logins: [User]
        var attempts: Int
        var attendance: Int
    }

    /// The day the demo's fiscal year 2567 starts, when the roster takes effect.
    static let rosterDay = CivilDate(year: 2023, month: 10, day: 1)
    /// The day one officer moves from กองคลัง to สำนักปลัด, so reports see a move.
    static let moveDay = CivilDate(year: 2024, month: 4, day: 1)

    func build(at database: AppDatabase) throws -> Summary {
        // Completions during the demo's year earn their certificates as they happen.
        let db = database.issuing(with: CertificateIssuer(key: SigningKey(signingKey, path: "demo")))
        let agency = try db.createAgency(Agency(
            code: "yodkaew", name: "องค์การบริหารส่วนตำบลยอดแก้ว", shortName: "อบต.ยอดแก้ว",
            province: "กาฬสินธุ์", district: "นามน", createdAt: Self.instant(Self.rosterDay, hour: 8),
            serialPrefix: "ยก", signerName: "นายสมศักดิ์ ใจงาม", signerPosition: "นายกองค์การบริหารส่วนตำบลยอดแก้ว"))
        let agencyID = agency.id ?? 0
        try db.setSigningKey(agencyID: agencyID, publicKey: SigningKeyFile.publicKey(of: signingKey))

        guard let rosterURL = Bundle.module.url(forResource: "demo-roster", withExtension: "csv", subdirectory: "Resources"),
              let rosterData = FileManager.default.contents(atPath: rosterURL.path) else {
            throw CLIError("the demo roster is missing from the installation")
        }
        let roster = try Roster.parse([UInt8](rosterData))
        _ = try db.importRoster(roster, agencyID: agencyID, effective: Self.rosterDay)
        var moved = roster
        if let index = moved.entries.firstIndex(where: { $0.division == "กองคลัง" }) {
            moved.entries[index].division = "สำนักปลัด"
            _ = try db.importRoster(moved, agencyID: agencyID, effective: Self.moveDay)
        }

        let files = try Self.xmlFiles(in: "\(contentRoot)/Quizzes") + Self.xmlFiles(in: "\(contentRoot)/Courses")
        let content = PublishedContent(database: db)
        let (set, published) = try ContentPublisher.publish(paths: files, content: content, agency: agency, publisher: "trainer",
                                                            now: Self.instant(CivilDate(year: 2023, month: 10, day: 2), hour: 9))
        guard set.isValid else {
            set.diagnostics.forEach { warn($0.description) }
            throw CLIError("the sample content under \(contentRoot) has problems; the demo needs it valid")
        }

        let hash = try PasswordHasher.hash(Self.password)
        let now = Self.instant(Self.rosterDay, hour: 8)
        let officers = try db.officers(agencyID: agencyID)
        let someone = officers.first { $0.officer.staffType == .career && $0.division.code != "office" }
        var logins = [
            try db.addUser(agencyID: agencyID, username: "admin", displayName: "ผู้ดูแลระบบ", role: .admin, officerCode: nil, passwordHash: hash, now: now),
            try db.addUser(agencyID: agencyID, username: "hr", displayName: "งานบุคคล สำนักปลัด", role: .hr, officerCode: nil, passwordHash: hash, now: now),
            try db.addUser(agencyID: agencyID, username: "trainer", displayName: "วิทยากรประจำหลักสูตร", role: .trainer, officerCode: nil, passwordHash: hash, now: now),
        ]
        if let someone {
            logins.append(try db.addUser(agencyID: agencyID, username: "officer", displayName: "", role: .officer,
                                         officerCode: someone.officer.employeeCode, passwordHash: hash, now: now))
        }
        for listing in officers where listing.officer.id != someone?.officer.id {
            _ = try db.addUser(agencyID: agencyID, username: listing.officer.employeeCode.lowercased(), displayName: "",
                               role: .officer, officerCode: listing.officer.employeeCode, passwordHash: hash, now: now)
        }
        // HR assigns the course to every officer for the demo's year, and for this year, so the demo can be used today.
        for year in Set([2567, FiscalYear(containing: Date()).buddhistYear]) {
            try db.assign(agencyID: agencyID, courseKey: "code-of-ethics", fiscalYear: year, divisionCode: nil, by: "hr", now: now)
        }
        // The year's lectures and tests, run in the order they happened: completion
        // is judged at each event, as it is in use, and the ledger reads chronologically.
        let lectures = try holdLectures(db, agency: agency, officers: officers, rule: set.courses.first?.model.completion)
        let engine = QuizEngine(database: db, content: content, clock: { Date() }, seeds: { 0 })
        let tests = try takeTests(engine, agency: agency, officers: officers, content: set)
        for event in (lectures + tests).sorted(by: { $0.at < $1.at }) { try event.run() }
        let attempts = tests.count
        return Summary(agency: agency, officers: officers.count, divisions: try db.divisions(agencyID: agencyID).count,
                       published: published, logins: logins, attempts: attempts, attendance: lectures.count)
    }

    private static func xmlFiles(in folder: String) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw CLIError("no folder \(folder); run the demo from the repository (or give --content)")
        }
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { "\(folder)/\($0)" }
    }

    static func instant(_ day: CivilDate, hour: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .bangkok
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour)) ?? Date()
    }
}
