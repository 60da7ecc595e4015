import Foundation
import JariyaDocuments

/// poppler-utils, run on the PDFs the tests make, as an auditor would.
enum PDFTools {
    static let certificates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Certificates")

    /// The text of a PDF in content order (`pdftotext -raw`): the order the
    /// renderer wrote it, without poppler's guesses about layout.
    static func text(of pdf: Data) throws -> [String] {
        try run("pdftotext", ["-raw", "-enc", "UTF-8"], pdf).split(separator: "\n").map(String.init)
    }

    /// `pdffonts` rows: font name and whether it is embedded.
    static func fonts(of pdf: Data) throws -> [(name: String, embedded: Bool)] {
        let lines = try run("pdffonts", [], pdf).split(separator: "\n").dropFirst(2)
        return lines.map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type [type…] encoding emb sub uni object ID: "emb" is the fifth from the end.
            return (String(columns[0]), columns[columns.count - 5] == "yes")
        }
    }

    /// What a phone reads from the page's QR code: the page printed at a
    /// cheap 60 dpi (`pdftoppm`) and scanned with `zbarimg`.
    static func scannedQRCodes(of pdf: Data) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try pdf.write(to: folder.appendingPathComponent("page.pdf"))
        _ = try execute("/usr/bin/pdftoppm", ["-png", "-r", "60", "-singlefile", folder.appendingPathComponent("page.pdf").path,
                                               folder.appendingPathComponent("page").path])
        return try execute("/usr/bin/zbarimg", ["-q", "--raw", folder.appendingPathComponent("page.png").path])
            .split(separator: "\n").map(String.init)
    }

    private static func execute(_ tool: String, _ arguments: [String]) throws -> String {
        // The project's one way to run a Debian program, as the documents themselves use it.
        guard let program = ExternalTool([tool]) else { throw CocoaError(.fileNoSuchFile) }
        return String(decoding: try program.run(arguments).output, as: UTF8.self)
    }

    private static func run(_ tool: String, _ arguments: [String], _ pdf: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments + [file.path] + (tool == "pdftotext" ? ["-"] : [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
