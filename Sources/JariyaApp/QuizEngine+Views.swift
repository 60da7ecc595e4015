import Foundation
import JariyaAPI
import JariyaCore
import JariyaStore

extension QuizEngine {
    /// Questions in attempt order with choices in display order; no correct flags.
    public static func questionViews(_ drawn: [DrawnQuestion], bank: QuestionBank) -> [QuestionView] {
        drawn.enumerated().compactMap { index, item in
            guard let question = bank.question(id: item.questionID) else { return nil }
            var view = QuestionView(id: question.id, number: index + 1, type: question.type.rawValue, prompt: question.prompt,
                                    points: question.points)
            switch question.type {
            case .single, .multiple:
                view.choices = item.order.compactMap { question.choices.indices.contains($0) ? question.choices[$0].text : nil }
            case .matching:
                view.lefts = question.pairs.map(\.left)
                view.rights = item.order.compactMap { question.pairs.indices.contains($0) ? question.pairs[$0].right : nil }
            case .trueFalse, .short:
                break
            }
            return view
        }
    }

    /// A client's answer (display positions) in the bank's own indexes, checked against the question.
    public static func original(_ view: AnswerView, question: Question, drawn: DrawnQuestion) throws -> Answer {
        func fromDisplay(_ position: Int) throws -> Int {
            guard drawn.order.indices.contains(position) else {
                throw QuizError.badAnswer("position \(position) is not one of the \(drawn.order.count) shown for question \(question.id)")
            }
            return drawn.order[position]
        }
        switch question.type {
        case .single, .multiple:
            guard let picks = view.choices else { throw QuizError.badAnswer("question \(question.id) takes {\"choices\": [positions]}") }
            if question.type == .single && picks.count > 1 { throw QuizError.badAnswer("question \(question.id) takes one choice") }
            guard Set(picks).count == picks.count else { throw QuizError.badAnswer("a choice is given twice") }
            return .choices(try picks.map(fromDisplay).sorted())
        case .trueFalse:
            guard let truth = view.truth else { throw QuizError.badAnswer("question \(question.id) takes {\"truth\": true|false}") }
            return .truth(truth)
        case .short:
            guard let text = view.text else { throw QuizError.badAnswer("question \(question.id) takes {\"text\": \"…\"}") }
            // Code points, as the OpenAPI document's maxLength counts.
            guard text.unicodeScalars.count <= 500 else { throw QuizError.badAnswer("the answer is longer than 500 characters") }
            return .text(ThaiText.clean(text))
        case .matching:
            guard let picks = view.matches, picks.count == question.pairs.count else {
                throw QuizError.badAnswer("question \(question.id) takes {\"matches\": [one right position per left item]}")
            }
            return .matches(try picks.map(fromDisplay))
        }
    }

    /// A stored answer as the client shows it.
    public static func display(_ answer: Answer, drawn: DrawnQuestion) -> AnswerView {
        func toDisplay(_ index: Int) -> Int { drawn.order.firstIndex(of: index) ?? index }
        switch answer {
        case .choices(let picks): return AnswerView(choices: picks.map(toDisplay).sorted())
        case .truth(let value): return AnswerView(truth: value)
        case .text(let text): return AnswerView(text: text)
        case .matches(let picks): return AnswerView(matches: picks.map(toDisplay))
        }
    }

    /// The right answer, in display positions.
    public static func correct(_ question: Question, drawn: DrawnQuestion) -> AnswerView {
        switch question.type {
        case .single, .multiple:
            display(.choices(question.choices.indices.filter { question.choices[$0].correct }), drawn: drawn)
        case .trueFalse:
            AnswerView(truth: question.answer)
        case .short:
            AnswerView(text: question.accepted.first)
        case .matching:
            display(.matches(Array(question.pairs.indices)), drawn: drawn)
        }
    }

    /// The result: the score and pass or fail always, and the key of each
    /// question only when `ReviewRule` allows it now; a note says what waits.
    public func result(user: User, publicID: String) throws -> ResultView {
        let (attempt, answers, course, bank) = try load(user: user, publicID: publicID)
        guard attempt.isSubmitted, let submittedAt = attempt.submittedAt, let score = attempt.score else { throw QuizError.notSubmitted }
        let isPosttest = attempt.kind == .posttest
        var view = ResultView(
            id: attempt.publicId, course: attempt.courseKey, test: attempt.kind.rawValue, number: attempt.number,
            submittedAt: submittedAt, submittedBy: attempt.submittedBy ?? "officer", scoreBasisPoints: score.percent,
            percent: Hundredths.text(score.percent), earnedPoints: Hundredths.text(score.earnedCentipoints),
            possiblePoints: Hundredths.text(score.possibleCentipoints),
            passPercent: isPosttest ? attempt.passPercent : nil, passed: isPosttest ? attempt.passed : nil)
        let standings = try standings(officerID: attempt.officerId, course: course, courseKey: attempt.courseKey,
                                      fiscalYear: attempt.fiscalYear)
        let now = clock()
        let verdict = ReviewRule.verdict(course: course, kind: attempt.kind, questionIDs: attempt.drawn.map(\.questionID), bank: bank,
                                         standings: standings, now: now)
        view.reviewNote = ReviewWording.officerNote(verdict, course: course, standings: standings, now: now)
        guard !verdict.showsNothing else { return view }
        let shown = Set(verdict.shown)
        let saved = Dictionary(answers.compactMap { record in record.decoded.map { (record.questionId, $0) } },
                               uniquingKeysWith: { first, _ in first })
        let questions = Self.questionViews(attempt.drawn, bank: bank)
        view.review = zip(attempt.drawn, questions).compactMap { drawn, questionView in
            guard shown.contains(drawn.questionID), let question = bank.question(id: drawn.questionID) else { return nil }
            return ReviewItem(question: questionView, yourAnswer: saved[question.id].map { Self.display($0, drawn: drawn) },
                              correctAnswer: Self.correct(question, drawn: drawn),
                              creditBasisPoints: question.credit(for: saved[question.id]), explanation: question.explanation)
        }
        return view
    }

    /// Where the officer stands at each test of the course in a fiscal year,
    /// counted as the store counts attempts (by officer and course id).
    public func standings(officerID: Int64, course: Course, courseKey: String, fiscalYear: Int) throws -> [TestKind: TestStanding] {
        var standings: [TestKind: TestStanding] = [:]
        for (kind, spec) in course.tests {
            let history = try database.attemptHistory(officerID: officerID, courseKey: courseKey, kind: kind)
            let year = history.filter { $0.fiscalYear == fiscalYear }
            standings[kind] = TestStanding(
                kind: kind, fiscalYear: FiscalYear(fiscalYear),
                attemptsAllowed: kind == .pretest ? (spec.attempts ?? 1) : spec.attempts, attemptsUsed: year.count,
                hasOpenAttempt: history.contains { !$0.isSubmitted }, passed: year.contains { $0.passed == true })
        }
        return standings
    }
}
