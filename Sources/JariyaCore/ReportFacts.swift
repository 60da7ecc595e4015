import Foundation

/// What a compliance report is computed from: plain facts read from the
/// database for one agency, course and fiscal year. The report itself is a
/// pure function of these (`ComplianceReport.compute`).
public struct ReportFacts: Sendable {
    /// A person on the roster, with where they belonged and when.
    public struct Officer: Sendable {
        /// Row id.
        public var id: Int64
        /// The name, prefix included.
        public var name: PersonName
        /// Kind of staff.
        public var staffType: StaffType
        /// Division history, oldest first.
        public var memberships: [Membership]
        /// The agency's own code for the person (HR's reports list it; the published one does not).
        public var employeeCode: String
        /// A value from its parts.
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
        /// The division's Thai name.
        public var division: String
        /// First day (Bangkok).
        public var from: CivilDate
        /// The day after the last, nil while current.
        public var until: CivilDate?
        /// A value from its parts.
        public init(division: String, from: CivilDate, until: CivilDate?) {
            self.division = division
            self.from = from
            self.until = until
        }
    }

    /// A lecture session of the course.
    public struct Session: Sendable {
        /// Row id.
        public var id: Int64
        /// The title as announced.
        public var title: String
        /// When it starts.
        public var startsAt: Date
        /// Where.
        public var place: String
        /// "onsite" or "online".
        public var format: String
        /// Who lectures.
        public var trainer: String
        /// Budget used, nil for none.
        public var budgetBaht: Int?
        /// A value from its parts.
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
        /// The session.
        public var sessionID: Int64
        /// The officer.
        public var officerID: Int64
        /// Where the officer stands.
        public var status: AttendanceStatus
        /// A value from its parts.
        public init(sessionID: Int64, officerID: Int64, status: AttendanceStatus) {
            self.sessionID = sessionID
            self.officerID = officerID
            self.status = status
        }
    }

    /// A submitted test.
    public struct TestResult: Sendable {
        /// The officer.
        public var officerID: Int64
        /// Pre-test or post-test.
        public var kind: TestKind
        /// Score, basis points.
        public var percentBp: Int
        /// Whether it passed.
        public var passed: Bool
        /// When it was submitted.
        public var submittedAt: Date
        /// The attempt's row id, when known (a best post-test's answers are read by it).
        public var attemptID: Int64
        /// A value from its parts.
        public init(officerID: Int64, kind: TestKind, percentBp: Int, passed: Bool, submittedAt: Date, attemptID: Int64 = 0) {
            self.officerID = officerID
            self.kind = kind
            self.percentBp = percentBp
            self.passed = passed
            self.submittedAt = submittedAt
            self.attemptID = attemptID
        }
    }

    /// A standing completion.
    public struct Completion: Sendable {
        /// The officer.
        public var officerID: Int64
        /// When the rule was met.
        public var completedAt: Date
        /// A value from its parts.
        public init(officerID: Int64, completedAt: Date) {
            self.officerID = officerID
            self.completedAt = completedAt
        }
    }

    /// A valid certificate.
    public struct Certificate: Sendable {
        /// Its serial number.
        public var serial: String
        /// Running number in the year.
        public var number: Int
        /// When it was issued.
        public var issuedAt: Date
        /// The officer.
        public var officerID: Int64
        /// A value from its parts.
        public init(serial: String, number: Int, issuedAt: Date, officerID: Int64 = 0) {
            self.serial = serial
            self.number = number
            self.issuedAt = issuedAt
            self.officerID = officerID
        }
    }

    /// Post-test credit on one topic of the bank, summed over each officer's best post-test of the period.
    public struct TopicScore: Sendable {
        /// The topic's name.
        public var topic: String
        /// Credit earned, hundredths of a point.
        public var earnedCentipoints: Int
        /// Credit possible, hundredths of a point.
        public var possibleCentipoints: Int
        /// A value from its parts.
        public init(topic: String, earnedCentipoints: Int, possibleCentipoints: Int) {
            self.topic = topic
            self.earnedCentipoints = earnedCentipoints
            self.possibleCentipoints = possibleCentipoints
        }
    }

    /// The agency's Thai name.
    public var agencyName: String
    /// "อำเภอ… จังหวัด…".
    public var agencyPlace: String
    /// Divisions in the agency's own order.
    public var divisions: [String]
    /// The course's Thai title.
    public var courseTitle: String
    /// The issue (6) measure the course quotes.
    public var measure: Measure?
    /// The post-test's pass mark.
    public var passPercent: Int
    /// The roster, with history.
    public var officers: [Officer]
    /// The course's sessions in the fiscal year.
    public var sessions: [Session]
    /// Attendance after corrections.
    public var attendance: [Attendance]
    /// Submitted tests.
    public var tests: [TestResult]
    /// Standing completions.
    public var completions: [Completion]
    /// Valid certificates.
    public var certificates: [Certificate]
    /// Post-test credit by topic.
    public var topicScores: [TopicScore]
    /// What HR wrote for this fiscal year.
    public var problems: String
    /// What HR wrote: suggestions.
    public var suggestions: String
    /// The ledger's length and head hash when the report was made.
    public var ledgerSize: Int64
    /// The ledger's head hash.
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

extension ReportFacts {
    /// The best post-test's attempt of each officer who took one.
    public var posttestAttemptIDs: [Int64] { tests.filter { $0.kind == .posttest }.map(\.attemptID) }
}

extension ReportFacts.Officer {
    /// The division the officer belonged to on a day, nil when not on the roster then.
    public func division(on day: CivilDate) -> String? {
        membership(on: day).map { memberships[$0].division }
    }

    /// The position in `memberships` of the one holding on a day.
    public func membership(on day: CivilDate) -> Int? {
        memberships.firstIndex { $0.from <= day && ($0.until.map { day < $0 } ?? true) }
    }
}
