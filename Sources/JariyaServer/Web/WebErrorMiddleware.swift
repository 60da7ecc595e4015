import Foundation
import Hummingbird
import JariyaStore

/// Turns errors on the web pages into pages: a visitor who is not logged in
/// goes to the login page and comes back; anything else gets a page in
/// their language that says what happened, with the right status.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Renders the error page.
    let renderer: WebRenderer

    /// The error page's content.
    struct ErrorContent: Sendable {
        var status: Int
        var message: String
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let failure: HTTPError
        var explanation: String?
        do {
            return try await next(request, context)
        } catch let caught as HTTPError {
            failure = caught
        } catch let caught as StoreError {
            failure = DomainErrorMiddleware.http(caught)
        } catch {
            guard let mapped = DomainErrorMiddleware.http(error) else { throw error }
            failure = mapped
            explanation = WebText.explain(error, Self.language(request))
        }
        // The session middleware runs inside this one; the language comes from its cookie again.
        var context = context
        context.language = Self.language(request)
        if failure.status == .unauthorized {
            let back = request.method == .get ? request.uri.description : "/my"
            return redirect(to: "/login?next=\(back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/my")")
        }
        let title = switch failure.status {
        case .forbidden: "forbidden"
        case .notFound: "notFound"
        case .badRequest: "badRequest"
        case .conflict: "conflict"
        default: "errorTitle"
        }
        var response = try renderer.page("web-error", title: title, ErrorContent(status: failure.status.code, message: explanation ?? failure.body ?? ""),
                                         request: request, context: context, status: failure.status)
            .response(from: request, context: context)
        // Retry-After and the like travel with the error.
        for field in failure.headers { response.headers.append(field) }
        return response
    }

    /// The reader's language, from its cookie.
    private static func language(_ request: Request) -> WebText.Language {
        WebText.Language(cookie: request.cookies[WebSession.languageCookie]?.value)
    }
}
