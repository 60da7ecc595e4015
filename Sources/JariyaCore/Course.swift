/// A course as a trainer wrote it in `Courses/*.xml` (`urn:jariya:course:1`).
public struct Course: Hashable, Sendable {
    /// The course's identifier, lower-case letters, digits and hyphens.
    public var id: String
    /// The language of the text, "th" unless the file says otherwise.
    public var language: String
    /// The Thai title.
    public var title: String
    /// The English title, when given.
    public var englishTitle: String?
    /// A short description for course lists.
    public var summary: String
    /// The published integrity measures this course carries out.
    public var measures: [Measure]
    /// The reading, in order.
    public var modules: [Module]
    /// The baseline test, not pass/fail.
    public var pretest: TestSpec?
    /// The test that counts for completion.
    public var posttest: TestSpec?
    /// What an officer must do to complete the course.
    public var completion: CompletionRule
    /// The certificate template's name in `Certificates/`, or nil for no certificate.
    public var certificateTemplate: String? {
        get { completion.certificateTemplate }
        set { completion.certificateTemplate = newValue }
    }
    /// Where the `<certificate>` element stands, for messages about its template.
    public var certificateLine: Int?
    /// Where the root element stands in the source file.
    public var line: Int

    /// A course from its parts.
    public init(
        id: String, language: String, title: String, englishTitle: String?, summary: String,
        measures: [Measure], modules: [Module], pretest: TestSpec?, posttest: TestSpec?,
        completion: CompletionRule, certificateTemplate: String?, certificateLine: Int? = nil, line: Int
    ) {
        self.id = id
        self.language = language
        self.title = title
        self.englishTitle = englishTitle
        self.summary = summary
        self.measures = measures
        self.modules = modules
        self.pretest = pretest
        self.posttest = posttest
        self.completion = completion
        self.completion.certificateTemplate = certificateTemplate
        self.certificateLine = certificateLine
        self.line = line
    }

    /// Both tests with their kind, the pre-test first.
    public var tests: [(kind: TestKind, spec: TestSpec)] {
        [(TestKind.pretest, pretest), (.posttest, posttest)].compactMap { kind, spec in spec.map { (kind, $0) } }
    }
}

/// A published integrity measure quoted from the agency's plan (domain.md §1).
public struct Measure: Hashable, Sendable {
    /// The plan's name, e.g. "ITA-2567".
    public var plan: String
    /// The issue number in the plan, e.g. 6.
    public var issue: Int
    /// The assessment question and its code, e.g. "E12".
    public var question: String
    /// The survey item's code, when the plan gives one.
    public var questionCode: String?
    /// What the assessment found.
    public var finding: String
    /// The steps the agency committed to.
    public var steps: [String]
    /// The quarters of the fiscal year the steps run in.
    public var quarters: [Int]
    /// The unit responsible.
    public var responsible: String

    /// A measure from its parts.
    public init(plan: String, issue: Int, question: String, questionCode: String?, finding: String,
                steps: [String], quarters: [Int], responsible: String) {
        self.plan = plan
        self.issue = issue
        self.question = question
        self.questionCode = questionCode
        self.finding = finding
        self.steps = steps
        self.quarters = quarters
        self.responsible = responsible
    }
}

/// One module of reading.
public struct Module: Hashable, Sendable {
    /// Unique within the course.
    public var id: String
    /// Shown in the table of contents.
    public var title: String
    /// The text, in order.
    public var blocks: [Block]
    /// Where the module starts in the source file.
    public var line: Int

    /// A module from its parts.
    public init(id: String, title: String, blocks: [Block], line: Int) {
        self.id = id
        self.title = title
        self.blocks = blocks
        self.line = line
    }

    /// A piece of module text.
    public enum Block: Hashable, Sendable {
        /// A paragraph.
        case paragraph(String)
        /// A bulleted or numbered list.
        case list(items: [String], ordered: Bool)
        /// A boxed note: "note", "example", "law" or "warning".
        case note(kind: String, text: String)
        /// A picture with its text alternative.
        case figure(source: String, alt: String)
    }
}

