/// Decodes the text files HR exports from spreadsheets (domain.md §5):
/// UTF-8 with or without a byte-order mark, else Windows-874 ("ANSI" on Thai Windows).
public enum TextDecoding {
    /// The encoding a file turned out to be in.
    public enum Encoding: String, Sendable, Equatable {
        /// UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" writes.
        case utf8WithBOM = "UTF-8 with BOM"
        /// UTF-8 without a mark, as Google Sheets writes.
        case utf8 = "UTF-8"
        /// Windows code page 874, Thai.
        case windows874 = "Windows-874"
    }

    /// Why bytes could not be read as text.
    public enum Failure: Error, Equatable, Sendable {
        /// A byte Windows-874 leaves undefined, at this 0-based offset.
        case undefinedByte(UInt8, offset: Int)
    }

    /// Decodes bytes: strip a BOM, try strict UTF-8, else Windows-874.
    /// TIS-620 decoders drop 0x80–0x9F; this one maps them (€, …, smart quotes, dashes).
    public static func decode(_ bytes: [UInt8]) throws(Failure) -> (text: String, encoding: Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), let text = strictUTF8(bytes.dropFirst(3)) {
            return (text, .utf8WithBOM)
        }
        if let text = strictUTF8(bytes[...]) {
            return (text, .utf8)
        }
        return (try windows874(bytes), .windows874)
    }

    private static func strictUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }

    /// Decodes Windows-874: ASCII, the Thai block at 0xA1–0xFB, and the
    /// Windows additions at 0x80–0x9F. Undefined bytes are refused, not guessed.
    public static func windows874(_ bytes: [UInt8]) throws(Failure) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            guard let scalar = windows874Scalar(byte) else { throw .undefinedByte(byte, offset: offset) }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func windows874Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        let value: UInt32?
        switch byte {
        case 0x00...0x7F: value = UInt32(byte)
        case 0x80: value = 0x20AC
        case 0x85: value = 0x2026
        case 0x91: value = 0x2018
        case 0x92: value = 0x2019
        case 0x93: value = 0x201C
        case 0x94: value = 0x201D
        case 0x95: value = 0x2022
        case 0x96: value = 0x2013
        case 0x97: value = 0x2014
        case 0xA0: value = 0x00A0
        case 0xA1...0xDA, 0xDF...0xFB: value = 0x0E00 + UInt32(byte - 0xA0)
        default: value = nil
        }
        return value.flatMap(Unicode.Scalar.init)
    }
}
