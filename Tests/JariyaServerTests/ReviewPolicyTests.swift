import Foundation
import Hummingbird
import HummingbirdTesting
import JariyaAPI
import JariyaServer
import Testing

/// Issue 14, row 13 and item 10: "The post-test shows the answer key after a
/// failed attempt, and the next attempt shares half its questions."
@Suite struct ReviewPolicyTests {
    static let start = "/api/v1/courses/code-of-ethics/attempts"

    /// The sample course as a trainer who never wrote `review` would publish it.
    static func withoutReviewAttributes(_ text: String) -> String {
        text.replacingOccurrences(of: #" review="after-last-attempt""#, with: "").replacingOccurrences(of: #" review="never""#, with: "")
    }

    static func ids(_ attempt: AttemptView) -> Set<String> { Set(attempt.questions.map(\.id)) }

    /// Everything a response must not hold before the key may be shown.
    static func expectNoKey(_ text: String, world: QuizWorld, sourceLocation: SourceLocation = #_sourceLocation) {
        for word in ["correct", "explanation", "accept", "creditBasisPoints", "\"review\""] {
            #expect(!text.contains(word), "the response holds \(word)", sourceLocation: sourceLocation)
        }
        for question in world.bank.questions {
            if let explanation = question.explanation {
                #expect(!text.contains(explanation), "the response holds the explanation of \(question.id)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Takes the pre-test with no answers, so the post-test may start.
    static func takePretest(_ client: some TestClientProtocol, token: String) async throws {
        let pretest = try await client.api(start, .post, token: token, body: StartAttemptRequest(test: .pretest), as: AttemptView.self, expect: .created)
        try await client.send("/api/v1/attempts/\(pretest.id)/submit", .post, token: token, expect: .ok)
    }

    /// Starts a post-test attempt, answers every question wrong and submits; the attempt, the result and the submit's raw answer.
    static func failPosttest(_ client: some TestClientProtocol, world: QuizWorld, token: String) async throws -> (AttemptView, ResultView, APIReply) {
        let attempt = try await client.api(start, .post, token: token, body: StartAttemptRequest(test: .posttest), as: AttemptView.self, expect: .created)
        try await QuizAPITests.answerAll(client, world: world, token: token, attempt: attempt) { _ in false }
        let reply = try await client.send("/api/v1/attempts/\(attempt.id)/submit", .post, token: token, expect: .ok)
        return (attempt, try reply.decode(ResultView.self), reply)
    }

    @Test func aFailedPostTestUnderTheDefaultShowsNoKeyAndTheRetryDrawsOtherQuestions() async throws {
        let world = try QuizWorld(course: Self.withoutReviewAttributes)
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            try await Self.takePretest(client, token: token)

            let (first, failed, failedReply) = try await Self.failPosttest(client, world: world, token: token)
            let firstID = first.id
            #expect(failed.passed == false && failed.scoreBasisPoints == 0, "the score and the verdict are shown")
            #expect(try !failedReply.has("review") && failed.review == nil)
            #expect(failed.reviewNote?.contains("ใช้สิทธิ์สอบครบ 3 ครั้ง") == true)
            Self.expectNoKey(failedReply.text, world: world)
            Self.expectNoKey(try await client.send("/api/v1/attempts/\(firstID)/result", .get, token: token, expect: .ok).text, world: world)

            // The retry: the sample bank has 10 questions a topic and the post-test draws 4, so nothing repeats.
            let (second, _, secondReply) = try await Self.failPosttest(client, world: world, token: token)
            #expect(Self.ids(second).count == 20)
            #expect(Self.ids(first).isDisjoint(with: Self.ids(second)), "the second attempt shares no question with the first")
            Self.expectNoKey(secondReply.text, world: world)

            // The third: 12 a topic from 10 means 2 a topic again, the first attempt's, never the second's.
            let thirdReply = try await client.send(Self.start, .post, token: token, body: StartAttemptRequest(test: .posttest), expect: .created)
            let third = try thirdReply.decode(AttemptView.self)
            #expect(Self.ids(third).intersection(Self.ids(second)).isEmpty)
            #expect(Self.ids(third).intersection(Self.ids(first)).count == 10)
            Self.expectNoKey(thirdReply.text, world: world)
            let whileOpenReply = try await client.send("/api/v1/attempts/\(firstID)/result", .get, token: token, expect: .ok)
            Self.expectNoKey(whileOpenReply.text, world: world)
            #expect(try whileOpenReply.decode(ResultView.self).reviewNote?.contains("ระหว่างที่ยังทำแบบทดสอบนี้ค้างอยู่") == true,
                    "all three attempts are started, but the last is still open")

            try await QuizAPITests.answerAll(client, world: world, token: token, attempt: third) { _ in false }
            let lastReply = try await client.send("/api/v1/attempts/\(third.id)/submit", .post, token: token, expect: .ok)
            let last = try lastReply.decode(ResultView.self)
            #expect(last.review?.count == 20, "every attempt used: the key is shown")
            #expect(try !lastReply.has("reviewNote") && last.reviewNote == nil)
            let firstAgain = try await client.api("/api/v1/attempts/\(firstID)/result", .get, token: token, as: ResultView.self, expect: .ok)
            #expect(firstAgain.review?.count == 20, "and for the earlier attempts too")
        }
    }

    @Test func aFailedPostTestsResultPageShowsTheScoreAndNoKey() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let browser = WebBrowser()
            _ = try await browser.logIn(client, "officer-a")
            for kind in ["pretest", "posttest"] {
                try await browser.get(client, "/my")
                let first = try #require(try await browser.post(client, "/my/courses/code-of-ethics/tests/\(kind)", []).location)
                let attempt = first.replacingOccurrences(of: "/q/1", with: "")
                try await browser.get(client, "\(attempt)/review")
                #expect(try await browser.post(client, "\(attempt)/submit", [("confirm", "yes")]).location == "\(attempt)/result")
                let page = try await browser.get(client, "\(attempt)/result")
                #expect(page.status == .ok && page.body.contains(#"id="score""#))
                #expect(!page.body.contains("คำตอบที่ถูก") && !page.body.contains("คำอธิบาย"), "no right answers, no explanations")
                for question in world.bank.questions {
                    if let explanation = question.explanation { #expect(!page.body.contains(explanation)) }
                }
                if kind == "posttest" {
                    #expect(page.body.contains("ยังไม่ผ่าน"), "the verdict is shown")
                    #expect(page.body.contains("เฉลยจะแสดงเมื่อสอบผ่านหรือใช้สิทธิ์สอบครบ 3 ครั้งแล้ว"))
                } else {
                    #expect(page.body.contains("เฉลยของแบบทดสอบนี้ไม่เปิดให้ดู"))
                }
            }
        }
    }

    @Test func aPassedPostTestShowsItsKeyAndIsNotTakenAgain() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            try await Self.takePretest(client, token: token)
            let attempt = try await client.api(Self.start, .post, token: token, body: StartAttemptRequest(test: .posttest), as: AttemptView.self,
                                               expect: .created)
            try await QuizAPITests.answerAll(client, world: world, token: token, attempt: attempt) { _ in true }
            let result = try await client.api("/api/v1/attempts/\(attempt.id)/submit", .post, token: token, as: ResultView.self, expect: .ok)
            #expect(result.passed == true)
            #expect(result.review?.count == 20, "a pass ends the post-test, so its key is shown")
            let refused = try await client.send(Self.start, .post, token: token, body: StartAttemptRequest(test: .posttest), expect: .conflict)
            #expect(try refused.errorMessage() == "the post-test is already passed this fiscal year")
        }
    }

    @Test func aPreTestShowsNoKeyToAQuestionThePostTestCanStillDraw() async throws {
        let world = try QuizWorld { $0.replacingOccurrences(of: #"draw="10" review="never""#, with: #"draw="10" review="after-submit""#) }
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let token = try await client.login("officer-a")
            let pretest = try await client.api(Self.start, .post, token: token, body: StartAttemptRequest(test: .pretest), as: AttemptView.self,
                                               expect: .created)
            try await QuizAPITests.answerAll(client, world: world, token: token, attempt: pretest) { _ in true }
            let reply = try await client.send("/api/v1/attempts/\(pretest.id)/submit", .post, token: token, expect: .ok)
            let result = try reply.decode(ResultView.self)
            // The sample post-test draws from all five topics of the same bank: every pre-test question may come again.
            #expect(result.scoreBasisPoints == 10_000)
            Self.expectNoKey(reply.text, world: world)
            #expect(result.reviewNote?.contains("เฉลย 10 ข้อที่อาจออกในแบบทดสอบหลังเรียน") == true)
        }
    }

    @Test func theTrainerIsToldWhatOfficersWillSee() async throws {
        let world = try QuizWorld()
        let app = try await buildApplication(world.configuration())
        try await app.test(.router) { client in
            let trainer = WebBrowser()
            _ = try await trainer.logIn(client, "trainer")
            let home = try await trainer.get(client, "/trainer")
            let posttest = "แบบทดสอบหลังเรียน: ผู้เรียนจะเห็นเฉลยเมื่อสอบผ่านหรือใช้สิทธิ์สอบครบ 3 ครั้งแล้ว"
            let pretest = "แบบทดสอบก่อนเรียน: ผู้เรียนจะไม่เห็นเฉลย เห็นเพียงคะแนน"
            #expect(home.body.contains(posttest), "the published course says it")
            #expect(home.body.contains(pretest))
            #expect(home.body.contains("officers see the answers once they pass or have used all 3 attempts"), "English after the Thai")

            // Without its certificate: an upload is checked in a folder of its own, which holds no Certificates/.
            let course = String(decoding: try WebStaffPagesTests.file("Courses/code-of-ethics.xml"), as: UTF8.self)
                .replacingOccurrences(of: #"<certificate template="standard"/>"#, with: "")
            var page = try await trainer.upload(client, "/trainer/content", [], file: ("file", "code-of-ethics.xml", Array(course.utf8)))
            #expect(page.status == .ok && page.body.contains(posttest) && page.body.contains(pretest), "so does the preview of an upload")

            let window = course.replacingOccurrences(of: #"review="after-last-attempt""#, with: #"review="after-window-closes""#)
            page = try await trainer.upload(client, "/trainer/content", [], file: ("file", "code-of-ethics.xml", Array(window.utf8)))
            #expect(page.body.contains("แบบทดสอบหลังเรียน: ผู้เรียนจะเห็นเฉลยเมื่อสิ้นปีงบประมาณที่สอบแล้ว (หลัง 30 กันยายน)"))

            let leaky = course.replacingOccurrences(of: #"review="after-last-attempt""#, with: #"review="after-submit""#)
            page = try await trainer.upload(client, "/trainer/content", [], file: ("file", "code-of-ethics.xml", Array(leaky.utf8)))
            #expect(page.status == .unprocessableContent, "the old sample's policy is refused in new content")
            #expect(page.body.contains("would show the post-test&#39;s answers while attempts remain")
                    || page.body.contains("would show the post-test's answers while attempts remain"))
        }
    }
}
