import Foundation
import Hummingbird
import JariyaApp
import JariyaAPI
import JariyaCore
import JariyaStore

/// The officer's side of the API: my courses, and attempts at their tests.
/// Every attempt route looks the attempt up by its id *and* the logged-in
/// user, so another officer's attempt answers 404 exactly like a missing one.
struct AttemptController {
    /// The quiz engine every route goes through.
    let engine: QuizEngine

    /// Registers the officer's routes.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("me/courses", use: myCourses)
        group.post("courses/:course/attempts", use: start)
        group.get("attempts/:attempt", use: show)
        group.put("attempts/:attempt/answers/:question", use: save)
        group.post("attempts/:attempt/submit", use: submit)
        group.get("attempts/:attempt/result", use: result)
    }

    /// `GET me/courses`.
    @Sendable func myCourses(_ request: Request, context: AppRequestContext) async throws -> MyCoursesView {
        // Courses are an officer's: staff take no tests, as /my and my certificates say too.
        try engine.myCourses(user: context.requireRole([.officer]))
    }

    /// `POST courses/{course}/attempts`: start or resume.
    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AttemptView> {
        let user = try context.requireUser()
        let body = try await request.decode(as: StartAttemptRequest.self, context: context)
        let course = try context.parameters.require("course")
        return EditedResponse(status: .created, response: try await engine.start(user: user, courseKey: course, kind: body.test))
    }

    /// `GET attempts/{attempt}`.
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> AttemptView {
        try engine.view(user: context.requireUser(), publicID: context.parameters.require("attempt"))
    }

    /// `PUT attempts/{attempt}/answers/{question}`.
    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> SaveView {
        let user = try context.requireUser()
        let body = try await request.decode(as: SaveAnswerRequest.self, context: context)
        return try await engine.save(user: user, publicID: context.parameters.require("attempt"),
                                     questionID: context.parameters.require("question"), seq: body.seq, answer: body.answer)
    }

    /// `POST attempts/{attempt}/submit`.
    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> ResultView {
        try engine.submit(user: context.requireUser(), publicID: context.parameters.require("attempt"))
    }

    /// `GET attempts/{attempt}/result`.
    @Sendable func result(_ request: Request, context: AppRequestContext) async throws -> ResultView {
        try engine.result(user: context.requireUser(), publicID: context.parameters.require("attempt"))
    }
}
