import JariyaCore
import Testing

/// Issue 14, row 13: a retry shared half its questions with the attempt
/// before it. A retry now draws what the officer has not met first.
@Suite struct RetryDrawingTests {
    static let bank = DrawingTests.bank // 12 questions: q0–q4 on gifts, q5–q11 on property

    static func ids(_ drawn: [DrawnQuestion]) -> Set<String> { Set(drawn.map(\.questionID)) }

    @Test(arguments: [UInt64(1), 7, 42, 99, 2567])
    func aRetrySharesNothingWhileTheBankHasEnough(seed: UInt64) throws {
        let spec = DrawingTests.spec(draw: 6, topics: [])
        let first = try Self.bank.draw(spec, seed: seed)
        let second = try Self.bank.draw(spec, seed: seed &+ 1, seenBefore: [first.map(\.questionID)])
        #expect(second.count == 6)
        #expect(Self.ids(first).isDisjoint(with: Self.ids(second)), "12 questions hold two draws of 6 without a repeat")
    }

    @Test(arguments: [UInt64(3), 11, 12345])
    func topicCountsHoldAndOnlyWhatATopicLacksIsRepeated(seed: UInt64) throws {
        let spec = DrawingTests.spec(draw: nil, topics: [("gifts", 3), ("property", 4)])
        let first = try Self.bank.draw(spec, seed: seed)
        let second = try Self.bank.draw(spec, seed: seed &+ 1, seenBefore: [first.map(\.questionID)])
        let topics = second.compactMap { Self.bank.question(id: $0.questionID)?.topic }
        #expect(topics.filter { $0 == "gifts" }.count == 3)
        #expect(topics.filter { $0 == "property" }.count == 4)
        // gifts has 5: two new, one repeat; property has 7: three new, one repeat.
        let repeated = Self.ids(first).intersection(Self.ids(second))
        #expect(repeated.count == 2)
        #expect(Set(repeated.compactMap { Self.bank.question(id: $0)?.topic }) == ["gifts", "property"])
    }

    @Test func whenTheBankRunsOutTheQuestionsSeenLongestAgoComeBack() throws {
        let spec = DrawingTests.spec(draw: 5, topics: [])
        let older = ["q0", "q1", "q2", "q3", "q4"]
        let newer = ["q5", "q6", "q7", "q8", "q9"]
        for seed in [UInt64(1), 2, 3, 4, 5] {
            let third = Self.ids(try Self.bank.draw(spec, seed: seed, seenBefore: [older, newer]))
            #expect(third.isSuperset(of: ["q10", "q11"]), "the two never seen come first")
            #expect(third.subtracting(["q10", "q11"]).isSubset(of: Set(older)), "then the first attempt's, not the second's")
            #expect(third.count == 5)
        }
        // A question met in both attempts counts as met in the later one.
        let again = Self.ids(try Self.bank.draw(DrawingTests.spec(draw: 6, topics: []), seed: 9, seenBefore: [older, newer + ["q0"]]))
        #expect(!again.contains("q0"))
    }

    @Test func thePinnedSeedAndHistoryGiveTheSameAttempt() throws {
        let spec = DrawingTests.spec(draw: 2, topics: [("gifts", 2), ("property", 3)])
        let history = [["q0", "q5", "q6"], ["q1", "q7"]]
        let pinned = try Self.bank.draw(spec, seed: 2567, seenBefore: history)
        #expect(try Self.bank.draw(spec, seed: 2567, seenBefore: history) == pinned)
        #expect(try Self.bank.draw(spec, seed: 2567, seenBefore: []) == (try Self.bank.draw(spec, seed: 2567)))
    }

    @Test func theSampleCoursesThreePostTestAttemptsShareAsLittleAsItsBankAllows() throws {
        // The sample post-test draws 4 from each of 5 topics of 10 questions,
        // 3 attempts: the second repeats nothing, the third 2 a topic, from the first.
        let bank = QuestionBank(
            id: "ethics-basics", language: "th", title: "b", englishTitle: nil,
            topics: (0..<5).map { .init(id: "t\($0)", name: "t\($0)", line: 1) },
            questions: (0..<50).map { ScoringTests.question(.trueFalse, answer: true, topic: "t\($0 / 10)", id: "q\($0)") },
            line: 1)
        let spec = TestSpec(bank: "ethics-basics", draw: nil, topicDraws: (0..<5).map { .init(topic: "t\($0)", count: 4, line: 1) },
                            passPercent: 80, attempts: 3, minutes: 30, review: .afterLastAttempt, line: 1)
        let first = try bank.draw(spec, seed: 101).map(\.questionID)
        let second = try bank.draw(spec, seed: 202, seenBefore: [first]).map(\.questionID)
        let third = try bank.draw(spec, seed: 303, seenBefore: [first, second]).map(\.questionID)
        #expect(Set(first).isDisjoint(with: second))
        #expect(Set(third).intersection(second).isEmpty)
        #expect(Set(third).intersection(first).count == 10)
    }
}
