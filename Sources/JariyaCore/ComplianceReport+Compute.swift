import Foundation

extension ComplianceReport {
    /// The report for a fiscal year through a quarter (1–4), from facts alone.
    /// Days are Bangkok days; an officer counts in the division they belonged
    /// to at the end of the period (or of each quarter, in the quarterly table).
    public static func compute(_ facts: ReportFacts, fiscalYear: FiscalYear, throughQuarter: Int, generatedAt: Date) -> ComplianceReport {
        let quarter = min(max(throughQuarter, 1), 4)
        let start = fiscalYear.firstDay
        let end = FiscalQuarter(fiscalYear, quarter).lastDay
        func day(_ instant: Date) -> CivilDate { CivilDate(instant, in: .bangkok) }
        func within(_ instant: Date, _ from: CivilDate, _ to: CivilDate) -> Bool { (from...to).contains(day(instant)) }

        let sessions = facts.sessions.filter { within($0.startsAt, start, end) }.sorted { $0.startsAt < $1.startsAt }
        // Indexed once: the report asks these questions per quarter and per session.
        var presentBySession: [Int64: [Int64]] = [:]
        for record in facts.attendance where record.status == .present || record.status == .late {
            presentBySession[record.sessionID, default: []].append(record.officerID)
        }
        func attended(_ chosen: [ReportFacts.Session]) -> Set<Int64> {
            var officers: Set<Int64> = []
            for session in chosen { officers.formUnion(presentBySession[session.id] ?? []) }
            return officers
        }
        let completionDays = facts.completions.map { (officer: $0.officerID, day: day($0.completedAt)) }.filter { $0.day >= start }
        // Executives and council members may train too, but are counted apart
        // from the staff the measure is about (domain.md §6). Officers are
        // handled by index: a large agency has a hundred thousand of them, and
        // each is asked where it belonged on several days.
        let officers = facts.officers
        let isStaff = officers.map { $0.staffType != .executive && $0.staffType != .council }
        // Divisions by slot: the named ones first, others as met. Each
        // membership's name is looked up once: comparing or hashing Thai text
        // normalises it, and the report asks for every officer's division on
        // five days.
        var slotNames = facts.divisions
        func slot(_ name: String) -> Int {
            if let known = slotNames.firstIndex(of: name) { return known }
            slotNames.append(name)
            return slotNames.count - 1
        }
        let membershipSlots = officers.map { $0.memberships.map { slot($0.division) } }
        func divisions(on last: CivilDate) -> [Int?] {
            officers.indices.map { index in officers[index].membership(on: last).map { membershipSlots[index][$0] } }
        }
        var firstCompletion: [Int64: CivilDate] = [:]
        for entry in completionDays where firstCompletion[entry.officer].map({ entry.day < $0 }) ?? true {
            firstCompletion[entry.officer] = entry.day
        }

        let trained = attended(sessions)
        let done = Set(firstCompletion.filter { $0.value <= end }.keys)
        let endDivisions = divisions(on: end)
        let onRoster = officers.indices.filter { isStaff[$0] && endDivisions[$0] != nil }
        func row(_ name: String, _ people: [Int]) -> CoverageRow {
            var finished = 0
            var went = 0
            for index in people {
                if done.contains(officers[index].id) { finished += 1 }
                if trained.contains(officers[index].id) { went += 1 }
            }
            return CoverageRow(name: name, headcount: people.count, trained: went, completed: finished,
                               completedBp: basisPoints(finished, of: people.count))
        }
        // Divisions met only in memberships come after the named ones, in Thai order.
        let shownOrder = Array(facts.divisions.indices) + (facts.divisions.count..<slotNames.count)
            .sorted { ThaiText.precedes(slotNames[$0], slotNames[$1]) }
        var rank = Array(repeating: 0, count: slotNames.count)
        for (position, slot) in shownOrder.enumerated() { rank[slot] = position }
        var byDivision = Array(repeating: [Int](), count: slotNames.count)
        for index in onRoster { if let slot = endDivisions[index] { byDivision[slot].append(index) } }
        var byType: [StaffType: [Int]] = [:]
        for index in officers.indices where endDivisions[index] != nil { byType[officers[index].staffType, default: []].append(index) }
        let coverage = Coverage(
            total: row("รวม", onRoster),
            byDivision: shownOrder.map { row(slotNames[$0], byDivision[$0]) }.filter { $0.headcount > 0 },
            byStaffType: StaffType.allCases.map { type in row(type.thai, byType[type] ?? []) }.filter { $0.headcount > 0 })

        let quarters = (1...quarter).map { number -> QuarterRow in
            let span = FiscalQuarter(fiscalYear, number)
            let held = sessions.filter { within($0.startsAt, span.firstDay, span.lastDay) }
            let then = divisions(on: span.lastDay)
            var people = 0
            var finished = 0
            for index in officers.indices where isStaff[index] && then[index] != nil {
                people += 1
                if let day = firstCompletion[officers[index].id], day <= span.lastDay { finished += 1 }
            }
            return QuarterRow(quarter: number, planned: facts.measure?.quarters.contains(number) ?? true, sessions: held.count,
                              attended: attended(held).count,
                              completions: completionDays.filter { (span.firstDay...span.lastDay).contains($0.day) }.count,
                              cumulativeCompletedBp: basisPoints(finished, of: people))
        }

        let steps = sessions.map { session in
            Step(session: session.id, title: session.title, date: day(session.startsAt).description, time: ThaiTime.short(session.startsAt),
                 quarter: FiscalQuarter(containing: session.startsAt).number, place: session.place, format: session.format,
                 trainer: session.trainer, budgetBaht: session.budgetBaht, attended: Set(presentBySession[session.id] ?? []).count)
        }

        let certificates = facts.certificates.filter { day($0.issuedAt) <= end }.sorted { $0.number < $1.number }
        let passedPost = Set(facts.tests.filter { $0.kind == .posttest && $0.passed && within($0.submittedAt, start, end) }.map(\.officerID))
        // Sorted by index with keys computed once: officers are large values to move about.
        let waiting = onRoster.filter { !done.contains(officers[$0].id) }
        let ranks = waiting.map { endDivisions[$0].map { rank[$0] } ?? .max }
        let flat = waiting.map { officers[$0].name.flatSortKey }
        let order: [Int]
        if flat.allSatisfy({ $0 != nil }) {
            let keys = flat.map { $0 ?? [] }
            order = waiting.indices.sorted { lhs, rhs in
                ranks[lhs] != ranks[rhs] ? ranks[lhs] < ranks[rhs] : keys[lhs].lexicographicallyPrecedes(keys[rhs])
            }
        } else {
            let keys = waiting.map { officers[$0].name.sortKey }
            order = waiting.indices.sorted { lhs, rhs in ranks[lhs] != ranks[rhs] ? ranks[lhs] < ranks[rhs] : keys[lhs] < keys[rhs] }
        }
        let pending = order.map { position -> Pending in
            let officer = officers[waiting[position]]
            return Pending(division: endDivisions[waiting[position]].map { slotNames[$0] } ?? "", name: officer.name.formal, staffType: officer.staffType.thai,
                           status: pendingStatus(attended: trained.contains(officer.id), passed: passedPost.contains(officer.id)))
        }

        let formatter = ISO8601DateFormatter()
        return ComplianceReport(
            general: General(agencyName: facts.agencyName, agencyPlace: facts.agencyPlace, courseTitle: facts.courseTitle,
                             fiscalYear: fiscalYear.buddhistYear, fiscalYearStart: start.description,
                             fiscalYearEnd: fiscalYear.lastDay.description, throughQuarter: quarter,
                             edition: "รอบ \(quarter * 3) เดือน", periodEnd: end.description, generatedAt: formatter.string(from: generatedAt)),
            measure: facts.measure.map { measure in
                MeasureQuote(plan: measure.plan, issue: measure.issue, question: measure.question, finding: measure.finding,
                             steps: measure.steps, quarters: measure.quarters, responsible: measure.responsible)
            },
            steps: steps, coverage: coverage, quarters: quarters,
            outcome: outcome(facts, within: { within($0, start, end) }),
            certificates: Certificates(issued: certificates.count, firstSerial: certificates.first?.serial, lastSerial: certificates.last?.serial),
            notYetComplete: pending, problems: facts.problems, suggestions: facts.suggestions,
            evidence: Evidence(ledgerSize: facts.ledgerSize, ledgerHead: facts.ledgerHead, checkpointSize: facts.checkpoint?.size,
                               checkpointHead: facts.checkpoint?.head, checkpointTakenAt: facts.checkpoint?.takenAt,
                               publicKey: facts.checkpoint?.publicKey, signature: facts.checkpoint?.signature))
    }

