import Foundation

// The JSON shapes of /api/v1 (see openapi.yaml), shared by the server that
// writes them and the terminal client that reads them, so the two cannot drift.

/// A user as the API shows them.
public struct UserView: Codable, Sendable {
    /// Login name.
    public var username: String
    /// Name shown.
    public var displayName: String
    /// officer, trainer, hr or admin.
    public var role: String

    /// A value from its parts.
    public init(username: String, displayName: String, role: String) {
        self.username = username
        self.displayName = displayName
        self.role = role
    }
}

/// The answer to a login: the bearer token and who it is for.
public struct LoginView: Codable, Sendable {
    /// Send as `Authorization: Bearer …`.
    public var token: String
    /// When the session ends.
    public var expiresAt: Date
    /// Who logged in.
    public var user: UserView

    /// A value from its parts.
    public init(token: String, expiresAt: Date, user: UserView) {
        self.token = token
        self.expiresAt = expiresAt
        self.user = user
    }
}

/// An answer as the client sends and sees it: choices and rights by their position on screen, never the bank's own indexes, so the shuffle stays on the server.
public struct AnswerView: Codable, Sendable, Equatable {
    /// Display positions, for single and multiple.
    public var choices: [Int]?
    /// For true-false.
    public var truth: Bool?
    /// For short answers.
    public var text: String?
    /// For matching: for each left item, the display position of its right.
    public var matches: [Int]?

    /// A value from its parts.
    public init(choices: [Int]? = nil, truth: Bool? = nil, text: String? = nil, matches: [Int]? = nil) {
        self.choices = choices
        self.truth = truth
        self.text = text
        self.matches = matches
    }
}

/// One question of an attempt, without anything that gives the answer away.
public struct QuestionView: Codable, Sendable {
    /// The question's id in its bank.
    public var id: String
    /// 1-based position in the attempt.
    public var number: Int
    /// single, multiple, true-false, short or matching.
    public var type: String
    /// The question.
    public var prompt: String
    /// What it is worth.
    public var points: Int
    /// Single and multiple, in display order.
    public var choices: [String]?
    /// Matching, in written order.
    public var lefts: [String]?
    /// Matching, in display order.
    public var rights: [String]?

    /// A value from its parts.
    public init(id: String, number: Int, type: String, prompt: String, points: Int, choices: [String]? = nil, lefts: [String]? = nil, rights: [String]? = nil) {
        self.id = id
        self.number = number
        self.type = type
        self.prompt = prompt
        self.points = points
        self.choices = choices
        self.lefts = lefts
        self.rights = rights
    }
}

/// An attempt in progress or done.
public struct AttemptView: Codable, Sendable {
    /// The attempt's id.
    public var id: String
    /// The course id.
    public var course: String
    /// The course's Thai title.
    public var courseTitle: String
    /// pretest or posttest.
    public var test: String
    /// 1 for the first attempt this fiscal year.
    public var number: Int
    /// The limit, nil for none.
    public var attemptsAllowed: Int?
    /// open or submitted.
    public var status: String
    /// When it started.
    public var startedAt: Date
    /// When answers stop (before 60 s of grace).
    public var deadline: Date?
    /// Time left by the server's clock.
    public var secondsLeft: Int?
    /// The last save number accepted.
    public var lastSeq: Int
    /// In attempt order.
    public var questions: [QuestionView]
    /// Saved answers by question id.
    public var answers: [String: AnswerView]

    /// A value from its parts.
    public init(id: String, course: String, courseTitle: String, test: String, number: Int, attemptsAllowed: Int? = nil, status: String, startedAt: Date, deadline: Date? = nil, secondsLeft: Int? = nil, lastSeq: Int, questions: [QuestionView], answers: [String: AnswerView]) {
        self.id = id
        self.course = course
        self.courseTitle = courseTitle
        self.test = test
        self.number = number
        self.attemptsAllowed = attemptsAllowed
        self.status = status
        self.startedAt = startedAt
        self.deadline = deadline
        self.secondsLeft = secondsLeft
        self.lastSeq = lastSeq
        self.questions = questions
        self.answers = answers
    }
}

/// A question at review: the officer's answer beside the right one.
public struct ReviewItem: Codable, Sendable {
    /// The question as it was shown.
    public var question: QuestionView
    /// What was saved, if anything.
    public var yourAnswer: AnswerView?
    /// The right answer.
    public var correctAnswer: AnswerView
    /// Credit earned, 0–10000.
    public var creditBasisPoints: Int
    /// Why.
    public var explanation: String?

