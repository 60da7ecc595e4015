/// Reads comma-separated text (RFC 4180: quoted fields may hold commas, quotes
/// doubled, and line breaks), keeping the line each record starts on for messages.
public enum CSV {
    /// One record and the 1-based line of the file it starts on.
    public struct Record: Equatable, Sendable {
        /// The line the record starts on.
        public var line: Int
        /// The fields, unquoted.
        public var fields: [String]
    }

    /// Why text is not CSV.
    public struct Failure: Error, Equatable, Sendable {
        /// The line the problem starts on.
        public var line: Int
        /// What is wrong.
        public var message: String
    }

    /// How much a file may hold; reading stops at the first record past either
    /// limit, so a hostile file costs time in proportion to the limits, not to its size.
    public struct Limits: Sendable {
        /// Fields in one record.
        public var fields: Int
        /// Records in the file, the header included.
        public var records: Int

        /// Limits from their parts.
        public init(fields: Int, records: Int) {
            self.fields = fields
            self.records = records
        }

        /// No limits, for text the program wrote itself.
        public static let none = Limits(fields: .max, records: .max)
    }

    /// Splits text into records. Blank lines are skipped. A tab-separated file
    /// (a header with tabs and no commas) is read with tabs.
    public static func parse(_ text: String, limits: Limits = .none) throws(Failure) -> [Record] {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let separator: Unicode.Scalar = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedFieldStartLine = 1
        var fieldWasQuoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() throws(Failure) {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                guard records.count < limits.records else {
                    throw Failure(line: recordLine, message: "more than \(limits.records - 1) rows; split the file")
                }
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            fieldWasQuoted = false
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r" {
                        let next = scalars.next()
                        if next != "\n" { pending = next }
                        line += 1
                        field.append("\n")
                        continue
                    }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                quotedFieldStartLine = line
            case "\"":
                throw Failure(line: line, message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
            case separator:
                guard fields.count + 1 < limits.fields else {
                    throw Failure(line: line, message: "more than \(limits.fields) columns; delete the empty columns at the right of the sheet")
                }
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldWasQuoted = false
            case "\r", "\n":
                if scalar == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                try endRecord()
                line += 1
                recordLine = line
            default:
                if fieldWasQuoted {
                    throw Failure(line: line, message: "text after a closing quote; a quoted field must end at a comma or the end of the line")
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            throw Failure(line: quotedFieldStartLine, message: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { try endRecord() }
        return records
    }

    /// A field made safe to open in a spreadsheet: one that starts like a
    /// formula (= + - @, tab, carriage return) gets a leading apostrophe, and
    /// every field is quoted with inner quotes doubled.
    public static func escape(_ field: String) -> String {
        var value = field
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