    /// Pre-test: each officer's first; post-test: each officer's best.
    private static func outcome(_ facts: ReportFacts, within: (Date) -> Bool) -> Outcome {
        let tests = facts.tests.filter { within($0.submittedAt) }
        var firstPre: [Int64: ReportFacts.TestResult] = [:]
        var bestPost: [Int64: Int] = [:]
        var passed: Set<Int64> = []
        for test in tests.sorted(by: { $0.submittedAt < $1.submittedAt }) {
            switch test.kind {
            case .pretest: if firstPre[test.officerID] == nil { firstPre[test.officerID] = test }
            case .posttest:
                bestPost[test.officerID] = max(bestPost[test.officerID] ?? 0, test.percentBp)
                if test.passed { passed.insert(test.officerID) }
            }
        }
        let preMean = mean(firstPre.values.map(\.percentBp))
        let postMean = mean(Array(bestPost.values))
        return Outcome(pretestTaken: firstPre.count, pretestMeanBp: preMean, posttestTaken: bestPost.count, posttestMeanBp: postMean,
                       gainBp: preMean.flatMap { pre in postMean.map { $0 - pre } }, passPercent: facts.passPercent,
                       passed: passed.count, passRateBp: bestPost.isEmpty ? nil : basisPoints(passed.count, of: bestPost.count),
                       weakestTopics: weakestTopics(facts.topicScores))
    }

