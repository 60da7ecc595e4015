import Foundation
import Mustache

/// The Mustache templates shipped with the server. Mustache escapes every
/// `{{value}}` for HTML, so names and titles print as text, never as markup.
struct Templates: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> Templates {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw TemplateError.missing("Templates")
        }
        return Templates(library: try await MustacheLibrary(directory: folder))
    }

    /// Renders a page, or throws when the template is missing.
    func render(_ page: some Sendable, _ name: String) throws -> String {
        guard let html = library.render(page, withTemplate: name) else { throw TemplateError.missing(name) }
        return html
    }

    enum TemplateError: Error {
        case missing(String)
    }
}
