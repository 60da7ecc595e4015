/// Lower-case hexadecimal, as hashes and ids are written.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Whether `hex` (lower-case ASCII) spells these bytes, without allocating.
    public static func matches(_ bytes: UnsafeRawBufferPointer, hex: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        for byte in bytes {
            guard index + 1 < hex.count, hex[index] == digits[Int(byte >> 4)], hex[index + 1] == digits[Int(byte & 0x0F)] else {
                return false
            }
            index += 2
        }
        return index == hex.count
    }

    /// Two hex digits per byte.
    public static func string(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
