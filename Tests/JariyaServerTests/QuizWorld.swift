import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaAPI
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
    func rightAnswer(_ shown: QuestionView) -> AnswerView {
        guard let question = bank.question(id: shown.id) else { return AnswerView() }
        switch question.type {
        case .single, .multiple:
            let choices = shown.choices ?? []
            let right = Set(question.choices.filter(\.correct).map(\.text))
            return AnswerView(choices: choices.indices.filter { right.contains(choices[$0]) })
        case .trueFalse:
            return AnswerView(truth: question.answer ?? false)
        case .short:
            return AnswerView(text: question.accepted.first ?? "")
        case .matching:
            let rights = shown.rights ?? []
            return AnswerView(matches: question.pairs.map { pair in rights.firstIndex(of: pair.right) ?? 0 })
        }
    }

    /// A wrong answer of the right shape.
    func wrongAnswer(_ shown: QuestionView) -> AnswerView {
        guard let question = bank.question(id: shown.id) else { return AnswerView() }
        switch question.type {
        case .single, .multiple:
            let choices = shown.choices ?? []
            let right = Set(question.choices.filter(\.correct).map(\.text))
            return AnswerView(choices: [choices.indices.first { !right.contains(choices[$0]) } ?? 0])
        case .trueFalse: return AnswerView(truth: !(question.answer ?? false))
        case .short: return AnswerView(text: "ไม่ทราบ")
        case .matching:
            let rights = shown.rights ?? []
            return AnswerView(matches: question.pairs.map { pair in ((rights.firstIndex(of: pair.right) ?? 0) + 1) % rights.count })
        }
    }
}

/// The API's JSON as the tests write and read it: dates as ISO 8601 text,
/// which is what the server reads (`APIJSON`) and what Hummingbird's default
/// response encoder (the one `AppRequestContext` keeps) writes.
enum TestJSON {
    /// Request bodies: the API's request types with ISO 8601 dates.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Responses: the decoder the API's clients are held to.
    static func decoder() -> JSONDecoder { APIJSON.decoder() }

    /// The reports' JSON, written with snake_case keys (`ComplianceReportJSON`).
    static func reportDecoder() -> JSONDecoder {
        let decoder = APIJSON.decoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// An error's body, `{"error": {"message": …}}`, as Hummingbird's `HTTPError` writes it; JariyaAPI has no type for it.
    struct ErrorBody: Decodable {
        struct Detail: Decodable { var message: String }
        var error: Detail
    }

    /// The names of a JSON object's own keys, for the checks that a field is
    /// absent (which decoding to an optional cannot tell from null).
    struct Keys: Decodable {
        struct Name: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        var names: Set<String>

        init(from decoder: any Decoder) throws {
            names = Set(try decoder.container(keyedBy: Name.self).allKeys.map(\.stringValue))
        }
    }
}

/// What the API answered: its status and its body as sent, to decode into
/// the API's types or to search as text for what must not be there.
struct APIReply: Sendable {
    var status: HTTPResponse.Status
    var text: String

    /// The body as one of the API's types.
    func decode<Value: Decodable>(_ type: Value.Type, with decoder: JSONDecoder = TestJSON.decoder()) throws -> Value {
        try decoder.decode(Value.self, from: Data(text.utf8))
    }

    /// The message of an error answer.
    func errorMessage() throws -> String { try decode(TestJSON.ErrorBody.self).error.message }

    /// Whether the body's top-level object has the key at all (null counts as there).
    func has(_ key: String) throws -> Bool { try decode(TestJSON.Keys.self).names.contains(key) }
}

/// Small helpers for JSON over the test client.
extension TestClientProtocol {
    /// Sends a request whose body is one of the API's request types (or none) and returns the answer as it came.
    @discardableResult
    func send(_ uri: String, _ method: HTTPRequest.Method, token: String? = nil, body: (any Encodable)? = nil,
              expect status: HTTPResponse.Status? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> APIReply {
        let data = try body.map { try TestJSON.encoder().encode($0) }
        return try await send(uri, method, token: token, data: data, expect: status, sourceLocation: sourceLocation)
    }

    /// Sends JSON text as it is, for the bodies no request type can express (malformed or deliberately wrong ones).
    @discardableResult
    func send(_ uri: String, _ method: HTTPRequest.Method, token: String? = nil, rawJSON: String,
              expect status: HTTPResponse.Status? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> APIReply {
        try await send(uri, method, token: token, data: Data(rawJSON.utf8), expect: status, sourceLocation: sourceLocation)
    }

    /// Sends a request and decodes the answer as one of the API's types.
    func api<Response: Decodable>(_ uri: String, _ method: HTTPRequest.Method, token: String? = nil, body: (any Encodable)? = nil,
                                  as type: Response.Type, expect status: HTTPResponse.Status? = nil,
                                  sourceLocation: SourceLocation = #_sourceLocation) async throws -> Response {
        let reply = try await send(uri, method, token: token, body: body, expect: status, sourceLocation: sourceLocation)
        do {
            return try reply.decode(type)
        } catch {
            Issue.record("\(method) \(uri): \(reply.status.code) is not a \(type): \(error)\n\(reply.text)", sourceLocation: sourceLocation)
            throw error
        }
    }

    private func send(_ uri: String, _ method: HTTPRequest.Method, token: String?, data: Data?, expect status: HTTPResponse.Status?,
                      sourceLocation: SourceLocation) async throws -> APIReply {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: method, headers: headers, body: data.map { ByteBuffer(bytes: $0) }) { response in
            let text = String(buffer: response.body)
            if let status { #expect(response.status == status, "\(method) \(uri): \(text)", sourceLocation: sourceLocation) }
            return APIReply(status: response.status, text: text)
        }
    }

    func login(_ username: String, password: String = QuizWorld.password) async throws -> String {
        try await api("/api/v1/login", .post, body: LoginRequest(username: username, password: password), as: LoginView.self, expect: .ok).token
    }
}
