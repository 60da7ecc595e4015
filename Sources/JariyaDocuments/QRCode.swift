import CQREncode

/// A QR code as a square of dark and light modules, made by libqrencode.
/// No libqrencode type leaves this file.
public struct QRCode: Sendable, Equatable {
    /// Modules per side.
    public let size: Int
    /// Row-major, true for dark.
    public let modules: [Bool]

    /// Why a code could not be made.
    public enum Failure: Error {
        /// The text is too long for a QR code, or memory ran out.
        case cannotEncode
    }

    /// Encodes text (UTF-8, byte mode) at error-correction level M.
    public init(_ text: String) throws(Failure) {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { throw .cannotEncode }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<(width * width)).map { (code.pointee.data[$0] & 1) == 1 }
    }

    /// Whether the module at a row and column is dark; outside is light (the quiet zone).
    public func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return modules[row * size + column]
    }

    /// The code for a terminal: two module rows per text line with half
    /// blocks, dark on light, with a quiet zone of two modules.
    public func terminalLines() -> [String] {
        var lines: [String] = []
        for row in stride(from: -2, to: size + 2, by: 2) {
            var line = ""
            for column in -2..<(size + 2) {
                let top = isDark(row: row, column: column)
                let bottom = isDark(row: row + 1, column: column)
                switch (top, bottom) {
                case (false, false): line += "█"
                case (true, false): line += "▄"
                case (false, true): line += "▀"
                case (true, true): line += " "
                }
            }
            lines.append(line)
        }
        return lines
    }
}
