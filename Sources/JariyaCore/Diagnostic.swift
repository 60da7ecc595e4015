/// A problem found in a file a person wrote, with where it is, so an editor
/// (or a person) can jump to it: `file:line:col: message`.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    /// The file as the person named it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// What is wrong, in words the author can act on.
    public var message: String

    /// A diagnostic at a place.
    public init(file: String, line: Int, column: Int = 1, message: String) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
    }

    /// `file:line:col: message`, the form compilers print.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
