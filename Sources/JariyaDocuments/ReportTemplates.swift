import Foundation
import Mustache

/// The Mustache templates of the printed reports, shipped with Documents so
/// the command line and the server print the very same pages. Mustache
/// escapes every `{{value}}`, so names and titles print as text, never markup.
struct ReportTemplates: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> ReportTemplates {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw Missing(name: "Templates")
        }
        return ReportTemplates(library: try await MustacheLibrary(directory: folder))
    }

    /// Renders a report, or throws when its template is missing.
    func render(_ page: some Sendable, _ name: String) throws -> String {
        guard let html = library.render(page, withTemplate: name) else { throw Missing(name: name) }
        return html
    }

    /// A template that is not in the bundle.
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "the report template \(name) is missing from the installation" }
    }
}
