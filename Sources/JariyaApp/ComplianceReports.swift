import Foundation
import JariyaCore
import JariyaStore
import JariyaXML

/// Builds compliance reports: the store's facts, completed from the course's
/// published XML (its title, the issue (6) measure, the pass mark) and the
/// post-tests scored by topic, then computed by `ComplianceReport.compute`.
/// Shared by `jariya report compliance` and the API.
public struct ComplianceReports: Sendable {
    /// Where the facts are.
    public var database: AppDatabase { content.database }
    /// The published courses and banks the facts are completed from.
    public let content: PublishedContent

    /// A builder over the published content and its database.
    public init(content: PublishedContent) {
        self.content = content
    }

    /// Why a report cannot be made.
    public struct Failure: Error, CustomStringConvertible {
        /// What is missing.
        public let description: String
    }

    /// The report for a course and fiscal year through a quarter. The post-tests
    /// are scored by topic on another core while the rest is computed: the
    /// answers of submitted tests never change, so reading them apart from the
    /// facts' transaction reads the same answers.
    public func report(agency: Agency, courseKey: String, fiscalYear: Int, throughQuarter: Int, now: Date) async throws -> ComplianceReport {
        let facts = try facts(agency: agency, courseKey: courseKey, fiscalYear: fiscalYear, throughQuarter: throughQuarter, topics: false)
        async let topics = topicScores(database.posttestAnswers(attemptIDs: facts.posttestAttemptIDs))
        var report = ComplianceReport.compute(facts, fiscalYear: FiscalYear(fiscalYear), throughQuarter: throughQuarter, generatedAt: now)
        report.outcome.weakestTopics = ComplianceReport.weakestTopics(try await topics)
        return report
    }

    /// HR's completion report for a course and fiscal year through a quarter;
    /// `division` may be a division's code or its Thai name.
    public func completion(agency: Agency, courseKey: String, fiscalYear: Int, throughQuarter: Int, division: String?,
                           staffType: StaffType?, status: CompletionReport.Status?, now: Date) throws -> CompletionReport {
        let divisionName = try division.map { wanted in
            let divisions = try database.divisions(agencyID: agency.id ?? 0)
            guard let match = divisions.first(where: { $0.code == wanted || $0.name == ThaiText.clean(wanted) }) else {
                throw Failure(description: "no division \(wanted); the divisions are: \(divisions.map { "\($0.code) (\($0.name))" }.joined(separator: ", "))")
            }
            return match.name
        }
        let facts = try facts(agency: agency, courseKey: courseKey, fiscalYear: fiscalYear, throughQuarter: throughQuarter, topics: false)
        return CompletionReport.compute(facts, fiscalYear: FiscalYear(fiscalYear), throughQuarter: throughQuarter,
                                        filter: .init(division: divisionName, staffType: staffType, status: status), generatedAt: now)
    }

    /// The facts of the report, complete; `topics` scores the post-tests by topic.
    public func facts(agency: Agency, courseKey: String, fiscalYear: Int, throughQuarter: Int, topics: Bool = true) throws -> ReportFacts {
        let agencyID = agency.id ?? 0
        guard let course = try content.currentCourse(agencyID: agencyID, key: courseKey)?.course else {
            throw Failure(description: "no published course \(courseKey)")
        }
        var facts = try database.reportFacts(agencyID: agencyID, courseKey: courseKey, fiscalYear: fiscalYear,
                                             throughQuarter: min(max(throughQuarter, 1), 4))
        facts.courseTitle = course.title
        facts.measure = course.measures.first { $0.issue == 6 } ?? course.measures.first
        facts.passPercent = course.posttest?.passPercent ?? 0
        guard topics else { return facts }
        facts.topicScores = try topicScores(database.posttestAnswers(attemptIDs: facts.posttestAttemptIDs))
        return facts
    }

    /// Post-test credit summed by topic, named as the bank names it.
    private func topicScores(_ tests: [PosttestAnswers]) throws -> [ReportFacts.TopicScore] {
        var totals: [String: (earned: Int, possible: Int)] = [:]
        for test in tests {
            let bank = try content.bank(versionID: test.bankVersionID)
            let names = Dictionary(bank.topics.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            for drawn in test.drawn {
                guard let topic = bank.question(id: drawn.questionID)?.topic else { continue }
                let score = bank.score([drawn], answers: test.answers)
                let name = names[topic] ?? topic
                totals[name, default: (0, 0)].earned += score.earnedCentipoints
                totals[name, default: (0, 0)].possible += score.possibleCentipoints
            }
        }
        return totals.map { .init(topic: $0.key, earnedCentipoints: $0.value.earned, possibleCentipoints: $0.value.possible) }
    }
}
