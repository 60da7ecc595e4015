import Crypto
import Foundation
import JariyaCore
import Testing

@Suite struct CertificateFactsTests {
    static let facts = CertificateFacts(serial: "ยก-2567-0001", code: "7F3K-92QX", agency: "yodkaeng",
                                        agencyName: "องค์การบริหารส่วนตำบลยอดแกง", officerName: "นางน้ำทิพย์ ปู่ป้ำ",
                                        courseKey: "code-of-ethics", courseVersion: 1,
                                        courseTitle: "มาตรฐานทางจริยธรรมและประมวลจริยธรรมสำหรับพนักงานส่วนท้องถิ่น",
                                        fiscalYear: 2567, issuedOn: "2024-03-15")

    /// Every signed fact, changed in turn: each change breaks the signature.
    @Test(arguments: [
        "serial", "code", "agency", "agencyName", "officerName", "courseKey", "courseVersion", "courseTitle", "fiscalYear", "issuedOn",
    ])
    func changingAnySignedFactFailsVerification(field: String) throws {
        let key = Curve25519.Signing.PrivateKey()
        let trusted = key.publicKey.rawRepresentation.base64EncodedString()
        var signed = try SignedCertificate.sign(Self.facts, key: key)
        #expect(signed.isSigned(by: trusted))
        switch field {
        case "serial": signed.facts.serial = "ยก-2567-0002"
        case "code": signed.facts.code = "7F3K-92QY"
        case "agency": signed.facts.agency = "yodkaew"
        case "agencyName": signed.facts.agencyName = "องค์การบริหารส่วนตำบลยอดแก้ว"
        case "officerName": signed.facts.officerName = "นางน้ำทิพย์ ปู่ป้า"
        case "courseKey": signed.facts.courseKey = "other"
        case "courseVersion": signed.facts.courseVersion = 2
        case "courseTitle": signed.facts.courseTitle += " (ฉบับปรับปรุง)"
        case "fiscalYear": signed.facts.fiscalYear = 2568
        default: signed.facts.issuedOn = "2024-03-16"
        }
        #expect(!signed.isSigned(by: trusted), "\(field) changed, the signature still held")
    }

    @Test func aLineBreakInAValueCannotForgeAnotherFact() {
        var forged = Self.facts
        forged.officerName = "นางน้ำทิพย์ ปู่ป้ำ\ncourse:other"
        let text = String(decoding: forged.signedText, as: UTF8.self)
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("course:") }.count == 1)
    }

    @Test(arguments: [
        ("7f3k-92qx", "7F3K-92QX"), ("7F3K92QX", "7F3K-92QX"), ("7f3k 92qx", "7F3K-92QX"), ("OI1L-0000", "0111-0000"),
    ])
    func codesAreReadAsPeopleTypeThem(typed: String, code: String) {
        #expect(CertificateSerial.normalizedCode(typed) == code)
    }

    @Test(arguments: ["", "7F3K-92Q", "7F3K-92QXX", "<script>", "7F3K-92QU"])
    func whatCannotBeACodeIsRefused(typed: String) {
        #expect(CertificateSerial.normalizedCode(typed) == nil)
    }

    @Test(arguments: [(1, "ยก-2567-0001"), (42, "ยก-2567-0042"), (12345, "ยก-2567-12345")])
    func serialsSortWithinAYear(number: Int, serial: String) {
        #expect(CertificateSerial.format(prefix: "ยก", fiscalYear: 2567, number: number) == serial)
    }

    @Test func theDateLineIsInBuddhistEraWithThaiDigitsOnRequest() {
        let day = CivilDate(year: 2026, month: 11, day: 25)
        #expect(ThaiDate.certificateLine(day) == "ให้ไว้ ณ วันที่ 25 เดือนพฤศจิกายน พุทธศักราช 2569")
        #expect(ThaiDate.certificateLine(day, thaiDigits: true) == "ให้ไว้ ณ วันที่ ๒๕ เดือนพฤศจิกายน พุทธศักราช ๒๕๖๙")
    }
}
