import JariyaCore
import Testing

@Suite struct CSVTests {
    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let records = try CSV.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func tabSeparatedIsRecognisedByItsHeader() throws {
        #expect(try CSV.parse("a\tb\n1\t2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test(arguments: [
        ("a,b\n\"open,c\n", 2, "never closed"),
        ("a,b\nx\"y,z\n", 2, "quote inside"),
        ("a\n\"q\"z\n", 2, "after a closing quote"),
    ])
    func malformedCSVNamesTheLine(text: String, line: Int, words: String) {
        #expect {
            try CSV.parse(text)
        } throws: { error in
            guard let failure = error as? CSV.Failure else { return false }
            return failure.line == line && failure.message.contains(words)
        }
    }

    @Test(arguments: [
        ("=SUM(A1:A9)", "\"'=SUM(A1:A9)\""),
        ("+66 81", "\"'+66 81\""),
        ("-1", "\"'-1\""),
        ("@cmd", "\"'@cmd\""),
        ("สมชาย \"ต้น\"", "\"สมชาย \"\"ต้น\"\"\""),
    ])
    func formulasAreNeutralisedOnOutput(field: String, escaped: String) {
        #expect(CSV.escape(field) == escaped)
    }
}

@Suite struct TextDecodingTests {
    @Test func theThreeEncodingsOfHRGiveTheSameText() throws {
        let text = "ชื่อ,สังกัด\nเกศินี,กองคลัง\n"
        let utf8 = Array(text.utf8)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + utf8
        let cp874: [UInt8] = text.unicodeScalars.map { scalar in
            scalar.value < 0x80 ? UInt8(scalar.value) : UInt8(scalar.value - 0x0E00 + 0xA0)
        }
        #expect(try TextDecoding.decode(utf8) == (text, .utf8))
        #expect(try TextDecoding.decode(bom) == (text, .utf8WithBOM))
        #expect(try TextDecoding.decode(cp874) == (text, .windows874))
    }

    @Test func windowsAdditionsAreKeptNotDropped() throws {
        #expect(try TextDecoding.windows874([0x80, 0x85, 0x93, 0xA1, 0x94, 0x96]) == "€…“ก”–")
    }

    @Test func undefinedBytesAreRefused() {
        #expect(throws: TextDecoding.Failure.undefinedByte(0xFC, offset: 1)) {
            try TextDecoding.decode([0xA1, 0xFC])
        }
    }
}
