import Crypto
import Foundation
import JariyaCore
import JariyaDocuments
import Testing

@Suite struct CertificateRendererTests {
    static let seed = Data((1...32).map { UInt8($0) })
    static var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: seed) }

    static func print(name: String, title: String = "มาตรฐานทางจริยธรรมและประมวลจริยธรรมสำหรับพนักงานส่วนท้องถิ่น",
                      issuedOn: String = "2024-03-15") throws -> CertificatePrint {
        let facts = CertificateFacts(serial: "ยก-2567-0001", code: "7F3K-92QX", agency: "yodkaeng",
                                     agencyName: "องค์การบริหารส่วนตำบลยอดแกง", officerName: name, courseKey: "code-of-ethics",
                                     courseVersion: 1, courseTitle: title, fiscalYear: 2567, issuedOn: issuedOn)
        return CertificatePrint(certificate: try SignedCertificate.sign(facts, key: key), signerName: "นายสมชาย ใจดี",
                                signerPosition: "นายกองค์การบริหารส่วนตำบลยอดแกง",
                                verifyURL: CertificatePrint.verifyURL(base: "https://yodkaeng.go.th/", code: "7F3K-92QX"))
    }

    static var templates: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: PDFTools.certificates.path)) ?? [])
            .filter { $0.hasSuffix(".svg") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test(arguments: templates, ["นางสาวกฤษณ์ธิดา ศรีสุข", "นางน้ำทิพย์ ปู่ป้ำ", #"นาย<b>&amp;"' ทดสอบ"#])
    func theTextOfThePDFIsWhatWasPutIn(template name: String, officer: String) throws {
        let template = try CertificateTemplate.load(named: name, from: PDFTools.certificates)
        let print = try Self.print(name: officer)
        let lines = try PDFTools.text(of: CertificateRenderer.pdf(print, template: template))
        #expect(lines.contains(officer), "\(name): \(lines)")
        #expect(lines.contains(print.certificate.facts.courseTitle), "\(name): \(lines)")
        let date = template.used.contains("date_line_th") ? "ให้ไว้ ณ วันที่ ๑๕ เดือนมีนาคม พุทธศักราช ๒๕๖๗"
                                                          : "ให้ไว้ ณ วันที่ 15 เดือนมีนาคม พุทธศักราช 2567"
        #expect(lines.contains(date), "\(name): \(lines)")
    }

    @Test(arguments: templates)
    func everyFontIsEmbedded(template name: String) throws {
        let template = try CertificateTemplate.load(named: name, from: PDFTools.certificates)
        let fonts = try PDFTools.fonts(of: CertificateRenderer.pdf(Self.print(name: "นางสาวกฤษณ์ธิดา ศรีสุข"), template: template))
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.embedded, "\(name): \(font.name) is not embedded") }
    }

    @Test(arguments: templates)
    func theQRCodeScansToTheVerificationPage(template name: String) throws {
        let template = try CertificateTemplate.load(named: name, from: PDFTools.certificates)
        let print = try Self.print(name: "นางสาวกฤษณ์ธิดา ศรีสุข")
        #expect(try PDFTools.scannedQRCodes(of: CertificateRenderer.pdf(print, template: template)) == [print.verifyURL])
    }

    @Test func thePDFCarriesItsSignedFacts() throws {
        let template = try CertificateTemplate.load(named: "standard", from: PDFTools.certificates)
        let print = try Self.print(name: "นางสาวกฤษณ์ธิดา ศรีสุข")
        let pdf = try CertificateRenderer.pdf(print, template: template)
        let carried = try #require(CertificateRenderer.embeddedCertificate(in: pdf))
        #expect(carried == print.certificate)
        #expect(carried.isSigned(by: Self.key.publicKey.rawRepresentation.base64EncodedString()))
        #expect(try CertificateRenderer.pdf(print, template: template) == pdf, "the same certificate prints the same bytes")
    }

    @Test func aTemplateWithADoctypeIsRefused() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"aaaa\">]>\n<svg><g id=\"qr\"><rect/></g></svg>"
        #expect(throws: CertificateTemplateError.problem(file: "evil.svg", line: 2, "a template may not declare a DOCTYPE or entities")) {
            try CertificateTemplate(name: "evil", svg: svg)
        }
    }

    @Test func anUnknownPlaceholderIsNamedWithItsLine() throws {
        let svg = "<svg>\n<text>{{officer_name}}</text>\n<text>{{officer_nmae}}</text>\n<g id=\"qr\"><rect/></g></svg>"
        do {
            _ = try CertificateTemplate(name: "typo", svg: svg)
            Issue.record("the typo was accepted")
        } catch {
            #expect(error.description.hasPrefix("typo.svg:3: unknown placeholder {{officer_nmae}}"))
        }
    }

    @Test func commentsAreLeftAlone() throws {
        let svg = #"<svg><!-- put {{officer_name}} or {{anything}} here; the id="qr" group --><text>{{officer_name}}</text><g id="qr"><rect/></g></svg>"#
        let template = try CertificateTemplate(name: "notes", svg: svg)
        let filled = template.filled(with: ["officer_name": "นายก"], qr: try QRCode("x"))
        #expect(filled.hasPrefix("<svg><!-- put {{officer_name}} or {{anything}} here; the id=\"qr\" group --><text>นายก</text><g id=\"qr\"><rect x="))
    }

    @Test func aTemplateNeedsAQRGroup() {
        #expect(throws: CertificateTemplateError.self) { try CertificateTemplate(name: "plain", svg: "<svg><text>{{serial}}</text></svg>") }
        #expect(throws: CertificateTemplateError.self) { try CertificateTemplate(name: "empty", svg: "<svg><g id=\"qr\"/></svg>") }
    }

    @Test func theQRGroupIsFilledEvenWithGroupsInside() throws {
        let svg = #"<svg><g id="qr" transform="translate(5,5)"><g><rect/></g><text>QR</text></g><text>{{serial}}</text></svg>"#
        let template = try CertificateTemplate(name: "nested", svg: svg)
        let filled = template.filled(with: ["serial": "ยก-2567-0001"], qr: try QRCode("x"))
        #expect(!filled.contains("<text>QR</text>"))
        #expect(filled.hasSuffix(#"</g><text>ยก-2567-0001</text></svg>"#))
        #expect(filled.hasPrefix(##"<svg><g id="qr" transform="translate(5,5)"><rect x="0" y="0" width="300" height="300" fill="#ffffff"/>"##))
    }

    @Test(arguments: [
        ("หจก. ก & ข", "หจก. ก &amp; ข"),
        (#"<script>"x"</script>"#, "&lt;script&gt;&quot;x&quot;&lt;/script&gt;"),
        ("line\nbreak\u{0}", "line break"),
    ])
    func valuesAreEscaped(value: String, escaped: String) {
        #expect(CertificateTemplate.escaped(value) == escaped)
    }
}

@Suite struct CertificateReadmeTests {
    /// The designers' table of placeholders names exactly those the renderer knows.
    @Test func theReadmeListsEveryPlaceholder() throws {
        let readme = try String(contentsOf: PDFTools.certificates.appendingPathComponent("README.md"), encoding: .utf8)
        let listed = readme.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `{{"), let end = line.range(of: "}}`") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 5)..<end.lowerBound])
        }
        #expect(Set(listed) == CertificateTemplate.placeholders)
        #expect(listed.count == CertificateTemplate.placeholders.count)
    }
}
