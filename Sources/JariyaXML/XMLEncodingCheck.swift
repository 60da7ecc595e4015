import JariyaCore

/// What SafeXML refuses in the bytes themselves, before and after libxml2
/// reads them: Jariya content is UTF-8 only (a file declaring UTF-16 or
/// windows-874 would otherwise be converted silently by libxml2, and what the
/// trainer's editor showed would not be what was published), and text holds
/// no control characters, by the same rule as every other field (`TextField`).
enum XMLEncodingCheck {
    /// Why the start of a file is not UTF-8 XML, or nil when it may be.
    static func problem(start bytes: ArraySlice<UInt8>) -> String? {
        let head = Array(bytes.prefix(512))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0x00, 0x3C]) || head.starts(with: [0x3C, 0x00]) {
            return "the file is saved as UTF-16; Jariya reads UTF-8 only: save it again as UTF-8"
        }
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        guard body.starts(with: Array("<?xml".utf8)), let end = find(Array("?>".utf8), in: body) else { return nil }
        let declaration = String(decoding: body[..<end], as: UTF8.self)
        guard let encoding = attribute("encoding", in: declaration) else { return nil }
        // An encoding is a short name of letters, digits and . _ -; anything
        // else is echoed in no message (it may hold line breaks or NULs).
        guard encoding.count <= 40, encoding.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit || ("A"..."Z").contains($0)
                                                                          || ("a"..."z").contains($0) || "._-".unicodeScalars.contains($0) }) else {
            return "the XML declaration's encoding is not an encoding name; Jariya reads UTF-8 only: write encoding=\"UTF-8\""
        }
        guard ["utf-8", "utf8"].contains(encoding.lowercased()) else {
            return "the file declares encoding=\"\(encoding)\"; Jariya reads UTF-8 only: save it as UTF-8 and write encoding=\"UTF-8\""
        }
        return nil
    }

    /// The 1-based line and the code point of the first DEL or C1 control
    /// character in UTF-8 bytes (libxml2 itself refuses the C0 ones).
    static func firstControl(in bytes: [UInt8]) -> (line: Int, value: UInt32)? {
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if byte == 0x7F { return (line, 0x7F) }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                return (line, UInt32(bytes[index + 1]))
            }
            index += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    /// A pseudo-attribute of the XML declaration: `name = "value"` or with single quotes.
    private static func attribute(_ name: String, in declaration: String) -> String? {
        guard let range = declaration.range(of: name) else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        let value = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        return String(value.dropFirst().prefix { $0 != quote })
    }
}