    /// The three topics answered worst in the post-tests, worst first.
    public static func weakestTopics(_ scores: [ReportFacts.TopicScore]) -> [TopicRow] {
        let rows = scores.filter { $0.possibleCentipoints > 0 }
            .map { TopicRow(topic: $0.topic, percentBp: basisPoints($0.earnedCentipoints, of: $0.possibleCentipoints)) }
            .sorted { $0.percentBp != $1.percentBp ? $0.percentBp < $1.percentBp : $0.topic < $1.topic }
        return Array(rows.prefix(3))
    }

    private static func pendingStatus(attended: Bool, passed: Bool) -> String {
        switch (attended, passed) {
        case (false, false): "ยังไม่เข้าอบรมและยังไม่ผ่านแบบทดสอบหลังเรียน"
        case (true, false): "เข้าอบรมแล้ว ยังไม่ผ่านแบบทดสอบหลังเรียน"
        case (false, true): "ผ่านแบบทดสอบหลังเรียนแล้ว ยังไม่เข้าอบรม"
        case (true, true): "ยังไม่ครบเงื่อนไขของหลักสูตร"
        }
    }

    /// part / whole in basis points, rounded half up; 0 of nothing is 0.
    static func basisPoints(_ part: Int, of whole: Int) -> Int {
        whole == 0 ? 0 : (part * 20_000 + whole) / (2 * whole)
    }

    /// The mean of basis points, rounded half up; nil for none.
    static func mean(_ values: [Int]) -> Int? {
        values.isEmpty ? nil : (values.reduce(0, +) * 2 + values.count) / (2 * values.count)
    }
}
