import Foundation
import Testing
@testable import JariyaCLI

@Suite struct CertificateCommandTests {
    /// The demo agency, its certificates written as PDF to `out/`.
    static func issued() async throws -> (runner: CommandRunner, out: URL, files: [String]) {
        let runner = try CommandRunner()
        let demo = await runner.run(["demo", "--content", CommandRunner.repository.path])
        #expect(demo.code == 0, "\(demo.err)")
        let out = runner.folder.appendingPathComponent("out")
        let issue = await runner.run(["certificate", "issue", "--course", "code-of-ethics", "--fiscal-year", "2567",
                                      "--out", out.path, "--content", CommandRunner.repository.path])
        #expect(issue.code == 0, "\(issue.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(issue.out.last == "issued 0 new, wrote \(files.count) PDF files to \(out.path)", "the demo's certificates came with its completions")
        return (runner, out, files)
    }

    @Test func anIssuedPDFVerifiesOfflineAndAnEditedOneDoesNot() async throws {
        let (runner, out, files) = try await Self.issued()
        defer { runner.remove() }
        #expect(files.first == "ยก-2567-0001.pdf")
        let first = out.appendingPathComponent(files[0])
        let second = out.appendingPathComponent(files[1])
        let genuine = await runner.run(["certificate", "verify", first.path])
        #expect(genuine.code == 0, "\(genuine.err)")
        #expect(genuine.out.last?.hasPrefix("ถูกต้อง") == true)

        // The second certificate's page with the first one's signed data: the
        // signature holds, but the printed name is not the one signed.
        let a = try Data(contentsOf: first), b = try Data(contentsOf: second)
        let forged = runner.folder.appendingPathComponent("forged.pdf")
        let signedForA = try #require(Self.keywords(of: a))
        try Self.replacingKeywords(in: b, with: a[signedForA]).write(to: forged)
        let caught = await runner.run(["certificate", "verify", forged.path])
        #expect(caught.code == 1)
        #expect(caught.err.contains { $0.contains("the printed name differs") }, "\(caught.err)")
        #expect(!caught.err.contains { $0.contains("the printed course title differs") }, "the page's text was read: the course is the same")

        // The signed data itself edited: the signature no longer holds.
        let payload = try #require(Data(base64Encoded: a[signedForA]))
        let facts = String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "\"fiscalYear\":2567", with: "\"fiscalYear\":2568")
        #expect(facts != String(decoding: payload, as: UTF8.self))
        let edited = runner.folder.appendingPathComponent("edited.pdf")
        try Self.replacingKeywords(in: a, with: Data(Data(facts.utf8).base64EncodedString().utf8)).write(to: edited)
        let broken = await runner.run(["certificate", "verify", edited.path])
        #expect(broken.code == 1)
        #expect(broken.err.contains { $0.contains("the signature does NOT hold") }, "\(broken.err)")
    }

    @Test func theKeyCanComeFromThePublishedFile() async throws {
        let (runner, out, files) = try await Self.issued()
        defer { runner.remove() }
        let key = runner.folder.appendingPathComponent("jariya-signing-key.json")
        let shown = await runner.run(["agency", "show"])
        let line = try #require(shown.out.first { $0.hasPrefix("กุญแจสาธารณะ") })
        let published = try #require(line.split(separator: " ").last.map(String.init))
        try #"{"keys":[{"agency":"yodkaew","name":"x","algorithm":"Ed25519","publicKey":"\#(published)"}]}"#
            .write(to: key, atomically: true, encoding: .utf8)
        let offline = await runner.run(["certificate", "verify", out.appendingPathComponent(files[0]).path, "--public-key", key.path],
                                       withDatabase: false)
        #expect(offline.code == 0, "\(offline.err)")
        #expect(offline.err.contains { $0.contains("revocation is checked online") }, "no database: the paper cannot tell revocation")
        // A key that is not the agency's proves nothing.
        try #"{"keys":[{"agency":"yodkaew","name":"x","algorithm":"Ed25519","publicKey":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}]}"#
            .write(to: key, atomically: true, encoding: .utf8)
        let wrong = await runner.run(["certificate", "verify", out.appendingPathComponent(files[0]).path, "--public-key", key.path],
                                     withDatabase: false)
        #expect(wrong.code == 1)
    }

    @Test func revokingIsLedgeredAndShows() async throws {
        let (runner, out, files) = try await Self.issued()
        defer { runner.remove() }
        let noReason = await runner.run(["certificate", "revoke", "ยก-2567-0001"])
        #expect(noReason.code == 2, "--reason is required")
        let revoked = await runner.run(["certificate", "revoke", "ยก-2567-0001", "--reason", "ชื่อสะกดผิด", "--reissue", "--out", out.path,
                                        "--content", CommandRunner.repository.path])
        #expect(revoked.code == 0, "\(revoked.err)")
        #expect(revoked.out.first == "เพิกถอน ยก-2567-0001 แล้ว: ชื่อสะกดผิด")
        let stale = await runner.run(["certificate", "verify", out.appendingPathComponent(files[0]).path])
        #expect(stale.code == 1)
        #expect(stale.err.contains { $0.contains("revoked on") && $0.contains("ชื่อสะกดผิด") })
        let ledger = await runner.run(["ledger", "show", "--last", "2"])
        #expect(ledger.out.joined().contains("certificate.revoked"))
        #expect(ledger.out.joined().contains("certificate.issued"))
        #expect(await runner.run(["ledger", "verify"]).code == 0)
        let missing = await runner.run(["certificate", "revoke", "ยก-2567-9999", "--reason", "ไม่มี"])
        #expect(missing.code == 1)
        #expect(missing.err == ["jariya: no certificate ยก-2567-9999"])
    }

    @Test func theAgencyProfileRefusesABadAddress() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        await runner.initialise()
        let bad = await runner.run(["agency", "set", "--verify-base-url", "javascript:alert(1)"])
        #expect(bad.code == 2)
        let good = await runner.run(["agency", "set", "--verify-base-url", "https://yodkaeng.go.th/jariya", "--signer-name", "นายสมชาย ใจดี"])
        #expect(good.code == 0, "\(good.err)")
        #expect(good.out.contains { $0.contains("https://yodkaeng.go.th/jariya") })
    }

    @Test(arguments: [["--help"], ["certificate", "--help"], ["certificate"], ["agency", "set", "--help"]])
    func helpIsPrintedAndExitsZero(arguments: [String]) async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let help = await runner.run(arguments, withDatabase: false)
        #expect(help.code == 0)
        #expect(help.out.first?.hasPrefix("OVERVIEW:") == true, "\(help.out.prefix(2)) \(help.err)")
    }

    /// The base64 text of the PDF's JariyaCertificate keyword, and where it lies.
    static func keywords(of pdf: Data) -> Range<Data.Index>? {
        guard let marker = pdf.range(of: Data("JariyaCertificate:".utf8)),
              let end = pdf[marker.upperBound...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        return marker.upperBound..<end
    }

    /// The PDF with its keyword bytes replaced; every other byte stays as cairo wrote it.
    static func replacingKeywords(in pdf: Data, with payload: Data) -> Data {
        guard let range = keywords(of: pdf) else { return pdf }
        var copy = pdf
        copy.replaceSubrange(range, with: payload)
        return copy
    }
}
