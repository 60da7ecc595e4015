import Foundation
import JariyaCore
import Testing

@Suite struct ThaiTextTests {
    @Test(arguments: [
        ("  สมชาย  ", "สมชาย"),
        ("สม\u{200B}ชาย", "สมชาย"),
        ("สมชาย\u{00A0}\u{00A0}ใจดี", "สมชาย ใจดี"),
        ("\u{FEFF}นาย", "นาย"),
        ("a\t\n b", "a b"),
    ])
    func cleaning(input: String, expected: String) {
        #expect(ThaiText.clean(input) == expected)
    }

    @Test(arguments: [
        ("น\u{0E4D}\u{0E32}", "น\u{0E33}"),
        ("๓,๐๐๐", "3,000"),
        (" 3000 บาท ", "3000บาท"),
        ("ABC", "abc"),
        ("ก.ถ.", "ก.ถ."),
    ])
    func answerKeys(input: String, expected: String) {
        #expect(ThaiText.answerKey(input) == expected)
    }

    @Test func thaiOrderSkipsLeadingVowels() {
        let names = ["ขวัญใจ", "เกศินี", "สมชาย", "กมล", "ไพรวัลย์", "แสงเดือน", "อำนาจ", "โสภา", "น้ำทิพย์"]
        let sorted = names.sorted(by: ThaiText.precedes)
        #expect(sorted == ["กมล", "เกศินี", "ขวัญใจ", "น้ำทิพย์", "ไพรวัลย์", "สมชาย", "แสงเดือน", "โสภา", "อำนาจ"])
        #expect(names.sorted() != sorted, "plain code-point order would be wrong, which is the point")
    }

    @Test(arguments: ["à¸ªà¸¡à¸Šà¸²à¸¢", "à¹€à¸"])
    func mojibakeIsRecognised(text: String) {
        #expect(ThaiText.looksLikeMojibake(text))
    }

    @Test func thaiTextIsNotMojibake() {
        #expect(!ThaiText.looksLikeMojibake("สมชาย ใจดี"))
        #expect(ThaiText.thaiDigits("25 พ.ย. 2569") == "๒๕ พ.ย. ๒๕๖๙")
    }
}

@Suite struct PersonNameTests {
    @Test(arguments: [
        ("นางสาวกฤษณ์ธิดา ศรีสุข", "นางสาว", "กฤษณ์ธิดา", "ศรีสุข"),
        ("นางน้ำทิพย์ ปู่ป้ำ", "นาง", "น้ำทิพย์", "ปู่ป้ำ"),
        ("นายสมชาย ใจดี", "นาย", "สมชาย", "ใจดี"),
        ("ว่าที่ร้อยตรีหญิงสุดา มีสุข", "ว่าที่ร้อยตรีหญิง", "สุดา", "มีสุข"),
        ("ว่าที่ร้อยตรีวีระ กล้าหาญ", "ว่าที่ร้อยตรี", "วีระ", "กล้าหาญ"),
        ("นายิกา สายใจ", "", "นายิกา", "สายใจ"),
        ("สมศรี  มีชัย ", "", "สมศรี", "มีชัย"),
    ])
    func fullNamesAreSplit(cell: String, prefix: String, first: String, last: String) {
        let name = PersonName.parse(fullName: cell)
        #expect(name.prefix == prefix)
        #expect(name.firstName == first)
        #expect(name.lastName == last)
    }

    @Test func formalNameHasNoSpaceAfterThePrefix() {
        #expect(PersonName(prefix: "นางสาว", firstName: "กฤษณ์ธิดา", lastName: "ศรีสุข").formal == "นางสาวกฤษณ์ธิดา ศรีสุข")
    }
}

@Suite struct ThaiSortKeyTests {
    /// The key gives the order Foundation's th_TH comparison gives, on the
    /// demo roster's names and on words that differ only in vowels and marks.
    @Test func theKeyAgreesWithTheLocale() {
        let words = ["กก", "กะ", "กัก", "กา", "กำ", "กิ", "กี", "กึ", "กือ", "กุ", "กู", "เก", "แก", "โก", "ใก", "ไก", "ก่า", "ก้า", "ข", "ขวัญ",
                     "เกศินี", "กมล", "น้ำทิพย์", "นำ", "ไพรวัลย์", "สมชาย", "แสงเดือน", "โสภา", "อำนาจ", "ฤทธิ์", "ฤๅษี", "ฮา", "เกียรติ", "เกี่ยว",
                     "กฤษณ์ธิดา", "ปู่", "ป้ำ", "ศรีสุข", "สุข", "สุข สม", "สุขสม",
                     "ทดสอบ", "ทดสอบ9", "ทดสอบ10", "ทดสอบ 2", "1ก", "ก1", "ก 1", "9", "เก1", "เก9ก"]
        let locale = Locale(identifier: "th_TH")
        let expected = words.sorted { $0.compare($1, options: [], range: nil, locale: locale) == .orderedAscending }
        #expect(words.sorted(by: ThaiText.precedes) == expected)
    }
}

@Suite struct FlatSortKeyTests {
    /// The flat key sorts people exactly as `PersonName.thaiOrder` does.
    @Test func theFlatKeyOrdersPeopleAsThaiOrderDoes() {
        let people = [("กานดา", "ใจดี"), ("เกศินี", "วงศ์ดี"), ("กานดา", "ใจงาม"), ("ขวัญ", "มั่นคง"), ("กา", "ดี"), ("ก้า", "ดี"),
                      ("น้ำทิพย์", "ปู่ป้ำ"), ("นำ", "ทิพย์"), ("ใบเตย", "จันทร์หอม"), ("บุญมี", "ผิวขำ")]
            .map { PersonName(prefix: "", firstName: $0.0, lastName: $0.1) }
        let byKey = people.sorted { ($0.flatSortKey ?? []).lexicographicallyPrecedes($1.flatSortKey ?? []) }
        #expect(byKey == people.sorted(by: PersonName.thaiOrder))
    }
}
