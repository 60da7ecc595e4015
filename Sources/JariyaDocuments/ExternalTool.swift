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
        // Standard error goes to a file, so a program that says a lot there
        // can never block on a full pipe while its output is being read.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-tool-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil), let errors = try? FileHandle(forWritingTo: log) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errors.close()
        let said = String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, data, said)
    }
}
