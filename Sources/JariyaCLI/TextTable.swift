/// Lines up columns for a terminal. Thai vowels above and below the line and
/// tone marks take no width of their own, so width counts only the characters
/// that advance the cursor.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    /// The rendered lines, header first, columns two spaces apart.
    func lines() -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { Self.width($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column]
                    : row[column] + String(repeating: " ", count: widths[column] - Self.width(row[column]))
            }.joined(separator: "  ")
        }
    }

    /// Terminal columns the text takes.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.filter { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: false
            default: true
            }
        }.count
    }
}
