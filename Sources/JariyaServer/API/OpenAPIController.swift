import Foundation
import Hummingbird

/// Serves the OpenAPI document that describes `/api/v1`.
struct OpenAPIController {
    /// Registers `GET /api/v1/openapi.yaml`.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("openapi.yaml", use: document)
    }

    /// The document as shipped with the server.
    static let text: String? = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "OpenAPI")
        .flatMap { try? String(contentsOf: $0, encoding: .utf8) }

    /// `GET /api/v1/openapi.yaml`.
    @Sendable func document(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let text = Self.text else { throw HTTPError(.internalServerError, message: "the OpenAPI document is missing") }
        return Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
