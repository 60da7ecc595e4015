import Foundation

/// The issue (6) compliance report (domain.md §9) for one fiscal year and
/// edition, as the agency publishes it: aggregates only, plus the annex of
/// who has not completed yet. Every renderer (JSON, CSV, HTML, PDF, XLSX)
/// prints this value; nothing is computed twice.
public struct ComplianceReport: Codable, Sendable, Equatable {
    /// Section 2: what the report covers.
    public struct General: Codable, Sendable, Equatable {
        /// The agency's Thai name.
        public var agencyName: String
        /// "อำเภอ… จังหวัด…".
        public var agencyPlace: String
        /// The course's Thai title.
        public var courseTitle: String
        /// Buddhist-Era fiscal year.
        public var fiscalYear: Int
        /// ISO days, Bangkok.
        public var fiscalYearStart: String
        /// Last day of the fiscal year, ISO.
        public var fiscalYearEnd: String
        /// The last quarter covered.
        public var throughQuarter: Int
        /// "รอบ 3 เดือน", "รอบ 6 เดือน", "รอบ 9 เดือน" or "รอบ 12 เดือน".
        public var edition: String
        /// Last day covered, ISO.
        public var periodEnd: String
        /// ISO 8601 instant.
        public var generatedAt: String
    }

    /// Section 3: the measure quoted from the plan.
    public struct MeasureQuote: Codable, Sendable, Equatable {
        /// The plan's name.
        public var plan: String
        /// The issue number.
        public var issue: Int
        /// The assessment question.
        public var question: String
        /// What the assessment found.
        public var finding: String
        /// The committed steps.
        public var steps: [String]
        /// The quarters the steps run in.
        public var quarters: [Int]
        /// The responsible unit.
        public var responsible: String
    }

    /// Section 4: one training session held in the period.
    public struct Step: Codable, Sendable, Equatable {
        /// Session id.
        public var session: Int64
        /// Title as announced.
        public var title: String
        /// ISO day and "09.30 น." in Bangkok.
        public var date: String
        public var time: String
        /// Quarter of the fiscal year.
        public var quarter: Int
        /// Where.
        public var place: String
        /// "onsite" or "online".
        public var format: String
        /// Who lectured.
        public var trainer: String
        /// nil: no budget used ("ไม่ใช้งบประมาณ").
        public var budgetBaht: Int?
        /// Officers present or late.
        public var attended: Int
    }

    /// Section 5: one line of the coverage tables.
    public struct CoverageRow: Codable, Sendable, Equatable {
        /// The group or person.
        public var name: String
        /// On the roster at the end.
        public var headcount: Int
        /// Attended at least one session in the period.
        public var trained: Int
        public var completed: Int
        /// completed / headcount, basis points.
        public var completedBp: Int
    }

    /// Section 5: coverage at the end of the period, each officer counted in
    /// the division they belonged to then. The total and the divisions count
    /// staff; executives and council members appear only by staff type.
    public struct Coverage: Codable, Sendable, Equatable {
        /// All staff.
        public var total: CoverageRow
        /// By division, in agency order.
        public var byDivision: [CoverageRow]
        /// By staff type.
        public var byStaffType: [CoverageRow]
    }

    /// Section 8: one quarter of the period.
    public struct QuarterRow: Codable, Sendable, Equatable {
        /// Quarter of the fiscal year.
        public var quarter: Int
        /// Whether the plan puts a step in this quarter.
        public var planned: Bool
        /// Sessions held.
        public var sessions: Int
        /// Distinct officers present or late at the quarter's sessions.
        public var attended: Int
        /// Completions recorded in the quarter.
        public var completions: Int
        /// Completed by the quarter's end, of the headcount then, basis points.
        public var cumulativeCompletedBp: Int
    }

    /// Section 6: the learning outcome.
    public struct Outcome: Codable, Sendable, Equatable {
        /// Officers who took the pre-test; mean of each one's first pre-test, basis points.
        public var pretestTaken: Int
        public var pretestMeanBp: Int?
        /// Officers who took the post-test; mean of each one's best post-test, basis points.
        public var posttestTaken: Int
        public var posttestMeanBp: Int?
        /// Post-test mean minus pre-test mean, basis points.
        public var gainBp: Int?
        public var passPercent: Int
        /// Whether a post-test passed.
        public var passed: Int
        public var passRateBp: Int?
        /// The three topics with the lowest credit in officers' best post-tests, lowest first.
        public var weakestTopics: [TopicRow]
    }

    /// A topic's post-test credit.
    public struct TopicRow: Codable, Sendable, Equatable {
        /// The topic's name.
        public var topic: String
        /// Credit, basis points.
        public var percentBp: Int
    }

    /// Section 7: certificates.
    public struct Certificates: Codable, Sendable, Equatable {
        /// Certificates standing.
        public var issued: Int
        /// The first serial.
        public var firstSerial: String?
        /// The last serial.
        public var lastSerial: String?
    }

    /// Section 10: an officer not yet complete (status only, never scores).
    public struct Pending: Codable, Sendable, Equatable {
        /// Division at the end of the period.
        public var division: String
        /// The group or person.
        public var name: String
        /// Staff type, in Thai.
        public var staffType: String
        /// "ยังไม่เข้าอบรม", "เข้าอบรมแล้ว ยังไม่ผ่านการทดสอบ" …
        public var status: String
    }

    /// Section 10: the evidence's integrity.
    public struct Evidence: Codable, Sendable, Equatable {
        /// Entries in the ledger.
        public var ledgerSize: Int64
        /// The head hash.
        public var ledgerHead: String
        /// Entries the checkpoint covers.
        public var checkpointSize: Int64?
        /// The head it fixes.
        public var checkpointHead: String?
        /// When it was signed.
        public var checkpointTakenAt: String?
        /// The signing key, base64.
        public var publicKey: String?
        /// The checkpoint signature, base64.
        public var signature: String?
    }

    /// Section 2.
    public var general: General
    /// Section 3.
    public var measure: MeasureQuote?
    /// Section 4: the sessions held in the period.
    public var steps: [Step]
    /// Section 5.
    public var coverage: Coverage
    /// Section 8: quarter by quarter.
    public var quarters: [QuarterRow]
    /// Section 6.
    public var outcome: Outcome
    /// Section 7.
    public var certificates: Certificates
    /// Section 10, the annex.
    public var notYetComplete: [Pending]
    /// Section 9: problems met.
    public var problems: String
    /// Section 9: suggestions.
    public var suggestions: String
    /// Section 10: evidence integrity.
    public var evidence: Evidence
}
