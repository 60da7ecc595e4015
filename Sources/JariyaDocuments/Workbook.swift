import CXLSXWriter
import Foundation

/// A spreadsheet for HR: one sheet per table, a bold header row, Thai text
/// as text (never a formula, whatever it starts with), numbers as numbers.
/// Written by libxlsxwriter; no libxlsxwriter type leaves this file.
public struct Workbook: Sendable {
    /// A cell's value.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// A percentage from basis points, shown with two decimals.
        case percent(Int)
    }

    /// One sheet: its name (at most 31 characters), header and rows.
    public struct Sheet: Sendable {
        /// The group or person.
        public var name: String
        public var header: [String]
        /// The officers.
        public var rows: [[Cell]]
        /// A sheet from its parts.
        public init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    /// The sheets in order.
    public var sheets: [Sheet]

    /// A workbook of sheets.
    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// Why no file came out.
    public struct Failure: Error, CustomStringConvertible {
        /// libxlsxwriter's reason.
        public let description: String
    }

    /// The .xlsx file's bytes.
    public func data() throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        guard let workbook = workbook_new(file.path) else { throw Failure(description: "cannot create \(file.path)") }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        format_set_text_wrap(bold)
        let percent = workbook_add_format(workbook)
        format_set_num_format(percent, "0.00")
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, Self.safeName(sheet.name)) else { continue }
            for (column, title) in sheet.header.enumerated() {
                worksheet_write_string(worksheet, 0, lxw_col_t(column), title, bold)
                worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), column == 0 ? 28 : 16, nil)
            }
            for (index, row) in sheet.rows.enumerated() {
                let line = lxw_row_t(index + 1)
                for (column, cell) in row.enumerated() {
                    switch cell {
                    case .text(let text): worksheet_write_string(worksheet, line, lxw_col_t(column), text, nil)
                    case .number(let value): worksheet_write_number(worksheet, line, lxw_col_t(column), value, nil)
                    case .percent(let basisPoints): worksheet_write_number(worksheet, line, lxw_col_t(column), Double(basisPoints) / 100, percent)
                    }
                }
            }
            worksheet_freeze_panes(worksheet, 1, 0)
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR, let data = FileManager.default.contents(atPath: file.path) else {
            throw Failure(description: String(cString: lxw_strerror(status)))
        }
        return data
    }

    /// Excel's rules for sheet names: at most 31 characters, none of []:*?/\.
    static func safeName(_ name: String) -> String {
        String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
    }
}
