extension QuestionBank {
    /// Why a draw cannot be made (`course check` prevents these for published content).
    public enum DrawFailure: Error, Equatable, Sendable {
        /// The topic has fewer questions than the draw asks.
        case notEnough(topic: String?, wanted: Int, available: Int)
    }

    /// Draws the questions of one attempt: per-topic counts first, then `draw`
    /// more from the rest of the bank, all in a shuffled order, each with its
    /// choices shuffled unless the question says not to. The same seed gives
    /// the same attempt.
    public func draw(_ spec: TestSpec, seed: UInt64) throws(DrawFailure) -> [DrawnQuestion] {
        var generator = SeededGenerator(seed: seed)
        var chosen: [Question] = []
        var used: Set<String> = []
        for topicDraw in spec.topicDraws {
            let pool = questions.filter { $0.topic == topicDraw.topic }
            guard pool.count >= topicDraw.count else {
                throw .notEnough(topic: topicDraw.topic, wanted: topicDraw.count, available: pool.count)
            }
            let picked = pool.shuffled(using: &generator).prefix(topicDraw.count)
            chosen += picked
            used.formUnion(picked.map(\.id))
        }
        if let extra = spec.draw {
            let pool = questions.filter { !used.contains($0.id) }
            guard pool.count >= extra else { throw .notEnough(topic: nil, wanted: extra, available: pool.count) }
            chosen += pool.shuffled(using: &generator).prefix(extra)
        }
        return chosen.shuffled(using: &generator).map { question in
            let count = question.type == .matching ? question.pairs.count : question.choices.count
            let order = Array(0..<count)
            return DrawnQuestion(questionID: question.id, order: question.shuffle || question.type == .matching
                                 ? order.shuffled(using: &generator) : order)
        }
    }

    /// The question with this id.
    public func question(id: String) -> Question? {
        questions.first { $0.id == id }
    }
}
