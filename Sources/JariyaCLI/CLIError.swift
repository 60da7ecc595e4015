/// A command's failure: the message for standard error and the exit code.
/// 1 means the input was wrong (a bad file, an unknown name); 2 means the
/// command line itself was wrong.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}
