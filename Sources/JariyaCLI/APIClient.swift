import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small client of Jariya's JSON API (`/api/v1`, see openapi.yaml), as the
/// terminal front end uses it.
struct APIClient {
    let base: URL
    var token: String?

    /// An API error with the server's message.
    struct Failure: Error, CustomStringConvertible {
        let status: Int
        let message: String
        var description: String { message }
    }

    func send<Response: Decodable>(_ method: String, _ path: String, body: (any Encodable)? = nil,
                                   as type: Response.Type = Response.self) async throws -> Response {
        var request = URLRequest(url: base.appendingPathComponent("api/v1").appendingPathComponent(path))
        request.httpMethod = method
        request.timeoutInterval = 30
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONEncoder().encode(body)
        }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw Failure(status: 0, message: "cannot reach the Jariya server at \(base.absoluteString) (\(error.localizedDescription)); is `jariya serve` running?")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            let message = (try? JSONDecoder().decode(ErrorBody.self, from: data))?.error.message ?? "HTTP \(status)"
            throw Failure(status: status, message: message)
        }
        if Response.self == Empty.self, let empty = Empty() as? Response { return empty }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Response.self, from: data)
    }

    struct Empty: Decodable {}

    private struct ErrorBody: Decodable {
        struct Inner: Decodable { var message: String }
        var error: Inner
    }
}
