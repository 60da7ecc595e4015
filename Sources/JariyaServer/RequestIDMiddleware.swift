import Foundation
import HTTPTypes
import Hummingbird
import JariyaApp
import Logging

/// The last word on an error no other layer turned into an answer: the
/// client gets a 500 with a request id and no detail, the log gets the same
/// id with the error, so a person reporting "it broke" can be matched to the
/// cause. Every answer carries its id in `X-Request-Id`.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Where failures are written.
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = PublicID.make()
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            logger.error("request \(id) failed: \(request.method) \(request.uri.path): \(String(reflecting: error))")
            response = Self.failure(id: id, api: request.uri.path.hasPrefix("/api/"))
        }
        if let name = HTTPField.Name("X-Request-Id") { response.headers[name] = id }
        return response
    }

    /// The 500 answer: JSON in the API's error shape, or a short page in Thai and English.
    static func failure(id: String, api: Bool) -> Response {
        if api {
            let body = #"{"error":{"message":"the server failed; report request id \#(id)","requestId":"\#(id)"}}"#
            return Response(status: .internalServerError, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        let page = """
            <!doctype html><html lang="th"><meta charset="utf-8"><title>ระบบขัดข้อง</title>
            <h1>ระบบขัดข้อง (server error)</h1>
            <p>โปรดแจ้งผู้ดูแลระบบพร้อมรหัสคำขอนี้ / please report this request id: <code>\(id)</code></p></html>
            """
        return Response(status: .internalServerError, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}