    /// A value from its parts.
    public init(question: QuestionView, yourAnswer: AnswerView? = nil, correctAnswer: AnswerView, creditBasisPoints: Int, explanation: String? = nil) {
        self.question = question
        self.yourAnswer = yourAnswer
        self.correctAnswer = correctAnswer
        self.creditBasisPoints = creditBasisPoints
        self.explanation = explanation
    }
}

/// A submitted attempt's result.
public struct ResultView: Codable, Sendable {
    /// The attempt's id.
    public var id: String
    /// The course id.
    public var course: String
    /// pretest or posttest.
    public var test: String
    /// Which attempt.
    public var number: Int
    /// When it closed.
    public var submittedAt: Date
    /// officer or deadline.
    public var submittedBy: String
    /// Score, 0–10000.
    public var scoreBasisPoints: Int
    /// "85.00".
    public var percent: String
    /// Points earned, two decimals.
    public var earnedPoints: String
    /// Points possible.
    public var possiblePoints: String
    /// Post-test only.
    public var passPercent: Int?
    /// Post-test only; the pre-test is a baseline.
    public var passed: Bool?
    /// When the course's policy allows it.
    public var review: [ReviewItem]?
    /// Why there is no review, when there is none.
    public var reviewNote: String?

    /// A value from its parts.
    public init(id: String, course: String, test: String, number: Int, submittedAt: Date, submittedBy: String, scoreBasisPoints: Int, percent: String, earnedPoints: String, possiblePoints: String, passPercent: Int? = nil, passed: Bool? = nil, review: [ReviewItem]? = nil, reviewNote: String? = nil) {
        self.id = id
        self.course = course
        self.test = test
        self.number = number
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.scoreBasisPoints = scoreBasisPoints
        self.percent = percent
        self.earnedPoints = earnedPoints
        self.possiblePoints = possiblePoints
        self.passPercent = passPercent
        self.passed = passed
        self.review = review
        self.reviewNote = reviewNote
    }
}

/// The outcome of a save.
public struct SaveView: Codable, Sendable {
    /// True when stored.
    public var saved: Bool
    /// True when the same save came again.
    public var repeated: Bool
    /// The save number now in force.
    public var lastSeq: Int

    /// A value from its parts.
    public init(saved: Bool, repeated: Bool, lastSeq: Int) {
        self.saved = saved
        self.repeated = repeated
        self.lastSeq = lastSeq
    }
}

/// One test of a course in "my courses".
public struct TestStatusView: Codable, Sendable {
    /// Questions per attempt.
    public var questions: Int
    /// Post-test only.
    public var passPercent: Int?
    /// Time limit.
    public var minutes: Int?
    /// Limit per fiscal year.
    public var attemptsAllowed: Int?
    /// Used so far.
    public var attemptsUsed: Int
    /// The attempt to resume.
    public var openAttempt: String?
    /// Best score so far.
    public var bestBasisPoints: Int?
    /// Post-test only.
    public var passed: Bool?

    /// A value from its parts.
    public init(questions: Int, passPercent: Int? = nil, minutes: Int? = nil, attemptsAllowed: Int? = nil, attemptsUsed: Int, openAttempt: String? = nil, bestBasisPoints: Int? = nil, passed: Bool? = nil) {
        self.questions = questions
        self.passPercent = passPercent
        self.minutes = minutes
        self.attemptsAllowed = attemptsAllowed
        self.attemptsUsed = attemptsUsed
        self.openAttempt = openAttempt
        self.bestBasisPoints = bestBasisPoints
        self.passed = passed
    }
}

/// A course as its officer sees it.
public struct MyCourseView: Codable, Sendable {
    /// The course id.
    public var id: String
    /// The version in force.
    public var version: Int
    /// Thai title.
    public var title: String
    /// Short description.
    public var summary: String
    /// The fiscal year (BE) the status is for.
    public var fiscalYear: Int
    /// The pre-test, if any.
    public var pretest: TestStatusView?
    /// The post-test, if any.
    public var posttest: TestStatusView?
    /// pretest, posttest, done or no-attempts-left.
    public var next: String

    /// A value from its parts.
    public init(id: String, version: Int, title: String, summary: String, fiscalYear: Int, pretest: TestStatusView? = nil, posttest: TestStatusView? = nil, next: String) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.fiscalYear = fiscalYear
        self.pretest = pretest
        self.posttest = posttest
        self.next = next
    }
}

/// The list of my courses.
public struct MyCoursesView: Codable, Sendable {
    /// Who is asking.
    public var user: UserView
    /// Published courses.
    public var courses: [MyCourseView]

    /// A value from its parts.
    public init(user: UserView, courses: [MyCourseView]) {
        self.user = user
        self.courses = courses
    }
}
