import Foundation

/// A Debian program Jariya runs for a document (Chromium, pdftotext): found
/// in the usual places, run to the end, its output collected.
public struct ExternalTool: Sendable {
    /// The executable.
    public let path: String

    /// The first of the candidate paths that is executable, or nil when the package is not installed.
    public init?(_ candidates: [String]) {
        guard let path = candidates.first(where: FileManager.default.isExecutableFile) else { return nil }
        self.path = path
    }

    /// Runs the program; returns its exit status, standard output and standard error.
    public func run(_ arguments: [String]) throws -> (status: Int32, output: Data, errors: String) {
        // Both streams go to files, read once the program has ended: a program
        // that says a lot can never block on a full pipe, and no read of a pipe
        // can be interrupted by a signal (Foundation's pipe reads trap on EINTR).
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-tool-\(UUID().uuidString)")
        let outputFile = base.appendingPathExtension("out")
        let errorFile = base.appendingPathExtension("log")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil),
              FileManager.default.createFile(atPath: errorFile.path, contents: nil),
              let output = try? FileHandle(forWritingTo: outputFile), let errors = try? FileHandle(forWritingTo: errorFile) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        try? output.close()
        try? errors.close()
        let data = FileManager.default.contents(atPath: outputFile.path) ?? Data()
        let said = String(decoding: FileManager.default.contents(atPath: errorFile.path) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, data, said)
    }
}
