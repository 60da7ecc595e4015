import JariyaDocuments
import Testing

@Suite struct QRCodeTests {
    @Test func aCodeHasItsFinderPatterns() throws {
        let code = try QRCode("http://127.0.0.1:8080/checkin/12?code=123456")
        #expect(code.size >= 21)
        #expect((code.size - 17) % 4 == 0, "a QR version's size is 17 + 4 × version")
        // The 7×7 finder squares sit in three corners: dark border, light ring, dark centre.
        for (row, column) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            #expect(code.isDark(row: row, column: column))
            #expect(!code.isDark(row: row + 1, column: column + 1))
            #expect(code.isDark(row: row + 3, column: column + 3))
        }
        #expect(!code.isDark(row: 7, column: 7), "a light separator surrounds each finder")
    }

    @Test func theTerminalFormIsSquareWithAQuietZone() throws {
        let code = try QRCode("ยก-2567-0001")
        let lines = code.terminalLines()
        #expect(lines.count == (code.size + 4 + 1) / 2)
        #expect(lines.allSatisfy { $0.count == code.size + 4 })
        #expect(lines[0].allSatisfy { $0 == "█" })
    }
}
