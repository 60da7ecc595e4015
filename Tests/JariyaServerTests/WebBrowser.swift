import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// A small browser over the test client: it keeps cookies as a browser
/// would, reads the form token out of the last page, and posts forms.
final class WebBrowser: Sendable {
    private let jar = Mutex<[String: String]>([:])
    private let lastPage = Mutex("")

    /// A page or form post's answer.
    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var setCookies: [String] { headers[values: .setCookie] }
        var location: String? { headers[.location] }
    }

    /// The value of a cookie the browser holds.
    func cookie(_ name: String) -> String? { jar.withLock { $0[name] } }

    /// The `csrf` field of the last page that had a form.
    var csrf: String {
        let page = lastPage.withLock { $0 }
        guard let range = page.range(of: #"name="csrf" value=""#) else { return "" }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// GET a page.
    @discardableResult
    func get(_ client: some TestClientProtocol, _ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(client, uri, .get, headers: headers, body: nil)
    }

    /// POST a form; the form token of the last page goes with it unless `csrf` is given.
    @discardableResult
    func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: String? = nil,
              headers: HTTPFields = [:]) async throws -> Page {
        let all = [("csrf", csrf ?? self.csrf)] + fields
        let body = all.map { name, value in
            "\(Self.encode(name))=\(Self.encode(value))"
        }.joined(separator: "&")
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(client, uri, .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// POST a form with a file, as `enctype="multipart/form-data"` sends it.
    @discardableResult
    func upload(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)],
                file: (field: String, filename: String, bytes: [UInt8])) async throws -> Page {
        let boundary = "----jariya-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in [("csrf", csrf)] + fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(file.bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await send(client, uri, .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    /// The value of a hidden field on the last page.
    func field(_ name: String, in page: Page) -> String? {
        guard let range = page.body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(page.body[range.upperBound...].prefix { $0 != "\"" })
    }

    private func send(_ client: some TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method, headers: HTTPFields,
                      body: ByteBuffer?) async throws -> Page {
        var headers = headers
        let cookies = jar.withLock { $0.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if !cookies.isEmpty { headers[.cookie] = cookies }
        let page = try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
        for line in page.setCookies {
            let pair = line.prefix { $0 != ";" }.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let expired = line.contains("Max-Age=0")
            jar.withLock { $0[String(pair[0])] = expired ? nil : String(pair[1]) }
        }
        if page.body.contains(#"name="csrf""#) { lastPage.withLock { $0 = page.body } }
        return page
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Logs in through the login page.
    func logIn(_ client: some TestClientProtocol, _ username: String, password: String = QuizWorld.password) async throws -> Page {
        try await get(client, "/login")
        return try await post(client, "/login", [("username", username), ("password", password)])
    }
}
