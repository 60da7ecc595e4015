import JariyaXML
import Testing

/// Row 11 of issue 14: content is UTF-8 only, and control characters are refused with their line.
@Suite struct EncodingTests {
    static let course = #"<course xmlns="urn:jariya:course:1" id="x" xml:lang="th"><title>ทดสอบ</title></course>"#

    @Test(arguments: ["UTF-16", "windows-874", "TIS-620", "ISO-8859-11"])
    func aDeclaredEncodingOtherThanUTF8IsRefused(encoding: String) throws {
        let text = "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n" + Self.course
        #expect {
            _ = try SafeXML.load(bytes: Array(text.utf8), name: "c.xml")
        } throws: { error in
            (error as? XMLFailure)?.diagnostics.first?.message.contains("UTF-8 only") == true
        }
    }

    @Test func aUTF16FileIsRefused() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Self.course.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(throws: XMLFailure.self) { _ = try SafeXML.load(bytes: bytes, name: "c.xml") }
    }

    @Test func aC1ControlCharacterIsRefusedWithItsLine() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<course xmlns=\"urn:jariya:course:1\" id=\"x\" xml:lang=\"th\">\n<title>ทด\u{0085}สอบ</title></course>"
        #expect {
            _ = try SafeXML.load(bytes: Array(text.utf8), name: "c.xml")
        } throws: { error in
            let diagnostic = (error as? XMLFailure)?.diagnostics.first
            return diagnostic?.line == 3 && diagnostic?.message.contains("U+0085") == true
        }
    }

    /// Found by the fuzzer: an encoding "name" holding a line break and NULs was echoed into a one-line message.
    @Test func anEncodingThatIsNoNameIsRefusedWithoutEchoingIt() throws {
        let text = "<?xml version=\"1.0\" encoding=\"\u{FF}\u{0}\u{0}\n<bank xmlns=\"urn:jariya:quiz:1\"?>\n" + Self.course
        #expect {
            _ = try SafeXML.load(bytes: Array(text.utf8), name: "c.xml")
        } throws: { error in
            let message = (error as? XMLFailure)?.diagnostics.first?.message ?? ""
            return message.contains("not an encoding name") && !message.contains("\n") && !message.contains("\u{0}")
        }
    }
}
