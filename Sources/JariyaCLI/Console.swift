import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where commands write and read. The real terminal by default; tests set a
/// capturing console for the task they run a command in.
public struct Console: Sendable {
    /// Writes a line to standard output.
    public var out: @Sendable (String) -> Void
    /// Writes a line to standard error.
    public var err: @Sendable (String) -> Void
    /// Reads one line of input (nil at end of input).
    public var readLine: @Sendable () -> String?
    /// Reads a secret without echoing it when input is a terminal.
    public var readSecret: @Sendable (_ prompt: String) -> String?

    /// A console from its four functions.
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                readLine: @escaping @Sendable () -> String?, readSecret: @escaping @Sendable (_ prompt: String) -> String?) {
        self.out = out
        self.err = err
        self.readLine = readLine
        self.readSecret = readSecret
    }

    /// The process's own standard streams.
    public static let standard = Console(
        out: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) },
        err: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) },
        readLine: { Swift.readLine(strippingNewline: true) },
        readSecret: { prompt in Console.readWithoutEcho(prompt) }
    )

    /// The console commands are running with.
    @TaskLocal public static var current = Console.standard

    private static func readWithoutEcho(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        guard isatty(STDIN_FILENO) != 0 else { return Swift.readLine(strippingNewline: true) }
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return Swift.readLine(strippingNewline: true)
    }
}

/// Shorthand for writing to the current console's standard output.
func say(_ line: String) { Console.current.out(line) }

/// Shorthand for writing to the current console's standard error.
func warn(_ line: String) { Console.current.err(line) }
