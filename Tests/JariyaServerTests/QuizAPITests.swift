import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaServer
import Testing

@Suite struct QuizAPITests {
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

    @Test func theWholeJourney() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            let (_, mine, _) = try await client.json("/api/v1/me/courses", .get, token: token, expect: .ok)
            let course = try #require((mine["courses"] as? [[String: Any]])?.first)
            #expect(course["next"] as? String == "pretest")

            try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token, body: ["test": "posttest"], expect: .conflict)

            let (_, pretest, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                         body: ["test": "pretest"], expect: .created)
            #expect(Self.questions(pretest).count == 10)
            try await Self.answerAll(client, world: world, token: token, attempt: pretest) { $0 % 2 == 0 }
            let pretestID = pretest["id"] as? String ?? ""
            let (_, pretestResult, _) = try await client.json("/api/v1/attempts/\(pretestID)/submit", .post, token: token, expect: .ok)
            #expect(pretestResult["passed"] == nil, "the pre-test is a baseline, not pass/fail")
            #expect(pretestResult["review"] == nil)
            #expect((pretestResult["reviewNote"] as? String)?.isEmpty == false)

            let (_, posttest, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                          body: ["test": "posttest"], expect: .created)
            #expect(Self.questions(posttest).count == 20)
            #expect(posttest["secondsLeft"] as? Int == 30 * 60)
            try await Self.answerAll(client, world: world, token: token, attempt: posttest) { _ in true }
            let postID = posttest["id"] as? String ?? ""
            let (_, shown, _) = try await client.json("/api/v1/attempts/\(postID)", .get, token: token, expect: .ok)
            #expect((shown["answers"] as? [String: Any])?.count == 20, "saved answers come back on reload")
            let (_, result, _) = try await client.json("/api/v1/attempts/\(postID)/submit", .post, token: token, expect: .ok)
            #expect(result["scoreBasisPoints"] as? Int == 10_000)
            #expect(result["percent"] as? String == "100.00")
            #expect(result["passed"] as? Bool == true)
            let review = try #require(result["review"] as? [[String: Any]])
            #expect(review.count == 20)
            #expect(review.allSatisfy { $0["creditBasisPoints"] as? Int == 10_000 && $0["explanation"] != nil })

            let (_, after, _) = try await client.json("/api/v1/me/courses", .get, token: token, expect: .ok)
            let status = try #require((after["courses"] as? [[String: Any]])?.first)
            #expect(status["next"] as? String == "done")
        }
    }

    @Test func replayedAndStaleSavesAreRefusedAndRepeatsAreHarmless() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            let (_, attempt, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                         body: ["test": "pretest"], expect: .created)
            let id = attempt["id"] as? String ?? ""
            let first = Self.questions(attempt)[0]
            let second = Self.questions(attempt)[1]
            let uri = "/api/v1/attempts/\(id)/answers/\(first["id"] as? String ?? "")"
            let right = world.rightAnswer(first)
            let wrong = world.wrongAnswer(first)
            try await client.json(uri, .put, token: token, body: ["seq": 1, "answer": right], expect: .ok)
            let (_, repeated, _) = try await client.json(uri, .put, token: token, body: ["seq": 1, "answer": right], expect: .ok)
            #expect(repeated["repeated"] as? Bool == true)
            try await client.json(uri, .put, token: token, body: ["seq": 1, "answer": wrong], expect: .conflict)
            try await client.json("/api/v1/attempts/\(id)/answers/\(second["id"] as? String ?? "")", .put, token: token,
                                  body: ["seq": 2, "answer": world.rightAnswer(second)], expect: .ok)
            try await client.json(uri, .put, token: token, body: ["seq": 1, "answer": wrong], expect: .conflict)
            try await client.json(uri, .put, token: token, body: ["seq": 2, "answer": wrong], expect: .conflict)
            let (_, shown, _) = try await client.json("/api/v1/attempts/\(id)", .get, token: token, expect: .ok)
            let saved = (shown["answers"] as? [String: [String: Any]])?[first["id"] as? String ?? ""]
            #expect(saved?.keys.sorted() == right.keys.sorted())
            #expect(shown["lastSeq"] as? Int == 2)
            try await client.json(uri, .put, token: token, body: ["seq": 3, "answer": ["truth": true, "choices": [99]]], expect: .badRequest)
        }
    }

    @Test func twoRacingSubmitsGiveOneGrade() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            let (_, attempt, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                         body: ["test": "pretest"], expect: .created)
            try await Self.answerAll(client, world: world, token: token, attempt: attempt) { $0 < 7 }
            let id = attempt["id"] as? String ?? ""
            async let one = client.json("/api/v1/attempts/\(id)/submit", .post, token: token, expect: .ok)
            async let two = client.json("/api/v1/attempts/\(id)/submit", .post, token: token, expect: .ok)
            let (a, b) = try await (one, two)
            #expect(a.1["scoreBasisPoints"] as? Int == 7_000)
            #expect(a.1["submittedAt"] as? String == b.1["submittedAt"] as? String)
            #expect(a.1["scoreBasisPoints"] as? Int == b.1["scoreBasisPoints"] as? Int)
            let (_, mine, _) = try await client.json("/api/v1/me/courses", .get, token: token, expect: .ok)
            let pretest = (mine["courses"] as? [[String: Any]])?.first?["pretest"] as? [String: Any]
            #expect(pretest?["attemptsUsed"] as? Int == 1)
        }
    }

    @Test func anAttemptWhoseTimeRanOutIsSubmittedWithWhatWasSaved() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            let (_, pretest, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                         body: ["test": "pretest"], expect: .created)
            try await client.json("/api/v1/attempts/\(pretest["id"] as? String ?? "")/submit", .post, token: token, expect: .ok)
            let (_, attempt, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                         body: ["test": "posttest"], expect: .created)
            let id = attempt["id"] as? String ?? ""
            try await Self.answerAll(client, world: world, token: token, attempt: attempt) { $0 < 5 }
            world.clock.advance(minutes: 30.5)
            let late = Self.questions(attempt)[0]
            try await client.json("/api/v1/attempts/\(id)/answers/\(late["id"] as? String ?? "")", .put, token: token,
                                  body: ["seq": 99, "answer": world.rightAnswer(late)], expect: .ok)
            world.clock.advance(minutes: 60) // the officer closed the phone and went home
            let (_, result, _) = try await client.json("/api/v1/attempts/\(id)/result", .get, token: token, expect: .ok)
            #expect(result["submittedBy"] as? String == "deadline")
            #expect(result["scoreBasisPoints"] as? Int == 2_500)
            #expect(result["passed"] as? Bool == false)
            try await client.json("/api/v1/attempts/\(id)/answers/\(late["id"] as? String ?? "")", .put, token: token,
                                  body: ["seq": 100, "answer": world.rightAnswer(late)], expect: .conflict)
        }
    }

    @Test func theAttemptsLimitHolds() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            for test in ["pretest", "posttest", "posttest", "posttest"] {
                let (_, attempt, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                             body: ["test": test], expect: .created)
                try await client.json("/api/v1/attempts/\(attempt["id"] as? String ?? "")/submit", .post, token: token, expect: .ok)
            }
            let (_, refused, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                         body: ["test": "posttest"], expect: .conflict)
            #expect((refused["error"] as? [String: Any])?["message"] as? String == "all 3 attempts allowed this fiscal year are used")
            try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token, body: ["test": "pretest"], expect: .conflict)
        }
    }

    @Test func anotherOfficersAttemptIsNotFoundOnEveryRoute() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let tokenA = try await client.login("officer-a")
            let tokenB = try await client.login("officer-b")
            let (_, attempt, _) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: tokenA,
                                                         body: ["test": "pretest"], expect: .created)
            let id = attempt["id"] as? String ?? ""
            let question = Self.questions(attempt)[0]
            let missing = try await client.json("/api/v1/attempts/0123456789abcdef0123456789abcdef", .get, token: tokenB, expect: .notFound)
            let read = try await client.json("/api/v1/attempts/\(id)", .get, token: tokenB, expect: .notFound)
            #expect(read.2 == missing.2, "B cannot tell A's attempt from one that does not exist")
            try await client.json("/api/v1/attempts/\(id)/answers/\(question["id"] as? String ?? "")", .put, token: tokenB,
                                  body: ["seq": 1, "answer": world.rightAnswer(question)], expect: .notFound)
            try await client.json("/api/v1/attempts/\(id)/submit", .post, token: tokenB, expect: .notFound)
            try await client.json("/api/v1/attempts/\(id)/result", .get, token: tokenB, expect: .notFound)
            let (_, own, _) = try await client.json("/api/v1/attempts/\(id)", .get, token: tokenA, expect: .ok)
            #expect(own["status"] as? String == "open")
            #expect((own["answers"] as? [String: Any])?.isEmpty == true)
            let hr = try await client.login("hr")
            try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: hr, body: ["test": "pretest"], expect: .forbidden)
        }
    }

    @Test func nothingBeforeReviewCarriesTheKey() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            var raw: [String] = []
            let (_, pretest, pretestText) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                                   body: ["test": "pretest"], expect: .created)
            raw.append(pretestText)
            let pretestID = pretest["id"] as? String ?? ""
            for (index, question) in Self.questions(pretest).enumerated() {
                raw.append(try await client.json("/api/v1/attempts/\(pretestID)/answers/\(question["id"] as? String ?? "")", .put,
                                                 token: token, body: ["seq": index + 1, "answer": world.rightAnswer(question)]).2)
            }
            raw.append(try await client.json("/api/v1/attempts/\(pretestID)", .get, token: token).2)
            raw.append(try await client.json("/api/v1/attempts/\(pretestID)/result", .get, token: token, expect: .conflict).2)
            raw.append(try await client.json("/api/v1/attempts/\(pretestID)/submit", .post, token: token).2) // review="never"
            let (_, posttest, postText) = try await client.json("/api/v1/courses/code-of-ethics/attempts", .post, token: token,
                                                                 body: ["test": "posttest"], expect: .created)
            raw.append(postText)
            raw.append(try await client.json("/api/v1/attempts/\(posttest["id"] as? String ?? "")", .get, token: token).2)
            raw.append(try await client.json("/api/v1/me/courses", .get, token: token).2)
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
