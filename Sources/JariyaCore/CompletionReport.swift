import Foundation

/// HR's completion report: where each officer stands on a course in a fiscal
/// year, for chasing up who has not finished. Internal to the agency, so it
/// names people and shows their scores; the published report does neither.
public struct CompletionReport: Codable, Sendable, Equatable {
    /// Where an officer stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// The completion rule is met.
        case complete
        /// Something done (a session or a test), not everything.
        case inProgress = "in-progress"
        /// Nothing done yet.
        case notStarted = "not-started"

        /// The Thai label.
        public var thai: String {
            switch self {
            case .complete: "ผ่านหลักสูตรแล้ว"
            case .inProgress: "อยู่ระหว่างดำเนินการ"
            case .notStarted: "ยังไม่เริ่ม"
            }
        }
    }

    /// One officer.
    public struct Row: Codable, Sendable, Equatable {
        /// Division at the end of the period.
        public var division: String
        /// The agency's own code.
        public var employeeCode: String
        /// The group or person.
        public var name: String
        /// Staff type, in Thai.
        public var staffType: String
        /// Sessions attended (present or late).
        public var sessionsAttended: Int
        /// First pre-test and best post-test, basis points.
        public var pretestBp: Int?
        /// Best post-test, basis points.
        public var posttestBp: Int?
        /// Whether a post-test passed.
        public var passed: Bool
        /// ISO day of completion, Bangkok.
        public var completedOn: String?
        /// Serial of the certificate.
        public var certificate: String?
        /// Where the officer stands.
        public var status: Status
    }

    /// What the rows were chosen by.
    public struct Filter: Codable, Sendable, Equatable {
        /// Division at the end of the period.
        public var division: String?
        /// Staff type, in Thai.
        public var staffType: StaffType?
        /// Where the officer stands.
        public var status: Status?
        /// No filter.
        public init(division: String? = nil, staffType: StaffType? = nil, status: Status? = nil) {
            self.division = division
            self.staffType = staffType
            self.status = status
        }
    }

    /// The agency's Thai name.
    public var agencyName: String
    /// The course's Thai title.
    public var courseTitle: String
    /// Buddhist-Era fiscal year.
    public var fiscalYear: Int
    /// Last day covered, ISO.
    public var periodEnd: String
    /// When made, ISO 8601.
    public var generatedAt: String
    /// What the rows were chosen by.
    public var filter: Filter
    /// In division order, then Thai order of names.
    public var rows: [Row]

    /// The report for a fiscal year through a quarter: the roster at the end
    /// of the period, each officer in the division they belonged to then.
    public static func compute(_ facts: ReportFacts, fiscalYear: FiscalYear, throughQuarter: Int, filter: Filter,
                               generatedAt: Date) -> CompletionReport {
        let end = FiscalQuarter(fiscalYear, min(max(throughQuarter, 1), 4)).lastDay
        let start = fiscalYear.firstDay
        func inPeriod(_ instant: Date) -> Bool { (start...end).contains(CivilDate(instant, in: .bangkok)) }
        let sessions = Set(facts.sessions.filter { inPeriod($0.startsAt) }.map(\.id))
        var attended: [Int64: Int] = [:]
        for record in facts.attendance where sessions.contains(record.sessionID) && (record.status == .present || record.status == .late) {
            attended[record.officerID, default: 0] += 1
        }
        var pretest: [Int64: (Date, Int)] = [:]
        var posttest: [Int64: Int] = [:]
        var passed: Set<Int64> = []
        for test in facts.tests where inPeriod(test.submittedAt) {
            switch test.kind {
            case .pretest: if pretest[test.officerID].map({ test.submittedAt < $0.0 }) ?? true { pretest[test.officerID] = (test.submittedAt, test.percentBp) }
            case .posttest:
                posttest[test.officerID] = max(posttest[test.officerID] ?? 0, test.percentBp)
                if test.passed { passed.insert(test.officerID) }
            }
        }
        let completed = Dictionary(facts.completions.filter { inPeriod($0.completedAt) }.map { ($0.officerID, $0.completedAt) },
                                   uniquingKeysWith: min)
        let certificates = Dictionary(facts.certificates.filter { CivilDate($0.issuedAt, in: .bangkok) <= end }.map { ($0.officerID, $0.serial) },
                                      uniquingKeysWith: { first, _ in first })
        let order = Dictionary(facts.divisions.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = facts.officers.compactMap { officer -> (ReportFacts.Officer, String, Int, PersonName.SortKey)? in
            officer.division(on: end).map { (officer, $0, order[$0] ?? .max, officer.name.sortKey) }
        }
            .sorted { lhs, rhs in lhs.2 != rhs.2 ? lhs.2 < rhs.2 : lhs.3 < rhs.3 }
            .map { officer, division, _, _ -> Row in
                let id = officer.id
                let status: Status = completed[id] != nil ? .complete
                    : (attended[id] ?? 0) > 0 || pretest[id] != nil || posttest[id] != nil ? .inProgress : .notStarted
                return Row(division: division, employeeCode: officer.employeeCode, name: officer.name.formal, staffType: officer.staffType.thai,
                           sessionsAttended: attended[id] ?? 0, pretestBp: pretest[id]?.1, posttestBp: posttest[id], passed: passed.contains(id),
                           completedOn: completed[id].map { CivilDate($0, in: .bangkok).description }, certificate: certificates[id], status: status)
            }
            .filter { row in
                (filter.division.map { row.division == $0 } ?? true) && (filter.staffType.map { row.staffType == $0.thai } ?? true)
                    && (filter.status.map { row.status == $0 } ?? true)
            }
        return CompletionReport(agencyName: facts.agencyName, courseTitle: facts.courseTitle, fiscalYear: fiscalYear.buddhistYear,
                                periodEnd: end.description, generatedAt: ISO8601DateFormatter().string(from: generatedAt), filter: filter, rows: rows)
    }
}
