/// Wraps text for an 80-column terminal. Thai runs have no spaces between
/// words, so a run wider than the line is broken between characters (never
/// inside a character with its vowels and tone marks).
enum TextWrap {
    static func lines(_ text: String, width: Int = 78, indent: String = "") -> [String] {
        var result: [String] = []
        var line = ""
        func flush() {
            if !line.isEmpty { result.append(indent + line) }
            line = ""
        }
        let room = max(10, width - TextTable.width(indent))
        // The repeat mark ๆ must not start a line: keep it with the word before.
        let glued = text.replacingOccurrences(of: " ๆ", with: "\u{00A0}ๆ")
        for word in glued.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if TextTable.width(candidate) <= room {
                line = candidate
                continue
            }
            flush()
            var piece = ""
            for character in word {
                if TextTable.width(piece + String(character)) > room {
                    line = piece
                    flush()
                    piece = ""
                }
                piece.append(character)
            }
            line = piece
        }
        flush()
        return result.isEmpty ? [indent] : result
    }
}
