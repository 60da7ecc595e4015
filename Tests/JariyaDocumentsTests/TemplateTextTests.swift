import Foundation
import Testing
@testable import JariyaDocuments

@Suite struct TemplateTextTests {
    /// The shipped templates' placeholders are all laid out by Jariya, not librsvg: the fast path.
    @Test(arguments: CertificateRendererTests.templates)
    func everyPlaceholderOfTheShippedTemplatesIsLaidOutByJariya(template name: String) throws {
        let template = try CertificateTemplate.load(named: name, from: PDFTools.certificates)
        let laidOut = Set(template.texts.flatMap { text in
            text.pieces.compactMap { piece -> String? in if case .value(let key) = piece { key } else { nil } }
        })
        #expect(laidOut == template.used)
    }

    static func texts(_ body: String) throws -> [TemplateText] {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g id="qr"><rect/></g>"# + body + "</svg>"
        return try CertificateTemplate(name: "t", svg: svg).texts
    }

    @Test func propertiesComeFromAttributesStylesAndGroups() throws {
        let texts = try Self.texts(#"""
            <g font-family="Norasi" fill="#102030" transform="translate(5, 7)">
              <text x="10" y="20" style="font-size: 30px; font-weight: bold; text-anchor: end">ก &amp; ข <tspan id="v">{{serial}}</tspan></text>
            </g>
            """#)
        let text = try #require(texts.first)
        #expect(text.x == 15 && text.y == 27)
        #expect(text.size == 30 && text.weight == 700 && text.anchor == .end && text.family == "Norasi")
        #expect(abs(text.red - 16.0 / 255) < 1e-9 && abs(text.blue - 48.0 / 255) < 1e-9)
        #expect(text.pieces == [.literal("ก & ข "), .value("serial")])
        #expect(text.line(with: ["serial": "ยก-2567-0001"]) == "ก & ข ยก-2567-0001")
    }

    @Test(arguments: [
        #"<text x="1" y="2" font-family="Norasi" font-size="9" fill="url(#gold)">{{serial}}</text>"#,
        #"<text x="1" y="2" font-family="Norasi" font-size="9" transform="rotate(5)">{{serial}}</text>"#,
        #"<g transform="scale(2)"><text x="1" y="2" font-family="Norasi" font-size="9">{{serial}}</text></g>"#,
        #"<text x="1" y="2" font-family="Norasi" font-size="9" letter-spacing="2">{{serial}}</text>"#,
        #"<text x="1" y="2" font-family="Norasi" font-size="9"><tspan fill="red">{{serial}}</tspan></text>"#,
        #"<text x="1" y="2" font-family="Norasi" font-size="9" class="big">{{serial}}</text>"#,
        #"<text x="1" y="2" font-size="9">{{serial}}</text>"#,
        ##"<text x="1" y="2" font-family="Norasi" font-size="9" stroke="#000">{{serial}}</text>"##,
    ])
    func anythingElseIsLeftToLibrsvg(body: String) throws {
        #expect(try Self.texts(body).isEmpty)
    }

    @Test func aStyleSheetLeavesAllTextToLibrsvg() throws {
        #expect(try Self.texts(#"<style>text { fill: red }</style><text x="1" y="2" font-family="Norasi" font-size="9">ก</text>"#).isEmpty)
    }

    @Test func whiteSpaceIsHandledAsSVGDoes() throws {
        let plain = try #require(try Self.texts("<text x=\"1\" y=\"2\" font-family=\"Norasi\" font-size=\"9\">\n   ก   ข\n</text>").first)
        #expect(plain.line(with: [:]) == "ก ข")
        let kept = try #require(try Self.texts("<text x=\"1\" y=\"2\" font-family=\"Norasi\" font-size=\"9\" xml:space=\"preserve\">ก  ข\tค</text>").first)
        #expect(kept.line(with: [:]) == "ก  ข ค")
    }

    @Test func anUnknownPlaceholderInALaidOutLineIsStillRefused() {
        #expect(throws: CertificateTemplateError.self) {
            try Self.texts(#"<text x="1" y="2" font-family="Norasi" font-size="9">{{officer_nmae}}</text>"#)
        }
    }
}
