/// The bytes of a document by line, for finding the columns of elements and
/// attributes that libxml2 reports only by line.
struct SourceText {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The 1-based column of `attribute=` (when given and present), else of
    /// `<element`, else of the first non-blank character on the line. Found
    /// in the line's bytes without copying them, so a file of one long line
    /// with many problems costs the line's length per problem, no more.
    func column(line: Int, element: String, attribute: String? = nil) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 1 }
        let start = lineStarts[line - 1]
        let end = max(start, line < lineStarts.count ? lineStarts[line] - 1 : bytes.count)
        let text = bytes[start..<end]
        func find(_ needle: String) -> Int? {
            let target = Array(needle.utf8)
            guard !target.isEmpty, text.count >= target.count else { return nil }
            var index = text.startIndex
            while index <= text.endIndex - target.count {
                if text[index] == target[0] && text[index..<index + target.count].elementsEqual(target) { return index }
                index += 1
            }
            return nil
        }
        // Columns count characters (code points), not bytes: continuation bytes are skipped.
        func column(of offset: Int) -> Int {
            bytes[start..<offset].reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        }
        if let attribute, let index = find(" \(attribute)=") ?? find("\t\(attribute)=") { return column(of: index) + 1 }
        if let index = find("<\(element)") ?? find(":\(element)") { return column(of: index) }
        return column(of: text.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? start)
    }
}
