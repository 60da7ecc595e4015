import Foundation
import JariyaCore
import Testing
@testable import JariyaXML

/// Inputs that attack XML parsers. Each must be refused with a message that
/// says why, before any content is used.
@Suite struct HostileXMLTests {
    func refusal(_ text: String, maxBytes: Int = SafeXML.defaultMaxBytes) -> [Diagnostic] {
        refusal(bytes: Array(text.utf8), maxBytes: maxBytes)
    }

    func refusal(bytes: [UInt8], maxBytes: Int = SafeXML.defaultMaxBytes) -> [Diagnostic] {
        do {
            _ = try SafeXML.load(bytes: bytes, name: "hostile.xml", maxBytes: maxBytes)
            Issue.record("the document was accepted")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func parserOptionsAreNoNetAndNothingElse() {
        #expect(SafeXML.parserOptions == 2048) // XML_PARSE_NONET
        let forbidden: [Int32] = [2 /* NOENT */, 4 /* DTDLOAD */, 8 /* DTDATTR */, 16 /* DTDVALID */,
                                  1024 /* XINCLUDE */, 524_288 /* HUGE */]
        for option in forbidden { #expect(SafeXML.parserOptions & option == 0) }
    }

    @Test func billionLaughsIsRefusedAtTheDoctype() {
        var entities = "<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        let problems = refusal("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(entities)]>\n<course xmlns=\"urn:jariya:course:1\">&lol9;</course>")
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("DOCTYPE") == true)
        #expect(problems.first?.line == 2)
    }

    @Test func quadraticBlowUpIsRefused() {
        let big = String(repeating: "x", count: 100_000)
        let body = String(repeating: "&a;", count: 10_000)
        let problems = refusal("<!DOCTYPE c [<!ENTITY a \"\(big)\">]><course xmlns=\"urn:jariya:course:1\">\(body)</course>")
        #expect(problems.first?.message.contains("DOCTYPE") == true)
    }

    @Test func externalEntityNamingALocalFileIsRefused() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-secret-\(UUID()).txt")
        try "TOP-SECRET-VALUE".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let problems = refusal("<!DOCTYPE c [<!ENTITY x SYSTEM \"\(secret.absoluteString)\">]><course xmlns=\"urn:jariya:course:1\">&x;</course>")
        #expect(problems.first?.message.contains("DOCTYPE") == true)
        #expect(!problems.map(\.message).joined().contains("TOP-SECRET-VALUE"))
    }

    @Test func externalDTDOverTheNetworkIsNeverFetched() throws {
        let listener = try LoopbackListener()
        let problems = refusal("<?xml version=\"1.0\"?>\n<!DOCTYPE course SYSTEM \"http://127.0.0.1:\(listener.port)/evil.dtd\">\n<course xmlns=\"urn:jariya:course:1\"/>")
        #expect(problems.first?.message.contains("DOCTYPE") == true)
        #expect(listener.connectionsSoFar() == 0)
    }

    @Test func deepNestingIsRefused() {
        let depth = 20_000
        let text = "<course xmlns=\"urn:jariya:course:1\">" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</course>"
        let problems = refusal(text)
        #expect(problems.first?.message.contains("nested too deeply") == true)
    }

    @Test func aFileOverTheLimitIsRefusedBeforeParsing() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-big-\(UUID()).xml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: url.path))
        let block = Data(repeating: 0x20, count: 1 << 20)
        for _ in 0..<20 { handle.write(block) }
        try handle.close()
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try SafeXML.load(path: url.path, displayName: "big.xml")
            Issue.record("accepted a 20 MiB file")
        } catch {
            #expect(error.diagnostics.first?.message.contains("20.0 MiB") == true)
            #expect(error.diagnostics.first?.message.contains("16.0 MiB") == true)
        }
    }

    @Test func aStreamThatGrowsPastTheLimitIsCutOff() {
        let text = "<course xmlns=\"urn:jariya:course:1\">" + String(repeating: "<!-- padding -->", count: 10_000) + "</course>"
        let problems = refusal(text, maxBytes: 64 * 1024)
        #expect(problems.first?.message.contains("limit") == true)
    }

    @Test func invalidUTF8IsRefusedWithItsLine() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<course xmlns=\"urn:jariya:course:1\">\n<title>".utf8)
        bytes += [0xC3, 0x28, 0xFF]
        bytes += Array("</title></course>".utf8)
        let problems = refusal(bytes: bytes)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.contains("UTF-8") == true)
    }

    @Test func anEmptyFileAndAForeignRootAreRefused() {
        #expect(refusal("").first?.message == "the file is empty")
        #expect(refusal("<html/>").first?.message.contains("urn:jariya:course:1") == true)
    }
}
