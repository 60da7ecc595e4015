import Foundation
import JariyaApp
import JariyaCore
import JariyaStore
import JariyaXML

extension DemoBuilder {
    /// A year of pre-tests and post-tests taken through the quiz engine, as
    /// officers take them: pre-tests in Q1 of FY2567, post-tests spread over
    /// the four quarters, weaker before the reading than after, some officers
    /// needing a second try and a few never taking the post-test, so reports
    /// have something true to say. Returned as events, to be run in time order;
    /// the engine's clock is stopped at each event's moments.
    func takeTests(_ engine: QuizEngine, agency: Agency, officers: [OfficerListing], content: ContentSet) throws -> [DemoEvent] {
        guard let courseFile = content.courses.first, let bankFile = content.banks.first else { return [] }
        let db = engine.database
        let course = courseFile.model
        let bank = bankFile.model
        var random = SeededGenerator(seed: 2567)
        var events: [DemoEvent] = []
        let users = try db.users(agencyID: agency.id ?? 0)
        for (index, listing) in officers.enumerated() {
            guard let user = users.first(where: { $0.officerId == listing.officer.id }) else { continue }
            let before = Double.random(in: 0.35...0.65, using: &random)
            let pretestDay = Self.instant(CivilDate(year: 2023, month: 10 + index % 3, day: 3 + index % 20), hour: 9 + index % 6)
            for (kind, ability, day) in try plannedTests(index: index, before: before, pretestDay: pretestDay, random: &random) {
                guard let spec = kind == .pretest ? course.pretest : course.posttest else { continue }
                let seed = random.next()
                let publicID = String(format: "demo%04d%012llx", events.count, seed & 0xFFFF_FFFF_FFFF)
                // One roll a question, in the order drawn: whether this officer gets it right.
                let rolls = (0..<spec.questionCount).map { _ in Double.random(in: 0..<1, using: &random) }
                let taker = QuizEngine(database: db, content: engine.content, clock: engine.clock, seeds: { seed }, publicIDs: { publicID })
                events.append(DemoEvent(at: day) {
                    _ = try taker.at(day).start(user: user, courseKey: course.id, kind: kind)
                    let drawn = try db.attemptHeader(publicID: publicID, userID: user.id ?? 0).drawn
                    for (number, item) in drawn.enumerated() {
                        guard let question = bank.question(id: item.questionID) else { continue }
                        let answer = Self.answer(question, right: rolls.indices.contains(number) && rolls[number] < ability)
                        _ = try taker.at(day.addingTimeInterval(Double(40 * (number + 1))))
                            .save(user: user, publicID: publicID, questionID: item.questionID, seq: number + 1,
                                  answer: QuizEngine.display(answer, drawn: item))
                    }
                    _ = try taker.at(day.addingTimeInterval(900)).submit(user: user, publicID: publicID)
                })
            }
        }
        return events
    }

    /// Which tests an officer takes, with what chance of a right answer, when.
    private func plannedTests(index: Int, before: Double, pretestDay: Date,
                              random: inout SeededGenerator) throws -> [(TestKind, Double, Date)] {
        var tests: [(TestKind, Double, Date)] = [(.pretest, before, pretestDay)]
        if index % 9 == 8 { return tests } // a few never reach the post-test: the report's "still missing"
        let quarterStarts = [CivilDate(year: 2023, month: 11, day: 20), CivilDate(year: 2024, month: 2, day: 12),
                             CivilDate(year: 2024, month: 5, day: 14), CivilDate(year: 2024, month: 8, day: 6)]
        let planned = Self.instant(quarterStarts[index % 4], hour: 10 + index % 5).addingTimeInterval(Double(index % 7) * 86_400)
        let first = max(planned, pretestDay.addingTimeInterval(3 * 86_400)) // the reading comes between the two tests
        let after = min(0.98, before + Double.random(in: 0.25...0.45, using: &random))
        tests.append((.posttest, index % 6 == 5 ? 0.55 : after, first))
        if index % 6 == 5 { tests.append((.posttest, 0.95, first.addingTimeInterval(7 * 86_400))) }
        return tests
    }

    private static func answer(_ question: Question, right: Bool) -> Answer {
        switch question.type {
        case .single, .multiple:
            let correct = question.choices.indices.filter { question.choices[$0].correct }
            let wrong = question.choices.indices.filter { !question.choices[$0].correct }
            return .choices(right ? correct : Array(wrong.prefix(1)))
        case .trueFalse:
            return .truth(right ? (question.answer ?? true) : !(question.answer ?? true))
        case .short:
            return .text(right ? (question.accepted.first ?? "") : "ไม่แน่ใจ")
        case .matching:
            let count = question.pairs.count
            return .matches(right ? Array(0..<count) : (0..<count).map { ($0 + 1) % count })
        }
    }
}
