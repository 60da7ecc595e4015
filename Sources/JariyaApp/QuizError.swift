import JariyaCore

/// Requests the quiz engine refuses before they reach the store.
public enum QuizError: Error, Equatable, Sendable {
    /// No published course has this id.
    case unknownCourse(String)
    /// The answer does not fit the question.
    case badAnswer(String)
    /// The result was asked for before the attempt was submitted.
    case notSubmitted
    /// The attempt has no question with this number.
    case noSuchQuestion(Int)
}
