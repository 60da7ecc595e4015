import Foundation

/// The issue (6) compliance report (domain.md §9) for one fiscal year and
/// edition, as the agency publishes it: aggregates only, plus the annex of
/// who has not completed yet. Every renderer (JSON, CSV, HTML, PDF, XLSX)
/// prints this value; nothing is computed twice.
public struct ComplianceReport: Codable, Sendable, Equatable {
    /// Section 2: what the report covers.
    public struct General: Codable, Sendable, Equatable {
        public var agencyName: String
        public var agencyPlace: String
        public var courseTitle: String
        public var fiscalYear: Int
        /// ISO days, Bangkok.
        public var fiscalYearStart: String
        public var fiscalYearEnd: String
        public var throughQuarter: Int
        /// "รอบ 3 เดือน", "รอบ 6 เดือน", "รอบ 9 เดือน" or "รอบ 12 เดือน".
        public var edition: String
        public var periodEnd: String
        /// ISO 8601 instant.
        public var generatedAt: String
    }

    /// Section 3: the measure quoted from the plan.
    public struct MeasureQuote: Codable, Sendable, Equatable {
        public var plan: String
        public var issue: Int
        public var question: String
        public var finding: String
        public var steps: [String]
        public var quarters: [Int]
        public var responsible: String
    }

    /// Section 4: one training session held in the period.
    public struct Step: Codable, Sendable, Equatable {
        public var session: Int64
        public var title: String
        /// ISO day and "09.30 น." in Bangkok.
        public var date: String
        public var time: String
        public var quarter: Int
        public var place: String
        public var format: String
        public var trainer: String
        /// nil: no budget used ("ไม่ใช้งบประมาณ").
        public var budgetBaht: Int?
        /// Officers present or late.
        public var attended: Int
    }

    /// Section 5: one line of the coverage tables.
    public struct CoverageRow: Codable, Sendable, Equatable {
        public var name: String
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
        public var total: CoverageRow
        public var byDivision: [CoverageRow]
        public var byStaffType: [CoverageRow]
    }

    /// Section 8: one quarter of the period.
    public struct QuarterRow: Codable, Sendable, Equatable {
        public var quarter: Int
        public var planned: Bool
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
        public var passed: Int
        public var passRateBp: Int?
        /// The three topics with the lowest credit in officers' best post-tests, lowest first.
        public var weakestTopics: [TopicRow]
    }

    /// A topic's post-test credit.
    public struct TopicRow: Codable, Sendable, Equatable {
        public var topic: String
        public var percentBp: Int
    }

    /// Section 7: certificates.
    public struct Certificates: Codable, Sendable, Equatable {
        public var issued: Int
        public var firstSerial: String?
        public var lastSerial: String?
    }

    /// Section 10: an officer not yet complete (status only, never scores).
    public struct Pending: Codable, Sendable, Equatable {
        public var division: String
        public var name: String
        public var staffType: String
        /// "ยังไม่เข้าอบรม", "เข้าอบรมแล้ว ยังไม่ผ่านการทดสอบ" …
        public var status: String
    }

    /// Section 10: the evidence's integrity.
    public struct Evidence: Codable, Sendable, Equatable {
        public var ledgerSize: Int64
        public var ledgerHead: String
        public var checkpointSize: Int64?
        public var checkpointHead: String?
        public var checkpointTakenAt: String?
        public var publicKey: String?
        public var signature: String?
    }

    public var general: General
    public var measure: MeasureQuote?
    public var steps: [Step]
    public var coverage: Coverage
    public var quarters: [QuarterRow]
    public var outcome: Outcome
    public var certificates: Certificates
    public var notYetComplete: [Pending]
    public var problems: String
    public var suggestions: String
    public var evidence: Evidence
}
