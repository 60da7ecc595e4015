import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaAPI
import JariyaCore
import JariyaServer
import Testing

@Suite struct QuizAPITests {
    /// Answers every question of an attempt, right or wrong, with growing sequence numbers.
    static func answerAll(_ client: some TestClientProtocol, world: QuizWorld, token: String, attempt: AttemptView,
                          right: (Int) -> Bool) async throws {
        for (index, question) in attempt.questions.enumerated() {
            let answer = right(index) ? world.rightAnswer(question) : world.wrongAnswer(question)
            try await client.send("/api/v1/attempts/\(attempt.id)/answers/\(question.id)", .put, token: token,
                                  body: SaveAnswerRequest(seq: index + 1, answer: answer), expect: .ok)
        }
    }

    @Test func theWholeJourney() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            let mine = try await client.api("/api/v1/me/courses", .get, token: token, as: MyCoursesView.self, expect: .ok)
            let course = try #require(mine.courses.first)
            #expect(course.next == "pretest")

            try await client.send("/api/v1/courses/code-of-ethics/attempts", .post, token: token, body: StartAttemptRequest(test: .posttest),
                                  expect: .conflict)

            let pretest = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                               body: StartAttemptRequest(test: .pretest), as: AttemptView.self, expect: .created)
            #expect(pretest.questions.count == 10)
            try await Self.answerAll(client, world: world, token: token, attempt: pretest) { $0 % 2 == 0 }
            let pretestReply = try await client.send("/api/v1/attempts/\(pretest.id)/submit", .post, token: token, expect: .ok)
            let pretestResult = try pretestReply.decode(ResultView.self)
            #expect(try !pretestReply.has("passed") && pretestResult.passed == nil, "the pre-test is a baseline, not pass/fail")
            #expect(try !pretestReply.has("review") && pretestResult.review == nil)
            #expect(pretestResult.reviewNote?.isEmpty == false)

            let posttest = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                body: StartAttemptRequest(test: .posttest), as: AttemptView.self, expect: .created)
            #expect(posttest.questions.count == 20)
            #expect(posttest.secondsLeft == 30 * 60)
            try await Self.answerAll(client, world: world, token: token, attempt: posttest) { _ in true }
            let shown = try await client.api("/api/v1/attempts/\(posttest.id)", .get, token: token, as: AttemptView.self, expect: .ok)
            #expect(shown.answers.count == 20, "saved answers come back on reload")
            let result = try await client.api("/api/v1/attempts/\(posttest.id)/submit", .post, token: token, as: ResultView.self, expect: .ok)
            #expect(result.scoreBasisPoints == 10_000)
            #expect(result.percent == "100.00")
            #expect(result.passed == true)
            let review = try #require(result.review)
            #expect(review.count == 20)
            #expect(review.allSatisfy { $0.creditBasisPoints == 10_000 && $0.explanation != nil })

            let after = try await client.api("/api/v1/me/courses", .get, token: token, as: MyCoursesView.self, expect: .ok)
            let status = try #require(after.courses.first)
            #expect(status.next == "done")
        }
    }

    @Test func replayedAndStaleSavesAreRefusedAndRepeatsAreHarmless() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            let attempt = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                               body: StartAttemptRequest(test: .pretest), as: AttemptView.self, expect: .created)
            let first = attempt.questions[0]
            let second = attempt.questions[1]
            let uri = "/api/v1/attempts/\(attempt.id)/answers/\(first.id)"
            let right = world.rightAnswer(first)
            let wrong = world.wrongAnswer(first)
            try await client.send(uri, .put, token: token, body: SaveAnswerRequest(seq: 1, answer: right), expect: .ok)
            let repeated = try await client.api(uri, .put, token: token, body: SaveAnswerRequest(seq: 1, answer: right), as: SaveView.self,
                                                expect: .ok)
            #expect(repeated.repeated == true)
            try await client.send(uri, .put, token: token, body: SaveAnswerRequest(seq: 1, answer: wrong), expect: .conflict)
            try await client.send("/api/v1/attempts/\(attempt.id)/answers/\(second.id)", .put, token: token,
                                  body: SaveAnswerRequest(seq: 2, answer: world.rightAnswer(second)), expect: .ok)
            try await client.send(uri, .put, token: token, body: SaveAnswerRequest(seq: 1, answer: wrong), expect: .conflict)
            try await client.send(uri, .put, token: token, body: SaveAnswerRequest(seq: 2, answer: wrong), expect: .conflict)
            let shown = try await client.api("/api/v1/attempts/\(attempt.id)", .get, token: token, as: AttemptView.self, expect: .ok)
            #expect(shown.answers[first.id] == right, "the first save stands: the replays with other answers changed nothing")
            #expect(shown.lastSeq == 2)
            try await client.send(uri, .put, token: token, body: SaveAnswerRequest(seq: 3, answer: AnswerView(choices: [99], truth: true)),
                                  expect: .badRequest)
        }
    }

    @Test func twoRacingSubmitsGiveOneGrade() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            let attempt = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                               body: StartAttemptRequest(test: .pretest), as: AttemptView.self, expect: .created)
            try await Self.answerAll(client, world: world, token: token, attempt: attempt) { $0 < 7 }
            async let one = client.api("/api/v1/attempts/\(attempt.id)/submit", .post, token: token, as: ResultView.self, expect: .ok)
            async let two = client.api("/api/v1/attempts/\(attempt.id)/submit", .post, token: token, as: ResultView.self, expect: .ok)
            let (a, b) = try await (one, two)
            #expect(a.scoreBasisPoints == 7_000)
            #expect(a.submittedAt == b.submittedAt)
            #expect(a.scoreBasisPoints == b.scoreBasisPoints)
            let mine = try await client.api("/api/v1/me/courses", .get, token: token, as: MyCoursesView.self, expect: .ok)
            #expect(mine.courses.first?.pretest?.attemptsUsed == 1)
        }
    }

    @Test func anAttemptWhoseTimeRanOutIsSubmittedWithWhatWasSaved() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            let pretest = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                               body: StartAttemptRequest(test: .pretest), as: AttemptView.self, expect: .created)
            try await client.send("/api/v1/attempts/\(pretest.id)/submit", .post, token: token, expect: .ok)
            let attempt = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                               body: StartAttemptRequest(test: .posttest), as: AttemptView.self, expect: .created)
            try await Self.answerAll(client, world: world, token: token, attempt: attempt) { $0 < 5 }
            world.clock.advance(minutes: 30.5)
            let late = attempt.questions[0]
            try await client.send("/api/v1/attempts/\(attempt.id)/answers/\(late.id)", .put, token: token,
                                  body: SaveAnswerRequest(seq: 99, answer: world.rightAnswer(late)), expect: .ok)
            world.clock.advance(minutes: 60) // the officer closed the phone and went home
            let result = try await client.api("/api/v1/attempts/\(attempt.id)/result", .get, token: token, as: ResultView.self, expect: .ok)
            #expect(result.submittedBy == "deadline")
            #expect(result.scoreBasisPoints == 2_500)
            #expect(result.passed == false)
            try await client.send("/api/v1/attempts/\(attempt.id)/answers/\(late.id)", .put, token: token,
                                  body: SaveAnswerRequest(seq: 100, answer: world.rightAnswer(late)), expect: .conflict)
        }
    }

    @Test func theAttemptsLimitHolds() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            for test in [TestKind.pretest, .posttest, .posttest, .posttest] {
                let attempt = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                   body: StartAttemptRequest(test: test), as: AttemptView.self, expect: .created)
                try await client.send("/api/v1/attempts/\(attempt.id)/submit", .post, token: token, expect: .ok)
            }
            let refused = try await client.send("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                body: StartAttemptRequest(test: .posttest), expect: .conflict)
            #expect(try refused.errorMessage() == "all 3 attempts allowed this fiscal year are used")
            try await client.send("/api/v1/courses/code-of-ethics/attempts", .post, token: token, body: StartAttemptRequest(test: .pretest),
                                  expect: .conflict)
        }
    }

    @Test func anotherOfficersAttemptIsNotFoundOnEveryRoute() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let tokenA = try await client.login("officer-a")
            let tokenB = try await client.login("officer-b")
            let attempt = try await client.api("/api/v1/courses/code-of-ethics/attempts", .post, token: tokenA,
                                               body: StartAttemptRequest(test: .pretest), as: AttemptView.self, expect: .created)
            let id = attempt.id
            let question = attempt.questions[0]
            let missing = try await client.send("/api/v1/attempts/0123456789abcdef0123456789abcdef", .get, token: tokenB, expect: .notFound)
            let read = try await client.send("/api/v1/attempts/\(id)", .get, token: tokenB, expect: .notFound)
            #expect(read.text == missing.text, "B cannot tell A's attempt from one that does not exist")
            try await client.send("/api/v1/attempts/\(id)/answers/\(question.id)", .put, token: tokenB,
                                  body: SaveAnswerRequest(seq: 1, answer: world.rightAnswer(question)), expect: .notFound)
            try await client.send("/api/v1/attempts/\(id)/submit", .post, token: tokenB, expect: .notFound)
            try await client.send("/api/v1/attempts/\(id)/result", .get, token: tokenB, expect: .notFound)
            let own = try await client.api("/api/v1/attempts/\(id)", .get, token: tokenA, as: AttemptView.self, expect: .ok)
            #expect(own.status == "open")
            #expect(own.answers.isEmpty)
            let hr = try await client.login("hr")
            try await client.send("/api/v1/courses/code-of-ethics/attempts", .post, token: hr, body: StartAttemptRequest(test: .pretest),
                                  expect: .forbidden)
        }
    }

    @Test func nothingBeforeReviewCarriesTheKey() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            // What is checked is what is NOT in the payloads, so the raw texts are kept, not what a type would decode.
            var raw: [String] = []
            let pretestReply = try await client.send("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                     body: StartAttemptRequest(test: .pretest), expect: .created)
            raw.append(pretestReply.text)
            let pretest = try pretestReply.decode(AttemptView.self)
            for (index, question) in pretest.questions.enumerated() {
                raw.append(try await client.send("/api/v1/attempts/\(pretest.id)/answers/\(question.id)", .put,
                                                 token: token, body: SaveAnswerRequest(seq: index + 1, answer: world.rightAnswer(question))).text)
            }
            raw.append(try await client.send("/api/v1/attempts/\(pretest.id)", .get, token: token).text)
            raw.append(try await client.send("/api/v1/attempts/\(pretest.id)/result", .get, token: token, expect: .conflict).text)
            raw.append(try await client.send("/api/v1/attempts/\(pretest.id)/submit", .post, token: token).text) // review="never"
            let postReply = try await client.send("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                  body: StartAttemptRequest(test: .posttest), expect: .created)
            raw.append(postReply.text)
            let posttest = try postReply.decode(AttemptView.self)
            raw.append(try await client.send("/api/v1/attempts/\(posttest.id)", .get, token: token).text)
            raw.append(try await client.send("/api/v1/me/courses", .get, token: token).text)
            let everything = raw.joined(separator: "\n")
            for forbidden in ["correct", "Correct", "accept", "explanation", "seed", "\"answer\""] {
                #expect(!everything.contains(forbidden), "a response before review contains \(forbidden)")
            }
            for question in world.bank.questions {
                if let explanation = question.explanation { #expect(!everything.contains(explanation)) }
            }
        }
    }
}
