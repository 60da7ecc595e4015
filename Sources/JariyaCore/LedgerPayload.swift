/// The text form of a ledger entry's details: `key:length:value` lines, sorted
/// by key, lengths in UTF-8 bytes. Exact to read back and quick to parse, which
/// matters when a million entries are verified.
public enum LedgerPayload {
    /// Encodes details, keys sorted.
    public static func encode(_ payload: [String: String]) -> String {
        var text = ""
        for key in payload.keys.sorted() {
            let value = payload[key] ?? ""
            text += "\(key):\(value.utf8.count):\(value)\n"
        }
        return text
    }

    /// Decodes details; nil when the text is not in this form.
    public static func decode(_ text: String) -> [String: String]? {
        var result: [String: String] = [:]
        var bytes = Substring(text).utf8[...]
        while !bytes.isEmpty {
            guard let colon = bytes.firstIndex(of: 0x3A) else { return nil }
            let key = String(decoding: bytes[..<colon], as: UTF8.self)
            bytes = bytes[bytes.index(after: colon)...]
            guard let second = bytes.firstIndex(of: 0x3A), let length = Int(String(decoding: bytes[..<second], as: UTF8.self)) else { return nil }
            bytes = bytes[bytes.index(after: second)...]
            guard bytes.count > length else { return nil }
            let end = bytes.index(bytes.startIndex, offsetBy: length)
            result[key] = String(decoding: bytes[..<end], as: UTF8.self)
            guard bytes[end] == 0x0A else { return nil }
            bytes = bytes[bytes.index(after: end)...]
        }
        return result
    }
}
