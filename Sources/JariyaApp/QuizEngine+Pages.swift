import Foundation
import JariyaAPI
import JariyaCore
import JariyaStore

extension QuizEngine {
    /// What a save from the web page did.
    public enum PageSave: Equatable, Sendable {
        /// The attempt is no longer open (submitted, or its time ran out just now).
        case closed
        /// The answer was stored, or was the one already stored; the test has this many questions.
        case saved(questionCount: Int)
    }

    /// Saves the answer to question `number` (from 1) as the web page posts
    /// it, in one write transaction and without reading the whole attempt
    /// first: the page has no `seq` of its own, so the save takes the next
    /// one there, and an answer equal to the stored one writes nothing.
    /// `answer` reads the form for the question as shown; nil when it holds none.
    public func savePage(user: User, publicID: String, number: Int,
                         answer: @escaping @Sendable (QuestionView) -> AnswerView?) async throws -> PageSave {
        let content = self.content
        let now = clock()
        return try await database.writeAttempt(publicID: publicID, userID: user.id ?? 0, now: now, scorer: content.grader) { write in
            let attempt = write.attempt
            guard !attempt.isSubmitted else { return .closed }
            guard write.drawn.indices.contains(number - 1) else { throw QuizError.noSuchQuestion(number) }
            let drawn = write.drawn[number - 1]
            let bank = try content.bank(versionID: attempt.bankVersionId, from: write.source)
            guard var view = Self.questionViews([drawn], bank: bank).first, let question = bank.question(id: drawn.questionID) else {
                throw AttemptError.notInAttempt(drawn.questionID)
            }
            view.number = number
            let saved = PageSave.saved(questionCount: write.drawn.count)
            guard let given = answer(view) else { return saved }
            let stored = try Self.original(given, question: question, drawn: drawn)
            guard try write.answer(to: question.id) != stored else { return saved }
            _ = try write.save(stored, to: question.id, seq: attempt.lastSaveSeq + 1, now: now).get()
            return saved
        }
    }
}
