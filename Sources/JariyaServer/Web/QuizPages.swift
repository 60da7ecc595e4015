import Foundation
import Hummingbird
import JariyaApp
import JariyaAPI
import JariyaCore
import JariyaStore

/// The quiz on the web: one question a screen, each answer saved on the
/// server as the officer moves on (so a reload or a lost connection loses
/// nothing), a review with a confirmation before submitting, then the result.
struct QuizPages {
    /// The engine every step goes through, as the API's routes do.
    let engine: QuizEngine
    /// Renders pages.
    let renderer: WebRenderer

    /// Registers the routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("my/courses/:course/tests/:kind", use: start)
        group.get("my/attempts/:attempt/q/:number", use: question)
        group.post("my/attempts/:attempt/q/:number", use: answer)
        group.get("my/attempts/:attempt/review", use: review)
        group.post("my/attempts/:attempt/submit", use: submit)
        group.get("my/attempts/:attempt/result", use: result)
    }

    /// `POST /my/courses/{course}/tests/{pretest|posttest}`: start, or resume the open attempt.
    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole([.officer])
        guard let kind = TestKind(rawValue: try context.parameters.require("kind")) else { throw HTTPError(.notFound) }
        let attempt = try await engine.start(user: user, courseKey: context.parameters.require("course"), kind: kind)
        let firstUnanswered = attempt.questions.firstIndex { attempt.answers[$0.id] == nil } ?? 0
        return redirect(to: "/my/attempts/\(attempt.id)/q/\(firstUnanswered + 1)")
    }

    /// An option of a single or multiple choice, or a right of a matching.
    struct Option: Sendable {
        var value: Int
        var label: String
        var checked: Bool
    }

    /// A left of a matching question with its options.
    struct MatchRow: Sendable {
        var index: Int
        var label: String
        var options: [Option]
    }

    /// The question page.
    struct QuestionContent: Sendable {
        var attempt: String
        var testName: String
        var courseTitle: String
        var number: Int
        var count: Int
        var prompt: String
        var isSingle: Bool
        var isMultiple: Bool
        var isTrueFalse: Bool
        var isShort: Bool
        var isMatching: Bool
        var choices: [Option]
        var truthTrue: Bool
        var truthFalse: Bool
        var text: String
        var matches: [MatchRow]
        var secondsLeft: Int?
        var clock: String?
        var hasPrevious: Bool
        var isLast: Bool
    }

    /// `GET /my/attempts/{id}/q/{n}`.
    @Sendable func question(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole([.officer])
        let attempt = try engine.view(user: user, publicID: context.parameters.require("attempt"))
        if attempt.status != "open" { return redirect(to: "/my/attempts/\(attempt.id)/result") }
        let number = try context.parameters.require("number", as: Int.self)
        guard attempt.questions.indices.contains(number - 1) else { throw HTTPError(.notFound, message: "the test has no question \(number)") }
        let question = attempt.questions[number - 1]
        let given = attempt.answers[question.id]
        let words = WebText.words(context.language)
        let chosen = Set(given?.choices ?? [])
        let content = QuestionContent(
            attempt: attempt.id, testName: words[attempt.test] ?? attempt.test, courseTitle: attempt.courseTitle, number: number,
            count: attempt.questions.count, prompt: question.prompt,
            isSingle: question.type == "single", isMultiple: question.type == "multiple", isTrueFalse: question.type == "true-false",
            isShort: question.type == "short", isMatching: question.type == "matching",
            choices: (question.choices ?? []).enumerated().map { Option(value: $0, label: $1, checked: chosen.contains($0)) },
            truthTrue: given?.truth == true, truthFalse: given?.truth == false, text: given?.text ?? "",
            matches: (question.lefts ?? []).enumerated().map { left, label in
                MatchRow(index: left, label: label, options: (question.rights ?? []).enumerated().map { right, text in
                    Option(value: right, label: text, checked: given?.matches.map { $0.indices.contains(left) && $0[left] == right } ?? false)
                })
            },
            secondsLeft: attempt.secondsLeft, clock: attempt.secondsLeft.map { String(format: "%d:%02d", $0 / 60, $0 % 60) },
            hasPrevious: number > 1, isLast: number == attempt.questions.count)
        return try renderer.page("question", title: "\(content.testName) \(number)/\(content.count)", content, request: request, context: context)
            .response(from: request, context: context)
    }

    /// `POST /my/attempts/{id}/q/{n}`: saves the answer, then goes where the
    /// button said. The page's script posts the same form to autosave.
    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole([.officer])
        let publicID = try context.parameters.require("attempt")
        let number = try context.parameters.require("number", as: Int.self)
        let form = context.form
        // One write: the page's script may be saving the same answer at this
        // very moment (a change, then a quick tap on Next); the store takes
        // them one after the other, and the second finds nothing new to write.
        let saved = try await engine.savePage(user: user, publicID: publicID, number: number) { question in
            Self.answer(to: question, from: form)
        }
        guard case .saved(let questionCount) = saved else { return redirect(to: "/my/attempts/\(publicID)/result") }
        if WebSession.header(Self.autosave, in: request) != nil { return Response(status: .noContent) }
        switch context.form["go"] {
        case "previous": return redirect(to: "/my/attempts/\(publicID)/q/\(max(1, number - 1))")
        case "review": return redirect(to: "/my/attempts/\(publicID)/review")
        default:
            return redirect(to: number < questionCount ? "/my/attempts/\(publicID)/q/\(number + 1)" : "/my/attempts/\(publicID)/review")
        }
    }

    /// The header the page's script sends when it saves without moving on.
    static let autosave = "X-Jariya-Autosave"

    /// A question on the review page.
    struct ReviewRow: Sendable {
        var number: Int
        var prompt: String
        var answered: Bool
        var href: String
    }

    /// The review page before submitting.
    struct ReviewContent: Sendable {
        var attempt: String
        var testName: String
        var courseTitle: String
        var rows: [ReviewRow]
        var answered: Int
        var unanswered: Int
        var clock: String?
        var secondsLeft: Int?
    }

    /// `GET /my/attempts/{id}/review`: every question, answered or not, and the submit button.
    @Sendable func review(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole([.officer])
        let attempt = try engine.view(user: user, publicID: context.parameters.require("attempt"))
        if attempt.status != "open" { return redirect(to: "/my/attempts/\(attempt.id)/result") }
        let words = WebText.words(context.language)
        let rows = attempt.questions.enumerated().map { index, question in
            ReviewRow(number: index + 1, prompt: question.prompt, answered: attempt.answers[question.id] != nil,
                      href: "/my/attempts/\(attempt.id)/q/\(index + 1)")
        }
        let answered = rows.filter(\.answered).count
        let content = ReviewContent(attempt: attempt.id, testName: words[attempt.test] ?? attempt.test, courseTitle: attempt.courseTitle,
                                    rows: rows, answered: answered, unanswered: rows.count - answered,
                                    clock: attempt.secondsLeft.map { String(format: "%d:%02d", $0 / 60, $0 % 60) }, secondsLeft: attempt.secondsLeft)
        return try renderer.page("quiz-review", title: "reviewAnswers", content, request: request, context: context)
            .response(from: request, context: context)
    }

    /// `POST /my/attempts/{id}/submit`.
    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireRole([.officer])
        let publicID = try context.parameters.require("attempt")
        if try engine.view(user: user, publicID: publicID).status == "open" {
            _ = try engine.submit(user: user, publicID: publicID)
        }
        return redirect(to: "/my/attempts/\(publicID)/result")
    }

    /// A reviewed question on the result page.
    struct ResultItem: Sendable {
        var number: Int
        var prompt: String
        var yours: String
        var correct: String
        var right: Bool
        var explanation: String?
    }

    /// The result page.
    struct ResultContent: Sendable {
        var testName: String
        var percent: String
        var points: String
        var passPercent: Int?
        var passed: Bool
        var failed: Bool
        var items: [ResultItem]
        var note: String?
    }

    /// `GET /my/attempts/{id}/result`.
    @Sendable func result(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireRole([.officer])
        let result = try engine.result(user: user, publicID: context.parameters.require("attempt"))
        let words = WebText.words(context.language)
        let items = (result.review ?? []).map { item in
            // Numbered as in the attempt: a pre-test may show only the questions the post-test cannot draw.
            ResultItem(number: item.question.number, prompt: item.question.prompt, yours: item.yourAnswer.map { Self.describe($0, item.question, words) } ?? "—",
                       correct: Self.describe(item.correctAnswer, item.question, words), right: item.creditBasisPoints == 10_000,
                       explanation: item.explanation)
        }
        let content = ResultContent(testName: words[result.test] ?? result.test, percent: result.percent,
                                    points: "\(result.earnedPoints) / \(result.possiblePoints)", passPercent: result.passPercent,
                                    passed: result.passed == true, failed: result.passed == false, items: items, note: result.reviewNote)
        return try renderer.page("quiz-result", title: "result", content, request: request, context: context)
    }
}
