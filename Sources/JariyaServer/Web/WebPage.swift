import Foundation
import Hummingbird
import JariyaStore

/// What every web page shows around its content: the reader, their role's
/// menu, the language switch and the form token.
struct Chrome: Sendable {
    /// `th` or `en`, for `<html lang>`.
    var lang: String
    /// The language switch's link and label.
    var switchLanguage: String
    var switchLabel: String
    /// Who is logged in, if anyone.
    var signedIn: Bool
    var userName: String
    /// Which menu to show.
    var isOfficer: Bool
    var isHR: Bool
    var isTrainer: Bool
    var isAdmin: Bool
    /// The form token for every form on the page.
    var csrf: String

    init(_ context: AppRequestContext, path: String) {
        lang = context.language.rawValue
        let back = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        switchLanguage = "/lang/\(context.language.other.rawValue)?back=\(back)"
        switchLabel = context.language.switchLabel
        signedIn = context.user != nil
        userName = context.user.map { $0.displayName.isEmpty ? $0.username : $0.displayName } ?? ""
        isOfficer = context.user?.role == .officer
        isHR = context.user.map { $0.role == .hr || $0.role == .admin } ?? false
        isTrainer = context.user.map { $0.role != .officer } ?? false
        isAdmin = context.user?.role == .admin
        csrf = context.csrfToken
    }
}

/// A page's content with the chrome and the words of the reader's language;
/// templates read `{{t.key}}` for words and open `{{#page}}` for content.
struct WebPage<Content: Sendable>: Sendable {
    var chrome: Chrome
    var t: [String: String]
    var title: String
    var page: Content
}

/// Renders web pages into the layout.
struct WebRenderer: Sendable {
    /// The templates.
    let templates: Templates

    /// A page in the reader's language.
    func page(_ template: String, title: String, _ content: some Sendable, request: Request, context: AppRequestContext,
              status: HTTPResponse.Status = .ok) throws -> HTML {
        let words = WebText.words(context.language)
        let page = WebPage(chrome: Chrome(context, path: request.uri.path), t: words, title: words[title] ?? title, page: content)
        return HTML(body: try templates.render(page, template), status: status)
    }
}

/// A 303 to another page, after a form post or to the login page.
func redirect(to location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}
