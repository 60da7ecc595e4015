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
    /// `<element`, else of the first non-blank character on the line.
    func column(line: Int, element: String, attribute: String? = nil) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 1 }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        let scalars = Array(String(decoding: bytes[start..<max(start, end)], as: UTF8.self).unicodeScalars)
        func find(_ needle: String) -> Int? {
            let target = Array(needle.unicodeScalars)
            guard !target.isEmpty, scalars.count >= target.count else { return nil }
            return (0...(scalars.count - target.count)).first { Array(scalars[$0..<$0 + target.count]) == target }
        }
        if let attribute, let index = find(" \(attribute)=") ?? find("\t\(attribute)=") { return index + 2 }
        if let index = find("<\(element)") ?? find(":\(element)") { return index + 1 }
        return (scalars.firstIndex { $0 != " " && $0 != "\t" } ?? 0) + 1
    }
}
