/// The first steps of reading any file HR or a trainer saves from a
/// spreadsheet: decode (UTF-8 with or without BOM, else Windows-874), then CSV.
public enum SpreadsheetText {
    /// The largest file read: a roster of 20,000 officers is about 2 MB.
    public static let maxBytes = 8 << 20
    /// What a roster or sign-in sheet may hold: far more than any agency
    /// has, few enough that reading a hostile file stays quick.
    public static let limits = CSV.Limits(fields: 64, records: 50_001)

    /// The CSV records of a file and the encoding it was in.
    public static func records(_ bytes: [UInt8]) throws(RosterFailure) -> ([CSV.Record], TextDecoding.Encoding) {
        guard bytes.count <= maxBytes else {
            throw RosterFailure([.init(line: 0, message: "the file is \(bytes.count / 1024) KB; at most \(maxBytes >> 20) MB is read")])
        }
        let decoded: (text: String, encoding: TextDecoding.Encoding)
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch {
            guard case .undefinedByte(let byte, let offset) = error else { throw RosterFailure([]) }
            let hex = String(byte, radix: 16, uppercase: true)
            throw RosterFailure([.init(line: 0, message: "the file is neither UTF-8 nor Windows-874 (byte 0x\(hex) at offset \(offset)); save it from Excel as \"CSV UTF-8\"")])
        }
        do {
            return (try CSV.parse(decoded.text, limits: limits), decoded.encoding)
        } catch {
            throw RosterFailure([.init(line: error.line, message: error.message)])
        }
    }
}

/// One row of a paper sign-in sheet typed into a spreadsheet.
public struct SheetRow: Equatable, Sendable {
    /// The file line.
    public var line: Int
    /// The officer's employee code.
    public var employeeCode: String
    /// The status written.
    public var status: AttendanceStatus

    /// A row from its parts.
    public init(line: Int, employeeCode: String, status: AttendanceStatus) {
        self.line = line
        self.employeeCode = employeeCode
        self.status = status
    }
}

/// Reads a sign-in sheet: a column of employee codes (รหัสพนักงาน) and,
/// optionally, one of statuses (สถานะ); other columns (names, signatures) are ignored.
public enum SignInSheet {
    /// The rows, or every problem with its line.
    public static func rows(_ bytes: [UInt8]) throws(RosterFailure) -> [SheetRow] {
        let (records, _) = try SpreadsheetText.records(bytes)
        guard let header = records.first else { throw RosterFailure([.init(line: 0, message: "the file is empty")]) }
        let titles = header.fields.map(ThaiText.answerKey)
        guard let codeColumn = titles.firstIndex(where: { ["รหัสพนักงาน", "รหัส", "employee_code", "code"].contains($0) }) else {
            throw RosterFailure([.init(line: header.line, message: "the header needs a รหัสพนักงาน column; found: \(header.fields.prefix(20).joined(separator: ", "))")])
        }
        let statusColumn = titles.firstIndex { ["สถานะ", "status", "การเข้าร่วม"].contains($0) }
        var rows: [SheetRow] = []
        var problems: [Roster.Problem] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            if ThaiText.looksLikeMojibake(record.fields.joined()) {
                problems.append(.init(line: record.line, message: "Thai text saved in the wrong encoding; export the sheet again as \"CSV UTF-8\""))
                continue
            }
            let code: String
            let cell: String
            do throws(TextRefusal) {
                code = try codeColumn < record.fields.count ? TextField.employeeCode.named("รหัสพนักงาน").accept(record.fields[codeColumn]) : ""
                cell = try statusColumn.flatMap { $0 < record.fields.count ? record.fields[$0] : nil }.map(TextField.shortCode.named("สถานะ").accept) ?? ""
            } catch {
                problems.append(.init(line: record.line, message: error.description))
                continue
            }
            guard !code.isEmpty else {
                problems.append(.init(line: record.line, message: "the employee code (รหัสพนักงาน) is empty"))
                continue
            }
            guard let status = ThaiText.clean(cell).isEmpty ? .present : AttendanceStatus(sheet: cell) else {
                problems.append(.init(line: record.line, message: "unknown status \"\(cell)\"; use มา, สาย, ลา or ขาด"))
                continue
            }
            if let first = seen[code] {
                problems.append(.init(line: record.line, message: "employee code \"\(code)\" is also on line \(first)"))
                continue
            }
            seen[code] = record.line
            rows.append(SheetRow(line: record.line, employeeCode: code, status: status))
        }
        if !problems.isEmpty { throw RosterFailure(problems) }
        return rows
    }
}
