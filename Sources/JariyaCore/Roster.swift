/// A roster file from HR, read into entries: one officer per row, or a
/// message naming the line and column that is wrong.
public struct Roster: Equatable, Sendable {
    /// The officers, in file order.
    public var entries: [Entry]
    /// The encoding the file was in.
    public var encoding: TextDecoding.Encoding

    /// One row of the roster.
    public struct Entry: Equatable, Sendable {
        /// The line of the file the row starts on.
        public var line: Int
        /// The agency's own code for the person, unique in the agency.
        public var employeeCode: String
        /// Prefix, first and last name.
        public var name: PersonName
        /// The kind of staff.
        public var staffType: StaffType
        /// The position (ตำแหน่ง).
        public var position: String
        /// The division as written in the file (name or code).
        public var division: String
    }

    /// A problem with the roster, at a line.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The 1-based line, 0 for the file as a whole.
        public var line: Int
        /// What is wrong.
        public var message: String

        /// "line 12: ...".
        public var description: String { line > 0 ? "line \(line): \(message)" : message }
    }

    /// The columns a roster can have; each is found by any of its header names.
    enum Column: CaseIterable {
        case employeeCode, prefix, firstName, lastName, fullName, staffType, position, division

        var headers: [String] {
            switch self {
            case .employeeCode: ["รหัสพนักงาน", "รหัส", "เลขที่ตำแหน่ง", "employee_code", "code"]
            case .prefix: ["คำนำหน้า", "คำนำหน้าชื่อ", "prefix", "title"]
            case .firstName: ["ชื่อ", "first_name", "firstname"]
            case .lastName: ["นามสกุล", "สกุล", "last_name", "lastname", "surname"]
            case .fullName: ["ชื่อ-สกุล", "ชื่อ-นามสกุล", "ชื่อสกุล", "ชื่อนามสกุล", "full_name", "name"]
            case .staffType: ["ประเภทบุคลากร", "ประเภท", "staff_type", "type"]
            case .position: ["ตำแหน่ง", "position"]
            case .division: ["สังกัด", "กอง", "ส่วนราชการ", "division"]
            }
        }

        /// The text rule of the column's cells, named as HR's header names it.
        var field: TextField {
            switch self {
            case .employeeCode: TextField.employeeCode.named("รหัสพนักงาน")
            case .prefix: TextField.personName.named("คำนำหน้า")
            case .firstName: TextField.personName.named("ชื่อ")
            case .lastName: TextField.personName.named("นามสกุล")
            case .fullName: TextField.personName.named("ชื่อ-สกุล")
            case .staffType: TextField.organisation.named("ประเภทบุคลากร")
            case .position: TextField.organisation.named("ตำแหน่ง")
            case .division: TextField.organisation.named("สังกัด")
            }
        }

        /// Every column's header names in the form headers are compared in, made once.
        static let keys: [(column: Column, keys: Set<String>)] = allCases.map { ($0, Set($0.headers.map(ThaiText.answerKey))) }
    }

    /// Reads a roster from the bytes of a CSV file. Every problem found is
    /// reported, not just the first, so HR can fix the sheet in one pass.
    public static func parse(_ bytes: [UInt8]) throws(RosterFailure) -> Roster {
        let (records, encoding) = try SpreadsheetText.records(bytes)
        guard let header = records.first else {
            throw RosterFailure([Problem(line: 0, message: "the file is empty; the first line must name the columns")])
        }
        let columns = try locateColumns(header)
        var problems: [Problem] = []
        var entries: [Entry] = []
        var firstLineOfCode: [String: Int] = [:]
        for record in records.dropFirst() {
            if let bad = record.fields.first(where: ThaiText.looksLikeMojibake) {
                problems.append(Problem(line: record.line, message: "\"\(bad)\" is Thai text that was saved in the wrong encoding somewhere (it reads as à¸…); export the sheet again as \"CSV UTF-8\""))
                continue
            }
            var rowProblems: [String] = []
            var cells: [Column: String] = [:]
            for (column, index) in columns where index < record.fields.count {
                do throws(TextRefusal) {
                    cells[column] = try column.field.accept(record.fields[index])
                } catch {
                    rowProblems.append(error.description)
                }
            }
            func cell(_ column: Column) -> String { cells[column] ?? "" }
            let code = cell(.employeeCode)
            if code.isEmpty { rowProblems.append("the employee code (รหัสพนักงาน) is empty") }
            var name: PersonName
            if columns[.firstName] != nil {
                let split = cell(.prefix).isEmpty ? PersonName.splitPrefix(cell(.firstName)) : (cell(.prefix), cell(.firstName))
                name = PersonName(prefix: split.0, firstName: split.1, lastName: cell(.lastName))
            } else {
                name = PersonName.parse(fullName: cell(.fullName))
                if !cell(.prefix).isEmpty { name.prefix = cell(.prefix) }
            }
            if name.firstName.isEmpty { rowProblems.append("the first name (ชื่อ) is empty") }
            if name.lastName.isEmpty { rowProblems.append("the last name (นามสกุล) is empty") }
            let typeCell = cell(.staffType)
            let staffType = StaffType(roster: typeCell)
            if staffType == nil {
                let known = StaffType.allCases.map(\.thai).joined(separator: ", ")
                rowProblems.append("unknown staff type \"\(typeCell)\" (ประเภทบุคลากร); use one of: \(known)")
            }
            let division = cell(.division)
            if division.isEmpty { rowProblems.append("the division (สังกัด) is empty") }
            if !code.isEmpty {
                if let first = firstLineOfCode[code] {
                    rowProblems.append("employee code \"\(code)\" is also on line \(first); each person must have their own code")
                } else {
                    firstLineOfCode[code] = record.line
                }
            }
            if let staffType, rowProblems.isEmpty {
                entries.append(Entry(line: record.line, employeeCode: code, name: name, staffType: staffType,
                                     position: cell(.position), division: division))
            }
            problems += rowProblems.map { Problem(line: record.line, message: $0) }
        }
        if !problems.isEmpty { throw RosterFailure(problems) }
        return Roster(entries: entries, encoding: encoding)
    }

    private static func locateColumns(_ header: CSV.Record) throws(RosterFailure) -> [Column: Int] {
        var columns: [Column: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let title = ThaiText.answerKey(raw)
            if ThaiText.looksLikeMojibake(raw) {
                throw RosterFailure([Problem(line: header.line, message: "the header \"\(raw)\" is Thai text saved in the wrong encoding; export the sheet again as \"CSV UTF-8\"")])
            }
            if let column = Column.keys.first(where: { $0.keys.contains(title) })?.column, columns[column] == nil {
                columns[column] = index
            }
        }
        var missing: [String] = []
        if columns[.employeeCode] == nil { missing.append("รหัสพนักงาน") }
        if columns[.firstName] == nil && columns[.fullName] == nil { missing.append("ชื่อ (or ชื่อ-สกุล)") }
        if columns[.firstName] != nil && columns[.lastName] == nil { missing.append("นามสกุล") }
        if columns[.staffType] == nil { missing.append("ประเภทบุคลากร") }
        if columns[.division] == nil { missing.append("สังกัด") }
        if !missing.isEmpty {
            throw RosterFailure([Problem(line: header.line, message: "the header lacks the column(s) \(missing.joined(separator: ", ")); found: \(header.fields.prefix(20).joined(separator: ", "))")])
        }
        return columns
    }
}

/// Every problem found in a roster file.
public struct RosterFailure: Error, Equatable, Sendable {
    /// The problems, in line order.
    public var problems: [Roster.Problem]

    /// A failure holding these problems.
    public init(_ problems: [Roster.Problem]) { self.problems = problems }
}
