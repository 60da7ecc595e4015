extension QuestionBank {
    /// Why a draw cannot be made (`course check` prevents these for published content).
    public enum DrawFailure: Error, Equatable, Sendable {
        /// The topic has fewer questions than the draw asks.
        case notEnough(topic: String?, wanted: Int, available: Int)
    }

    /// Draws the questions of one attempt: per-topic counts first, then `draw`
    /// more from the rest of the bank, all in a shuffled order, each with its
    /// choices shuffled unless the question says not to.
    ///
    /// `seenBefore` holds the question ids of the officer's earlier attempts
    /// at the same test of the course, oldest attempt first. Each pick prefers
    /// a question in none of them, and only when a topic (or the rest of the
    /// bank) runs out of those takes the ones seen longest ago, so a retry
    /// shares as few questions with the tries before it as the bank allows;
    /// per-topic counts stay as written. Among equals the seed decides: the
    /// same seed and history give the same attempt, and with no history the
    /// draw is the one this seed always gave.
    public func draw(_ spec: TestSpec, seed: UInt64, seenBefore: [[String]] = []) throws(DrawFailure) -> [DrawnQuestion] {
        var generator = SeededGenerator(seed: seed)
        let lastSeen = Self.lastSeen(seenBefore)
        func pick(_ count: Int, from pool: [Question]) -> ArraySlice<Question> {
            // Shuffle first, then order by how long ago each was seen, keeping
            // the shuffle among questions seen equally long ago.
            pool.shuffled(using: &generator).enumerated()
                .sorted { ((lastSeen[$0.element.id] ?? -1), $0.offset) < ((lastSeen[$1.element.id] ?? -1), $1.offset) }
                .map(\.element)
                .prefix(count)
        }
        var chosen: [Question] = []
        var used: Set<String> = []
        for topicDraw in spec.topicDraws {
            let pool = questions.filter { $0.topic == topicDraw.topic }
            guard pool.count >= topicDraw.count else {
                throw .notEnough(topic: topicDraw.topic, wanted: topicDraw.count, available: pool.count)
            }
            let picked = pick(topicDraw.count, from: pool)
            chosen += picked
            used.formUnion(picked.map(\.id))
        }
        if let extra = spec.draw {
            let pool = questions.filter { !used.contains($0.id) }
            guard pool.count >= extra else { throw .notEnough(topic: nil, wanted: extra, available: pool.count) }
            chosen += pick(extra, from: pool)
        }
        return chosen.shuffled(using: &generator).map { question in
            let count = question.type == .matching ? question.pairs.count : question.choices.count
            let order = Array(0..<count)
            return DrawnQuestion(questionID: question.id, order: question.shuffle || question.type == .matching
                                 ? order.shuffled(using: &generator) : order)
        }
    }

    /// For each question seen before, the index of the latest attempt that
    /// held it: the higher, the more recently seen.
    static func lastSeen(_ attempts: [[String]]) -> [String: Int] {
        var latest: [String: Int] = [:]
        for (index, ids) in attempts.enumerated() {
            for id in ids { latest[id] = index }
        }
        return latest
    }

    /// The question with this id.
    public func question(id: String) -> Question? {
        questions.first { $0.id == id }
    }
}
