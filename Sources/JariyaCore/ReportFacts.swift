import Foundation

/// What a compliance report is computed from: plain facts read from the
/// database for one agency, course and fiscal year. The report itself is a
/// pure function of these (`ComplianceReport.compute`).
public struct ReportFacts: Sendable {
    /// A person on the roster, with where they belonged and when.
    public struct Officer: Sendable {
        public var id: Int64
        public var name: PersonName
        public var staffType: StaffType
        public var memberships: [Membership]
        /// The agency's own code for the person (HR's reports list it; the published one does not).
        public var employeeCode: String
        public init(id: Int64, name: PersonName, staffType: StaffType, memberships: [Membership], employeeCode: String = "") {
            self.id = id
            self.name = name
            self.staffType = staffType
            self.memberships = memberships
            self.employeeCode = employeeCode
        }
    }

    /// A span in a division; `until` is exclusive, nil while current.
    public struct Membership: Sendable {
        public var division: String
        public var from: CivilDate
        public var until: CivilDate?
        public init(division: String, from: CivilDate, until: CivilDate?) {
            self.division = division
            self.from = from
            self.until = until
        }
    }

    /// A lecture session of the course.
    public struct Session: Sendable {
        public var id: Int64
        public var title: String
        public var startsAt: Date
        public var place: String
        public var format: String
        public var trainer: String
        public var budgetBaht: Int?
        public init(id: Int64, title: String, startsAt: Date, place: String, format: String, trainer: String, budgetBaht: Int?) {
            self.id = id
            self.title = title
            self.startsAt = startsAt
            self.place = place
            self.format = format
            self.trainer = trainer
            self.budgetBaht = budgetBaht
        }
    }

    /// Where an officer stands at a session now, corrections applied.
    public struct Attendance: Sendable {
        public var sessionID: Int64
        public var officerID: Int64
        public var status: AttendanceStatus
        public init(sessionID: Int64, officerID: Int64, status: AttendanceStatus) {
            self.sessionID = sessionID
            self.officerID = officerID
            self.status = status
        }
    }

    /// A submitted test.
    public struct TestResult: Sendable {
        public var officerID: Int64
        public var kind: TestKind
        public var percentBp: Int
        public var passed: Bool
        public var submittedAt: Date
        public init(officerID: Int64, kind: TestKind, percentBp: Int, passed: Bool, submittedAt: Date) {
            self.officerID = officerID
            self.kind = kind
            self.percentBp = percentBp
            self.passed = passed
            self.submittedAt = submittedAt
        }
    }

    /// A standing completion.
    public struct Completion: Sendable {
        public var officerID: Int64
        public var completedAt: Date
        public init(officerID: Int64, completedAt: Date) {
            self.officerID = officerID
            self.completedAt = completedAt
        }
    }

    /// A valid certificate.
    public struct Certificate: Sendable {
        public var serial: String
        public var number: Int
        public var issuedAt: Date
        public var officerID: Int64
        public init(serial: String, number: Int, issuedAt: Date, officerID: Int64 = 0) {
            self.serial = serial
            self.number = number
            self.issuedAt = issuedAt
            self.officerID = officerID
        }
    }

    /// Post-test credit on one topic of the bank, summed over each officer's best post-test of the period.
    public struct TopicScore: Sendable {
        public var topic: String
        public var earnedCentipoints: Int
        public var possibleCentipoints: Int
        public init(topic: String, earnedCentipoints: Int, possibleCentipoints: Int) {
            self.topic = topic
            self.earnedCentipoints = earnedCentipoints
            self.possibleCentipoints = possibleCentipoints
        }
    }

    public var agencyName: String
    public var agencyPlace: String
    /// Divisions in the agency's own order.
    public var divisions: [String]
    public var courseTitle: String
    public var measure: Measure?
    public var passPercent: Int
    public var officers: [Officer]
    public var sessions: [Session]
    public var attendance: [Attendance]
    public var tests: [TestResult]
    public var completions: [Completion]
    public var certificates: [Certificate]
    public var topicScores: [TopicScore]
    /// What HR wrote for this fiscal year.
    public var problems: String
    public var suggestions: String
    /// The ledger's length and head hash when the report was made.
    public var ledgerSize: Int64
    public var ledgerHead: String
    /// The latest signed checkpoint, if any.
    public var checkpoint: Checkpoint?

    /// Facts from their parts.
    public init(agencyName: String, agencyPlace: String, divisions: [String], courseTitle: String, measure: Measure?, passPercent: Int,
                officers: [Officer], sessions: [Session], attendance: [Attendance], tests: [TestResult], completions: [Completion],
                certificates: [Certificate], topicScores: [TopicScore], problems: String, suggestions: String,
                ledgerSize: Int64, ledgerHead: String, checkpoint: Checkpoint?) {
        self.agencyName = agencyName
        self.agencyPlace = agencyPlace
        self.divisions = divisions
        self.courseTitle = courseTitle
        self.measure = measure
        self.passPercent = passPercent
        self.officers = officers
        self.sessions = sessions
        self.attendance = attendance
        self.tests = tests
        self.completions = completions
        self.certificates = certificates
        self.topicScores = topicScores
        self.problems = problems
        self.suggestions = suggestions
        self.ledgerSize = ledgerSize
        self.ledgerHead = ledgerHead
        self.checkpoint = checkpoint
    }
}

extension ReportFacts.Officer {
    /// The division the officer belonged to on a day, nil when not on the roster then.
    public func division(on day: CivilDate) -> String? {
        memberships.first { $0.from <= day && ($0.until.map { day < $0 } ?? true) }?.division
    }
}
