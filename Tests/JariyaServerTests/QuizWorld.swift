import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaApp
import JariyaCore
import JariyaServer
import JariyaStore
import JariyaXML
import Synchronization
import Testing

/// A clock the tests move by hand.
final class TestClock: Sendable {
    private let value = Mutex(Date(timeIntervalSince1970: 1_731_000_000)) // 2024-11-07, FY2568

    var now: Date { value.withLock { $0 } }

    func advance(minutes: Double) { value.withLock { $0 = $0.addingTimeInterval(minutes * 60) } }
}

/// An agency with two officers (A and B), the sample course published, and a
/// server built by the same `buildApplication` as `jariya serve`.
struct QuizWorld {
    let database: AppDatabase
    let clock = TestClock()
    let bank: QuestionBank
    /// The agency's signing key, registered in the database (kept raw so the world stays Sendable).
    private let keyData = Curve25519.Signing.PrivateKey().rawRepresentation
    var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: keyData) }
    static let password = "รหัสผ่านทดสอบ123"

    /// The world; `course` edits the sample course's text before it is published.
    init(course edit: (String) -> String = { $0 }) throws {
        database = try AppDatabase.inMemory()
        let agency = try database.createAgency(Agency(code: "yodkaew", name: "องค์การบริหารส่วนตำบลยอดแก้ว", shortName: "อบต.ยอดแก้ว",
                                                      province: "กาฬสินธุ์", district: "นามน", createdAt: Date(),
                                                      serialPrefix: "ยก", signerName: "นายสมศักดิ์ ใจงาม",
                                                      signerPosition: "นายกองค์การบริหารส่วนตำบลยอดแก้ว"))
        let agencyID = agency.id ?? 0
        try database.setSigningKey(agencyID: agencyID, publicKey: try Curve25519.Signing.PrivateKey(rawRepresentation: keyData)
            .publicKey.rawRepresentation.base64EncodedString())
        let roster = try Roster.parse(Array("""
            รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,ตำแหน่ง,สังกัด
            A,นางเกศินี ศรีสุข,พนักงานส่วนตำบล,นักทรัพยากรบุคคล,สำนักปลัด
            B,นายขวัญชัย ใจดี,พนักงานจ้างทั่วไป,คนงานทั่วไป,กองช่าง
            """.utf8))
        _ = try database.importRoster(roster, agencyID: agencyID, effective: CivilDate(year: 2023, month: 10, day: 1))
        let hash = try PasswordHasher.hash(Self.password)
        for code in ["A", "B"] {
            _ = try database.addUser(agencyID: agencyID, username: "officer-\(code.lowercased())", displayName: "", role: .officer,
                                     officerCode: code, passwordHash: hash, now: Date())
        }
        for role in [Role.hr, .trainer, .admin] {
            _ = try database.addUser(agencyID: agencyID, username: role.rawValue, displayName: role.thai, role: role, officerCode: nil,
                                     passwordHash: hash, now: Date())
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var paths = ["Courses/code-of-ethics.xml", "Quizzes/ethics-basics.xml"].map { root.appendingPathComponent($0).path }
        let sample = try String(contentsOfFile: paths[0], encoding: .utf8)
        let edited = edit(sample)
        var folder: URL?
        if edited != sample {
            let place = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-world-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: place.appendingPathComponent("Courses"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: place.appendingPathComponent("Quizzes"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: paths[1], toPath: place.appendingPathComponent("Quizzes/ethics-basics.xml").path)
            try FileManager.default.createDirectory(at: place.appendingPathComponent("Certificates"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.certificates.appendingPathComponent("standard.svg"),
                                             to: place.appendingPathComponent("Certificates/standard.svg"))
            try edited.write(to: place.appendingPathComponent("Courses/code-of-ethics.xml"), atomically: true, encoding: .utf8)
            paths = ["Courses/code-of-ethics.xml", "Quizzes/ethics-basics.xml"].map { place.appendingPathComponent($0).path }
            folder = place
        }
        defer { folder.map { try? FileManager.default.removeItem(at: $0) } }
        let set = ContentChecker().check(paths: paths)
        guard let course = set.courses.first, let bank = set.banks.first, set.isValid else { throw QuizWorldError.badContent }
        self.bank = bank.model
        _ = try database.publish(
            agencyID: agencyID,
            banks: [BankPublication(key: bank.model.id, title: bank.model.title, questionCount: bank.model.questions.count,
                                    source: bank.bytes, sourceFile: bank.file)],
            courses: [CoursePublication(key: course.model.id, title: course.model.title, summary: course.model.summary,
                                        moduleCount: course.model.modules.count, pretestBank: course.model.pretest?.bank,
                                        posttestBank: course.model.posttest?.bank, source: course.bytes, sourceFile: course.file)],
            publisher: "trainer", now: Date())
    }

    enum QuizWorldError: Error { case badContent }

    /// The repository's `Certificates/` folder.
    static let certificates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Certificates")

    /// The server's configuration; with `signing`, it holds the agency's key
    /// as `jariya serve` does when the key file is there.
    func configuration(accountBackoff: Backoff = .account, addressBackoff: Backoff = .address, signing: Bool = false) -> ServerConfiguration {
        let clock = self.clock
        let seed = Mutex<UInt64>(1)
        return ServerConfiguration(database: database, clock: { clock.now },
                                   seeds: { seed.withLock { $0 += 1; return $0 } }, accountBackoff: accountBackoff, addressBackoff: addressBackoff,
                                   signingKey: signing ? SigningKey(key, path: "test.key") : nil,
                                   certificates: CertificatePrinter(folder: Self.certificates, defaultBaseURL: "https://yodkaew.go.th/jariya"))
    }

    /// The right answer to a question as shown, found by matching the texts.
    func rightAnswer(_ shown: [String: Any]) -> [String: Any] {
        guard let id = shown["id"] as? String, let question = bank.question(id: id) else { return [:] }
        switch question.type {
        case .single, .multiple:
            let choices = shown["choices"] as? [String] ?? []
            let right = Set(question.choices.filter(\.correct).map(\.text))
            return ["choices": choices.indices.filter { right.contains(choices[$0]) }]
        case .trueFalse:
            return ["truth": question.answer ?? false]
        case .short:
            return ["text": question.accepted.first ?? ""]
        case .matching:
            let rights = shown["rights"] as? [String] ?? []
            return ["matches": question.pairs.map { pair in rights.firstIndex(of: pair.right) ?? 0 }]
        }
    }

    /// A wrong answer of the right shape.
    func wrongAnswer(_ shown: [String: Any]) -> [String: Any] {
        guard let id = shown["id"] as? String, let question = bank.question(id: id) else { return [:] }
        switch question.type {
        case .single, .multiple:
            let choices = shown["choices"] as? [String] ?? []
            let right = Set(question.choices.filter(\.correct).map(\.text))
            return ["choices": [choices.indices.first { !right.contains(choices[$0]) } ?? 0]]
        case .trueFalse: return ["truth": !(question.answer ?? false)]
        case .short: return ["text": "ไม่ทราบ"]
        case .matching:
            let rights = shown["rights"] as? [String] ?? []
            return ["matches": question.pairs.map { pair in ((rights.firstIndex(of: pair.right) ?? 0) + 1) % rights.count }]
        }
    }
}

/// Small helpers for JSON over the test client.
extension TestClientProtocol {
    @discardableResult
    func json(_ uri: String, _ method: HTTPRequest.Method, token: String? = nil, body: [String: Any]? = nil,
              expect status: HTTPResponse.Status? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> (HTTPResponse.Status, [String: Any], String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let buffer = try body.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        return try await execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            let text = String(buffer: response.body)
            if let status { #expect(response.status == status, "\(method) \(uri): \(text)", sourceLocation: sourceLocation) }
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
            return (response.status, object, text)
        }
    }

    func login(_ username: String, password: String = QuizWorld.password) async throws -> String {
        let (_, body, _) = try await json("/api/v1/login", .post, body: ["username": username, "password": password], expect: .ok)
        return body["token"] as? String ?? ""
    }
}
