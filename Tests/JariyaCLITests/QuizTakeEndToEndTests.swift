import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `jariya quiz take` against a real `jariya serve` process on loopback, both
/// the executable that `make run` builds.
@Suite(.serialized) struct QuizTakeEndToEndTests {
    struct Server {
        let process: Process
        let base: String

        static func start(database: String) async throws -> Server {
            let port = try freePort()
            let process = Process()
            process.executableURL = executable
            process.arguments = ["serve", "--db", database, "--port", String(port)]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let base = "http://127.0.0.1:\(port)"
            for _ in 0..<100 {
                if let (_, response) = try? await URLSession.shared.data(from: URL(string: base + "/healthz")!),
                   (response as? HTTPURLResponse)?.statusCode == 200 {
                    return Server(process: process, base: base)
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            process.terminate()
            throw Failure.serverDidNotStart
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    enum Failure: Error { case serverDidNotStart, noPort }

    /// The `jariya` executable built beside the test bundle.
    static var executable: URL {
        let folder = Bundle.module.bundleURL.deletingLastPathComponent()
        return folder.appendingPathComponent("jariya")
    }

    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard ok else { throw Failure.noPort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Calls the API as the test's own client, to learn which questions the CLI will show.
    static func api(_ base: String, _ method: String, _ path: String, token: String? = nil, body: [String: Any]? = nil) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: base + "/api/v1/" + path)!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body { request.httpBody = try JSONSerialization.data(withJSONObject: body) }
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// One typed line per question, of the right shape for its type.
    static func lines(for questions: [[String: Any]]) -> [String] {
        questions.map { question in
            switch question["type"] as? String {
            case "single": "1"
            case "multiple": "1 2"
            case "true-false": "1"
            case "matching": (1...((question["lefts"] as? [String])?.count ?? 1)).map(String.init).joined(separator: " ")
            default: "3000"
            }
        }
    }

    /// Runs `jariya quiz take` with typed input and returns exit code and screen text.
    static func take(_ base: String, arguments: [String], input: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["quiz", "take", "--server", base] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data((input.joined(separator: "\n") + "\n").utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func anOfficerTakesBothTestsInATerminalAndResumesAfterAnInterruption() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let demo = await runner.run(["demo", "--content", CommandRunner.repository.path])
        #expect(demo.code == 0)
        let server = try await Server.start(database: runner.database)
        defer { server.stop() }

        let token = try await Self.api(server.base, "POST", "login", body: ["username": "officer", "password": "jariya2567"])["token"] as? String
        let pretest = try await Self.api(server.base, "POST", "courses/code-of-ethics/attempts", token: token, body: ["test": "pretest"])
        let pretestQuestions = pretest["questions"] as? [[String: Any]] ?? []
        #expect(pretestQuestions.count == 10)

        let (code, screen) = try Self.take(server.base, arguments: ["--username", "officer"],
                                           input: ["jariya2567"] + Self.lines(for: pretestQuestions) + ["y"])
        #expect(code == 0, "\(screen)")
        #expect(screen.contains("แบบทดสอบก่อนเรียน (pre-test)"))
        #expect(screen.contains("ข้อ 10/10"))
        #expect(screen.contains("ผลการทดสอบ:"))
        #expect(screen.contains("ไม่เปิดให้ดู"), "the sample pre-test shows no answers")
        for line in screen.split(separator: "\n") { #expect(TextWidth.columns(String(line)) <= 80, "too wide: \(line)") }

        let posttest = try await Self.api(server.base, "POST", "courses/code-of-ethics/attempts", token: token, body: ["test": "posttest"])
        let postQuestions = posttest["questions"] as? [[String: Any]] ?? []
        let typed = Self.lines(for: postQuestions)
        let (firstCode, firstScreen) = try Self.take(server.base, arguments: ["--course", "code-of-ethics", "--test", "posttest", "--username", "officer"],
                                                     input: ["jariya2567"] + typed.prefix(3))
        #expect(firstCode == 0, "\(firstScreen)")
        #expect(firstScreen.contains("เหลือเวลา"))
        #expect(firstScreen.contains("ทำต่อ"), "stopping keeps the answers for later")

        let (secondCode, secondScreen) = try Self.take(server.base, arguments: ["--username", "officer"],
                                                       input: ["jariya2567"] + typed.dropFirst(3) + ["y"])
        #expect(secondCode == 0, "\(secondScreen)")
        #expect(secondScreen.contains("ตอบไปแล้ว 3 ข้อ"))
        #expect(!secondScreen.contains("ข้อ 3/20"))
        #expect(secondScreen.contains("ข้อ 4/20"))
        #expect(secondScreen.contains("ผลการทดสอบ:"))
        // These answers fail the post-test, and two attempts remain: the score and the verdict, no key (issue 14).
        #expect(secondScreen.contains("ยังไม่ผ่าน"))
        #expect(!secondScreen.contains("เฉลย (review)"))
        #expect(!secondScreen.contains("คำตอบที่ถูก"))
        #expect(secondScreen.contains("เฉลยจะแสดงเมื่อสอบผ่านหรือใช้สิทธิ์สอบครบ 3 ครั้งแล้ว"))
        #expect(secondScreen.contains("(เกณฑ์ 80%)"), "the post-test says pass or not against its pass mark")

        let (badCode, badScreen) = try Self.take(server.base, arguments: ["--username", "officer"], input: ["wrong password"])
        #expect(badCode == 1)
        #expect(badScreen.contains("wrong username or password"))
    }
}

/// Terminal columns, counting Thai marks above and below as zero width.
enum TextWidth {
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.filter { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: false
            default: true
            }
        }.count
    }
}
