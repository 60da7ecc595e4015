import Foundation
import JariyaCLI
import Synchronization

/// Runs `jariya` commands in-process against a scratch database, capturing
/// what they print.
final class CommandRunner: Sendable {
    let folder: URL
    let database: String
    private let output = Mutex<(out: [String], err: [String])>(([], []))

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("test.sqlite").path
    }

    /// Runs one command line; `--db` is added for commands that take it.
    /// Returns the exit code with the lines written to stdout and stderr.
    func run(_ arguments: [String], input: [String] = [], withDatabase: Bool = true) async -> (code: Int32, out: [String], err: [String]) {
        output.withLock { $0 = ([], []) }
        let lines = Mutex(input)
        let console = Console(
            out: { line in self.output.withLock { $0.out.append(line) } },
            err: { line in self.output.withLock { $0.err.append(line) } },
            readLine: { lines.withLock { $0.isEmpty ? nil : $0.removeFirst() } },
            readSecret: { _ in lines.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
        )
        let full = withDatabase ? arguments + ["--db", database] : arguments
        let code = await Console.$current.withValue(console) { await Jariya.run(full) }
        let captured = output.withLock { $0 }
        return (code, captured.out, captured.err)
    }

    /// `jariya init` for a test agency.
    func initialise() async {
        _ = await run(["init", "--code", "testagency", "--name", "องค์การบริหารส่วนตำบลทดสอบ", "--short-name", "อบต.ทดสอบ"])
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")?.path ?? name
    }
}
