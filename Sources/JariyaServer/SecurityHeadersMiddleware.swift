import HTTPTypes
import Hummingbird

/// Headers every answer carries, pages and API alike (the ASVS 5.0 level 2
/// items on HTTP headers, listed in the README's security section): no page
/// can be framed by another site, scripts come only from this server, types
/// are not sniffed, addresses (the check-in code is in one) do not leak in
/// the Referer, and nothing a logged-in person sees is kept in a shared cache.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy: inline styles stay (the templates use them), inline
    /// scripts do not; images may be data: URLs (charts, QR codes).
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    /// The headers, built once; names HTTPTypes has no constant for are spelled out.
    static var fields: [HTTPField] {
        let named: [(String, String)] = [
            ("Content-Security-Policy", contentSecurityPolicy),
            ("X-Frame-Options", "DENY"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
        ]
        return named.compactMap { name, value in HTTPField.Name(name).map { HTTPField(name: $0, value: value) } }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        for field in Self.fields where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        if WebSession.isSecure(request) {
            response.headers[.strictTransportSecurity] = "max-age=31536000"
        }
        return response
    }
}
