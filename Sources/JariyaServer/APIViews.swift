import Foundation
import Hummingbird
import JariyaCore
import JariyaStore

/// A user as the API shows them.
struct UserView: Codable, Sendable {
    var username: String
    var displayName: String
    var role: String

    init(_ user: User) {
        username = user.username
        displayName = user.displayName
        role = user.role.rawValue
    }
}

/// An answer as the client sends and sees it: choices and rights by their
/// position on screen (never the bank's own indexes), so the shuffle stays
/// on the server.
struct AnswerView: Codable, Sendable, Equatable {
    var choices: [Int]?
    var truth: Bool?
    var text: String?
    var matches: [Int]?
}

/// One question of an attempt, without anything that gives the answer away.
struct QuestionView: Codable, Sendable {
    var id: String
    var number: Int
    var type: String
    var prompt: String
    var points: Int
    var choices: [String]?
    var lefts: [String]?
    var rights: [String]?
}

/// An attempt in progress or done.
struct AttemptView: ResponseEncodable, Sendable {
    var id: String
    var course: String
    var courseTitle: String
    var test: String
    var number: Int
    var attemptsAllowed: Int?
    var status: String
    var startedAt: Date
    var deadline: Date?
    var secondsLeft: Int?
    var lastSeq: Int
    var questions: [QuestionView]
    var answers: [String: AnswerView]
}

/// A question at review: the officer's answer beside the right one.
struct ReviewItem: Codable, Sendable {
    var question: QuestionView
    var yourAnswer: AnswerView?
    var correctAnswer: AnswerView
    var creditBasisPoints: Int
    var explanation: String?
}

/// A submitted attempt's result.
struct ResultView: ResponseEncodable, Sendable {
    var id: String
    var course: String
    var test: String
    var number: Int
    var submittedAt: Date
    var submittedBy: String
    var scoreBasisPoints: Int
    var percent: String
    var earnedPoints: String
    var possiblePoints: String
    var passPercent: Int?
    var passed: Bool?
    var review: [ReviewItem]?
    var reviewNote: String?
}

/// The outcome of a save.
struct SaveView: ResponseEncodable, Sendable {
    var saved: Bool
    var repeated: Bool
    var lastSeq: Int
}

/// One test of a course in "my courses".
struct TestStatusView: Codable, Sendable {
    var questions: Int
    var passPercent: Int?
    var minutes: Int?
    var attemptsAllowed: Int?
    var attemptsUsed: Int
    var openAttempt: String?
    var bestBasisPoints: Int?
    var passed: Bool?
}

/// A course as its officer sees it.
struct MyCourseView: Codable, Sendable {
    var id: String
    var version: Int
    var title: String
    var summary: String
    var fiscalYear: Int
    var pretest: TestStatusView?
    var posttest: TestStatusView?
    var next: String
}

/// The list of my courses.
struct MyCoursesView: ResponseEncodable, Sendable {
    var user: UserView
    var courses: [MyCourseView]
}

/// "85.00" from 8500 basis points; "2.33" from 233 hundredths.
func hundredths(_ value: Int) -> String {
    let remainder = value % 100
    return "\(value / 100).\(remainder < 10 ? "0" : "")\(remainder)"
}