/// The pre-test or the post-test.
public enum TestKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Taken before the reading, as a baseline.
    case pretest
    /// Taken after, and counted for completion.
    case posttest
}

/// How a test is drawn from a bank and run.
public struct TestSpec: Hashable, Sendable {
    /// The bank's identifier.
    public var bank: String
    /// Questions drawn from the whole bank, when no per-topic draws are given.
    public var draw: Int?
    /// Questions drawn per topic.
    public var topicDraws: [TopicDraw]
    /// The pass mark in percent, 1–100.
    public var passPercent: Int
    /// How many attempts an officer has, nil for no limit.
    public var attempts: Int?
    /// The time limit, nil for none.
    public var minutes: Int?
    /// When the answer key is shown, as written (or the test's default);
    /// judged by `ReviewRule`.
    public var review: ReviewPolicy
    /// Where the test element stands in the source file.
    public var line: Int

    /// A test from its parts.
    public init(bank: String, draw: Int?, topicDraws: [TopicDraw], passPercent: Int,
                attempts: Int?, minutes: Int?, review: ReviewPolicy, line: Int) {
        self.bank = bank
        self.draw = draw
        self.topicDraws = topicDraws
        self.passPercent = passPercent
        self.attempts = attempts
        self.minutes = minutes
        self.review = review
        self.line = line
    }

    /// How many questions an attempt holds.
    public var questionCount: Int {
        (draw ?? 0) + topicDraws.reduce(0) { $0 + $1.count }
    }

    /// A number of questions to draw from one topic.
    public struct TopicDraw: Hashable, Sendable {
        /// The topic's identifier in the bank.
        public var topic: String
        /// How many to draw.
        public var count: Int
        /// Where the draw element stands in the source file.
        public var line: Int

        /// A draw from its parts.
        public init(topic: String, count: Int, line: Int) {
            self.topic = topic
            self.count = count
            self.line = line
        }
    }
}

/// When an officer may see the answer key of a test: the correct choices,
/// the accepted answers, the explanations and which answers were right.
/// The score and pass or fail are always shown; only the key waits.
public enum ReviewPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// As soon as the attempt is submitted. For the pre-test only: on a
    /// post-test with attempts left it hands over the key for the next try
    /// (issue 14), so `course check` refuses it there and a post-test published
    /// with it before is held to `afterLastAttempt`.
    case afterSubmit = "after-submit"
    /// Once the officer has passed the post-test (who then takes it no more
    /// that fiscal year). Not for the pre-test, which is not pass/fail.
    case afterPass = "after-pass"
    /// Once the officer can take the test no more this fiscal year: every
    /// allowed attempt used, or the post-test passed. The post-test's default.
    case afterLastAttempt = "after-last-attempt"
    /// Once the fiscal year the attempt was taken in has ended (after
    /// 30 September, Bangkok time). Attempts are counted per fiscal year, so
    /// after that no attempt of that year can be taken again.
    case afterWindowCloses = "after-window-closes"
    /// Never. The pre-test's default.
    case never

    /// The policy a test has when its XML says none. Both are safe on their
    /// own: the post-test shows nothing while the officer can still try again,
    /// and the pre-test, a baseline that usually draws from the post-test's
    /// bank, shows nothing at all.
    public static func standard(for kind: TestKind) -> ReviewPolicy {
        kind == .pretest ? .never : .afterLastAttempt
    }
}

/// What an officer must do to complete a course; every condition must hold.
public struct CompletionRule: Hashable, Sendable {
    /// Lecture sessions attended (present or late), nil when not required.
    public var attendedSessions: Int?
    /// Tests that must be passed.
    public var passed: [TestKind]
    /// Tests that must be taken, whatever the score.
    public var taken: [TestKind]
    /// The template of the certificate that completing earns, nil for none.
    public var certificateTemplate: String?

    /// A rule from its parts.
    public init(attendedSessions: Int?, passed: [TestKind], taken: [TestKind], certificateTemplate: String? = nil) {
        self.attendedSessions = attendedSessions
        self.passed = passed
        self.taken = taken
        self.certificateTemplate = certificateTemplate
    }
}
