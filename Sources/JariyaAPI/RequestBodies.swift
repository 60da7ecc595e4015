import Foundation
import JariyaCore

/// `POST /api/v1/login`.
public struct LoginRequest: Codable, Sendable, Equatable {
    /// The username, as typed.
    public var username: String
    /// The password, as typed.
    public var password: String

    /// A body from its parts.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

/// `POST /api/v1/courses/{course}/attempts`: `{"test": "pretest" | "posttest"}`.
public struct StartAttemptRequest: Codable, Sendable, Equatable {
    /// Which test to start or resume.
    public var test: TestKind

    /// A body from its parts.
    public init(test: TestKind) { self.test = test }
}

/// `PUT /api/v1/attempts/{attempt}/answers/{question}`: `{"seq": N, "answer": {…}}`.
public struct SaveAnswerRequest: Codable, Sendable, Equatable {
    /// The save's number: each save of an attempt is higher than the last.
    public var seq: Int
    /// The answer, in the shape of its question.
    public var answer: AnswerView

    /// A body from its parts.
    public init(seq: Int, answer: AnswerView) {
        self.seq = seq
        self.answer = answer
    }
}

/// `POST /api/v1/sessions`: a lecture session to schedule.
public struct CreateSessionRequest: Codable, Sendable, Equatable {
    /// The course's key.
    public var course: String
    /// The session's title.
    public var title: String
    /// When it starts.
    public var startsAt: Date
    /// When it ends.
    public var endsAt: Date
    /// Where it is held.
    public var place: String
    /// Who lectures.
    public var trainer: String
    /// `onsite` (the default) or `online`.
    public var format: String?
    /// The budget in baht; none for "ไม่ใช้งบประมาณ".
    public var budgetBaht: Int?

    /// A body from its parts.
    public init(course: String, title: String, startsAt: Date, endsAt: Date, place: String, trainer: String,
                format: String? = nil, budgetBaht: Int? = nil) {
        self.course = course
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.trainer = trainer
        self.format = format
        self.budgetBaht = budgetBaht
    }
}

/// `PUT /api/v1/sessions/{session}/attendance/{officer}`: a roll-call mark.
public struct MarkAttendanceRequest: Codable, Sendable, Equatable {
    /// The status to record.
    public var status: AttendanceStatus
    /// Why, when the mark changes one already recorded.
    public var reason: String?

    /// A body from its parts.
    public init(status: AttendanceStatus, reason: String? = nil) {
        self.status = status
        self.reason = reason
    }
}

/// `POST /api/v1/sessions/{session}/checkin`: the code shown in the room.
public struct CheckInRequest: Codable, Sendable, Equatable {
    /// The code as typed or scanned.
    public var code: String

    /// A body from its parts.
    public init(code: String) { self.code = code }
}
