import Foundation

/// HTML to PDF through headless Chromium (Debian's `chromium`): CSS paged
/// media with page-number margin boxes and repeated table headers, Thai
/// shaped by HarfBuzz, and a text layer that reads back as the Thai that was
/// printed. (WeasyPrint, 57 in Debian and 70 on PyPI, draws Thai well but
/// maps the glyph of า to ำ in its text layer, so a published report could
/// not be searched or copied correctly.) The HTML is Jariya's own template
/// with every value escaped, and its content security policy lets no script
/// run and nothing outside load.
public enum HTMLPrinter {
    /// Why no PDF came out.
    public struct Failure: Error, CustomStringConvertible {
        /// What happened, with Chromium's own words when it spoke.
        public let description: String
    }

    /// The PDF of an HTML document, pages as its `@page` rules say.
    public static func pdf(html: String) throws -> Data {
        guard let chromium = ExternalTool(["/usr/bin/chromium", "/usr/bin/chromium-browser"]) else {
            throw Failure(description: "chromium is not installed (apt-get install chromium; `make run` and `make test` install it)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html")
        let output = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)
        let result = try chromium.run([
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-sync",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--no-pdf-header-footer", "--print-to-pdf=\(output.path)", input.absoluteString,
        ])
        guard result.status == 0, let pdf = FileManager.default.contents(atPath: output.path), pdf.starts(with: Data("%PDF".utf8)) else {
            throw Failure(description: "chromium could not print the report (\(result.status)): \(result.errors.suffix(400))")
        }
        return pdf
    }
}
