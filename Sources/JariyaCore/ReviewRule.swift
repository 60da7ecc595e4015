import Foundation

/// Where an officer stands at one test of one course in one fiscal year: the
/// facts a review policy is judged on. The store gathers them; nothing here
/// reads a clock or a database.
public struct TestStanding: Hashable, Sendable {
    /// Which test.
    public var kind: TestKind
    /// The fiscal year the attempts count in.
    public var fiscalYear: FiscalYear
    /// Attempts allowed in the fiscal year, nil for no limit.
    public var attemptsAllowed: Int?
    /// Attempts started in the fiscal year, open or submitted.
    public var attemptsUsed: Int
    /// Whether an attempt at this test is open now, whatever year it started in.
    public var hasOpenAttempt: Bool
    /// Whether a post-test attempt of the year reached the pass mark (never
    /// for the pre-test, which is not pass/fail).
    public var passed: Bool

    /// A standing from its parts.
    public init(kind: TestKind, fiscalYear: FiscalYear, attemptsAllowed: Int?, attemptsUsed: Int, hasOpenAttempt: Bool, passed: Bool) {
        self.kind = kind
        self.fiscalYear = fiscalYear
        self.attemptsAllowed = attemptsAllowed
        self.attemptsUsed = attemptsUsed
        self.hasOpenAttempt = hasOpenAttempt
        self.passed = kind == .posttest && passed
    }

    /// No attempt remains this fiscal year: every allowed one is used, or the
    /// post-test is passed (the store takes no post-test after a pass).
    public var attemptsOver: Bool {
        if hasOpenAttempt { return false }
        if passed { return true }
        guard let attemptsAllowed else { return false }
        return attemptsUsed >= attemptsAllowed
    }
}

extension ReviewPolicy {
    /// The policy actually applied to a test. A post-test published with
    /// `after-submit` before issue 14 is held to `after-last-attempt`, and a
    /// pre-test's `after-pass` (it cannot be passed) to `never`; `course check`
    /// refuses both in new content.
    public func applied(to kind: TestKind) -> ReviewPolicy {
        switch (self, kind) {
        case (.afterSubmit, .posttest): .afterLastAttempt
        case (.afterPass, .pretest): .never
        default: self
        }
    }

    /// Whether this policy lets an officer who stands so see the key of a
    /// submitted attempt at `now`. Never while an attempt at the same test is
    /// open: the key of one try must not sit beside the next.
    public func allowsKey(_ standing: TestStanding, now: Date) -> Bool {
        if standing.hasOpenAttempt { return false }
        switch applied(to: standing.kind) {
        case .never: return false
        case .afterSubmit: return true
        case .afterPass: return standing.passed
        case .afterLastAttempt: return standing.attemptsOver
        case .afterWindowCloses: return FiscalYear(containing: now) > standing.fiscalYear
        }
    }
}

extension TestSpec {
    /// Whether an attempt at this test can hold the question: a whole-bank
    /// draw can hold any question of the bank, topic draws only their topics'.
    public func canDraw(_ question: Question, fromBank bankID: String) -> Bool {
        guard bankID == bank else { return false }
        return draw != nil || topicDraws.contains { $0.topic == question.topic }
    }
}

/// What an officer may see of a submitted attempt's key now.
public struct ReviewVerdict: Hashable, Sendable {
    /// The test of the attempt.
    public var attemptKind: TestKind
    /// Questions whose key is shown, in the attempt's order.
    public var shown: [String]
    /// Questions whose key is kept, in the attempt's order.
    public var withheld: [String]
    /// The test whose policy keeps (some of) the key, nil when all of it is
    /// shown: the attempt's own, or the post-test for a pre-test's shared questions.
    public var heldBy: TestKind?
    /// That test's policy as applied.
    public var heldPolicy: ReviewPolicy?

    /// A verdict from its parts.
    public init(attemptKind: TestKind, shown: [String], withheld: [String], heldBy: TestKind?, heldPolicy: ReviewPolicy?) {
        self.attemptKind = attemptKind
        self.shown = shown
        self.withheld = withheld
        self.heldBy = heldBy
        self.heldPolicy = heldPolicy
    }

    /// True when nothing of the key is shown.
    public var showsNothing: Bool { shown.isEmpty }
}

/// The review rule: whether the key of a submitted attempt may be shown.
///
/// The attempt's own test decides first, by its policy. A pre-test question
/// that the post-test can also draw is then shown only when the post-test's
/// policy allows it too, because a pre-test key is otherwise a key to the
/// post-test: the sample course draws both tests from one bank.
public enum ReviewRule {
    /// The verdict for an attempt at `kind` holding `questionIDs` (attempt
    /// order) from `bank`, given the officer's standing at each test of the
    /// course in the attempt's fiscal year.
    public static func verdict(course: Course, kind: TestKind, questionIDs: [String], bank: QuestionBank,
                               standings: [TestKind: TestStanding], now: Date) -> ReviewVerdict {
        guard let spec = kind == .pretest ? course.pretest : course.posttest else {
            return ReviewVerdict(attemptKind: kind, shown: [], withheld: questionIDs, heldBy: kind, heldPolicy: .never)
        }
        let own = spec.review.applied(to: kind)
        guard let standing = standings[kind], own.allowsKey(standing, now: now) else {
            return ReviewVerdict(attemptKind: kind, shown: [], withheld: questionIDs, heldBy: kind, heldPolicy: own)
        }
        guard kind == .pretest, let posttest = course.posttest else {
            return ReviewVerdict(attemptKind: kind, shown: questionIDs, withheld: [], heldBy: nil, heldPolicy: nil)
        }
        let postPolicy = posttest.review.applied(to: .posttest)
        if let postStanding = standings[.posttest], postPolicy.allowsKey(postStanding, now: now) {
            return ReviewVerdict(attemptKind: kind, shown: questionIDs, withheld: [], heldBy: nil, heldPolicy: nil)
        }
        // With no standing at the post-test yet, the officer has not begun it,
        // and every question it can draw is still ahead of them.
        let shared = Set(questionIDs.filter { id in
            bank.question(id: id).map { posttest.canDraw($0, fromBank: bank.id) } ?? true
        })
        return ReviewVerdict(attemptKind: kind, shown: questionIDs.filter { !shared.contains($0) }, withheld: questionIDs.filter { shared.contains($0) },
                             heldBy: shared.isEmpty ? nil : .posttest, heldPolicy: shared.isEmpty ? nil : postPolicy)
    }
}
