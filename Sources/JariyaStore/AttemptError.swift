/// Why the quiz engine refused a request; the server turns each into an HTTP status.
public enum AttemptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No such attempt for this user (another user's attempt looks the same).
    case notFound
    /// The attempt is submitted (by the officer or the deadline).
    case closed
    /// A save older than one already accepted, or a different save reusing its number.
    case staleSave(lastAccepted: Int)
    /// The question is not part of this attempt.
    case notInAttempt(String)
    /// Every attempt allowed this fiscal year has been used.
    case attemptsUsed(limit: Int)
    /// The course has a pre-test that must be taken first.
    case pretestFirst
    /// The post-test was passed this fiscal year; it is not taken again.
    case alreadyPassed
    /// The course has no such test.
    case noSuchTest
    /// The user is not linked to an officer on the roster.
    case notAnOfficer

    public var description: String {
        switch self {
        case .notFound: "no such attempt"
        case .closed: "the attempt is already submitted"
        case .staleSave(let last): "a newer answer was already saved (sequence \(last))"
        case .notInAttempt(let id): "question \(id) is not part of this attempt"
        case .attemptsUsed(let limit): "all \(limit) attempts allowed this fiscal year are used"
        case .pretestFirst: "take the pre-test first"
        case .alreadyPassed: "the post-test is already passed this fiscal year"
        case .noSuchTest: "the course has no such test"
        case .notAnOfficer: "only officers on the roster take tests"
        }
    }
}
