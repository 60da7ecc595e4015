import JariyaCore
import Testing

@Suite struct ScoringTests {
    static func question(_ type: QuestionType, choices: [Bool] = [], answer: Bool? = nil, accepted: [String] = [],
                         pairs: Int = 0, points: Int = 1, topic: String? = nil, id: String = "q", shuffle: Bool = true) -> Question {
        Question(id: id, type: type, topic: topic, points: points, shuffle: shuffle, prompt: "?",
                 choices: choices.enumerated().map { Question.Choice(text: "c\($0.offset)", correct: $0.element, line: 1) },
                 answer: answer, accepted: accepted,
                 pairs: (0..<pairs).map { Question.Pair(left: "l\($0)", right: "r\($0)", line: 1) },
                 explanation: nil, line: 1)
    }

    static let single = question(.single, choices: [false, true, false, false])
    static let multiple = question(.multiple, choices: [true, true, false, true, false])
    static let truth = question(.trueFalse, answer: false)
    static let short = question(.short, accepted: ["3000", "สามพันบาท", "น้ำใจ"])
    static let matching = question(.matching, pairs: 4)

    @Test(arguments: [
        (single, Answer.choices([1]), 10_000),
        (single, Answer.choices([0]), 0),
        (single, Answer.choices([1, 2]), 0),
        (single, nil, 0),
        (multiple, Answer.choices([0, 1, 3]), 10_000),
        (multiple, Answer.choices([0, 1]), 6_666),
        (multiple, Answer.choices([0, 1, 2]), 3_333),
        (multiple, Answer.choices([2, 4]), 0),
        (multiple, Answer.choices([0, 2, 4]), 0),
        (multiple, Answer.choices([0, 1, 2, 3, 4]), 3_333),
        (multiple, Answer.choices([]), 0),
        (truth, Answer.truth(false), 10_000),
        (truth, Answer.truth(true), 0),
        (short, Answer.text(" 3000 "), 10_000),
        (short, Answer.text("๓๐๐๐"), 10_000),
        (short, Answer.text("สามพัน บาท"), 10_000),
        (short, Answer.text("น\u{0E49}\u{0E4D}\u{0E32}ใจ"), 10_000),
        (short, Answer.text("น\u{0E4D}\u{0E32}\u{0E49}ใจ"), 0),
        (short, Answer.text("3001"), 0),
        (short, Answer.text("   "), 0),
        (matching, Answer.matches([0, 1, 2, 3]), 10_000),
        (matching, Answer.matches([1, 0, 2, 3]), 5_000),
        (matching, Answer.matches([3, 2, 1, 0]), 0),
        (matching, Answer.matches([0]), 2_500),
        (single, Answer.truth(true), 0),
    ] as [(Question, Answer?, Int)])
    func credit(question: Question, answer: Answer?, expected: Int) {
        #expect(question.credit(for: answer) == expected)
    }

    @Test func scoresWeighPointsAndStayIntegers() {
        let bank = QuestionBank(id: "b", language: "th", title: "b", englishTitle: nil, topics: [], questions: [
            Self.question(.single, choices: [true, false], points: 2, id: "a"),
            Self.question(.multiple, choices: [true, true, true, false], points: 1, id: "b"),
            Self.question(.trueFalse, answer: true, points: 1, id: "c"),
        ], line: 1)
        let drawn = ["a", "b", "c"].map { DrawnQuestion(questionID: $0, order: []) }
        let score = bank.score(drawn, answers: ["a": .choices([0]), "b": .choices([0])])
        #expect(score.possibleCentipoints == 400)
        #expect(score.earnedCentipoints == 233)
        #expect(score.percent == 5_825)
        #expect(!score.passes(60))
        #expect(score.passes(58))
        #expect(Grading.best([score, Score(earnedCentipoints: 400, possibleCentipoints: 400)])?.percent == 10_000)
        #expect(Grading.best([]) == nil)
    }
}

@Suite struct DrawingTests {
    static let bank = QuestionBank(
        id: "b", language: "th", title: "b", englishTitle: nil,
        topics: [.init(id: "gifts", name: "ของขวัญ", line: 1), .init(id: "property", name: "ทรัพย์สิน", line: 1)],
        questions: (0..<12).map { number in
            ScoringTests.question(.single, choices: [true, false, false, false], topic: number < 5 ? "gifts" : "property",
                                  id: "q\(number)", shuffle: number != 11)
        },
        line: 1)

    static func spec(draw: Int?, topics: [(String, Int)]) -> TestSpec {
        TestSpec(bank: "b", draw: draw, topicDraws: topics.map { .init(topic: $0.0, count: $0.1, line: 1) },
                 passPercent: 80, attempts: nil, minutes: nil, review: .afterSubmit, line: 1)
    }

    @Test func theSameSeedGivesTheSameAttempt() throws {
        let spec = Self.spec(draw: 6, topics: [])
        let first = try Self.bank.draw(spec, seed: 42)
        #expect(try Self.bank.draw(spec, seed: 42) == first)
        #expect(try Self.bank.draw(spec, seed: 43) != first)
        #expect(first.count == 6)
        #expect(Set(first.map(\.questionID)).count == 6)
    }

    @Test(arguments: [UInt64(1), 2, 3, 99, 12345])
    func perTopicDrawsTakeFromTheirTopicsWithoutRepeats(seed: UInt64) throws {
        let drawn = try Self.bank.draw(Self.spec(draw: 2, topics: [("gifts", 3), ("property", 4)]), seed: seed)
        #expect(drawn.count == 9)
        #expect(Set(drawn.map(\.questionID)).count == 9)
        let topics = drawn.compactMap { Self.bank.question(id: $0.questionID)?.topic }
        #expect(topics.filter { $0 == "gifts" }.count >= 3)
        #expect(topics.filter { $0 == "property" }.count >= 4)
        for item in drawn {
            #expect(item.order.sorted() == [0, 1, 2, 3])
            if item.questionID == "q11" { #expect(item.order == [0, 1, 2, 3], "shuffle=false keeps the written order") }
        }
    }

    @Test func choicesAreActuallyShuffledAcrossSeeds() throws {
        let orders = try (0..<20).map { seed in try Self.bank.draw(Self.spec(draw: 12, topics: []), seed: UInt64(seed)) }
            .flatMap { $0 }.filter { $0.questionID == "q0" }.map(\.order)
        #expect(Set(orders).count > 1)
    }

    @Test func aDrawLargerThanATopicFails() {
        #expect(throws: QuestionBank.DrawFailure.notEnough(topic: "gifts", wanted: 6, available: 5)) {
            try Self.bank.draw(Self.spec(draw: nil, topics: [("gifts", 6)]), seed: 1)
        }
        #expect(throws: QuestionBank.DrawFailure.notEnough(topic: nil, wanted: 10, available: 7)) {
            try Self.bank.draw(Self.spec(draw: 10, topics: [("gifts", 5)]), seed: 1)
        }
    }
}
