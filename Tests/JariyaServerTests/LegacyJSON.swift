import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

// The dictionary helpers the suites used before they decoded the API's own
// types. Kept only while the suites move over one at a time; removed when the
// last one has.

extension QuizWorld {
    /// The right answer to a question as shown, found by matching the texts.
    func rightAnswer(_ shown: [String: Any]) -> [String: Any] {
        guard let id = shown["id"] as? String, let question = bank.question(id: id) else { return [:] }
        switch question.type {
        case .single, .multiple:
            let choices = shown["choices"] as? [String] ?? []
            let right = Set(question.choices.filter(\.correct).map(\.text))
            return ["choices": choices.indices.filter { right.contains(choices[$0]) }]
        case .trueFalse:
            return ["truth": question.answer ?? false]
        case .short:
            return ["text": question.accepted.first ?? ""]
        case .matching:
            let rights = shown["rights"] as? [String] ?? []
            return ["matches": question.pairs.map { pair in rights.firstIndex(of: pair.right) ?? 0 }]
        }
    }

    /// A wrong answer of the right shape.
    func wrongAnswer(_ shown: [String: Any]) -> [String: Any] {
        guard let id = shown["id"] as? String, let question = bank.question(id: id) else { return [:] }
        switch question.type {
        case .single, .multiple:
            let choices = shown["choices"] as? [String] ?? []
            let right = Set(question.choices.filter(\.correct).map(\.text))
            return ["choices": [choices.indices.first { !right.contains(choices[$0]) } ?? 0]]
        case .trueFalse: return ["truth": !(question.answer ?? false)]
        case .short: return ["text": "ไม่ทราบ"]
        case .matching:
            let rights = shown["rights"] as? [String] ?? []
            return ["matches": question.pairs.map { pair in ((rights.firstIndex(of: pair.right) ?? 0) + 1) % rights.count }]
        }
    }
}

extension TestClientProtocol {
    @discardableResult
    func json(_ uri: String, _ method: HTTPRequest.Method, token: String? = nil, body: [String: Any]? = nil,
              expect status: HTTPResponse.Status? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> (HTTPResponse.Status, [String: Any], String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let buffer = try body.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        return try await execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            let text = String(buffer: response.body)
            if let status { #expect(response.status == status, "\(method) \(uri): \(text)", sourceLocation: sourceLocation) }
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
            return (response.status, object, text)
        }
    }
}

extension QuizAPITests {
    static func questions(_ attempt: [String: Any]) -> [[String: Any]] { attempt["questions"] as? [[String: Any]] ?? [] }

    /// Answers every question of an attempt, right or wrong, with growing sequence numbers.
    static func answerAll(_ client: some TestClientProtocol, world: QuizWorld, token: String, attempt: [String: Any],
                          right: (Int) -> Bool) async throws {
        let id = attempt["id"] as? String ?? ""
        for (index, question) in questions(attempt).enumerated() {
            let answer = right(index) ? world.rightAnswer(question) : world.wrongAnswer(question)
            try await client.json("/api/v1/attempts/\(id)/answers/\(question["id"] as? String ?? "")", .put, token: token,
                                  body: ["seq": index + 1, "answer": answer], expect: .ok)
        }
    }
}
