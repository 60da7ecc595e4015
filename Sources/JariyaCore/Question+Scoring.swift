extension Question {
    /// Credit for an answer, in basis points of this question (0…10000):
    /// - single, true-false, short: all or nothing; short answers compare after
    ///   Thai normalisation (NFC, spaces, the two spellings of ำ, Thai digits);
    /// - multiple: (right picks − wrong picks) / right choices, never below zero;
    /// - matching: right pairs / pairs.
    /// No answer earns nothing.
    public func credit(for answer: Answer?) -> BasisPoints {
        guard let answer else { return 0 }
        switch (type, answer) {
        case (.single, .choices(let picked)):
            let correct = choices.indices.filter { choices[$0].correct }
            return Set(picked) == Set(correct) && picked.count == 1 ? 10_000 : 0
        case (.multiple, .choices(let picked)):
            let correct = Set(choices.indices.filter { choices[$0].correct })
            guard !correct.isEmpty else { return 0 }
            let chosen = Set(picked.filter { choices.indices.contains($0) })
            let net = chosen.intersection(correct).count - chosen.subtracting(correct).count
            return max(0, net) * 10_000 / correct.count
        case (.trueFalse, .truth(let value)):
            return value == self.answer ? 10_000 : 0
        case (.short, .text(let text)):
            let key = ThaiText.answerKey(text)
            return !key.isEmpty && accepted.contains { ThaiText.answerKey($0) == key } ? 10_000 : 0
        case (.matching, .matches(let picks)):
            guard !pairs.isEmpty else { return 0 }
            let right = pairs.indices.filter { $0 < picks.count && picks[$0] == $0 }.count
            return right * 10_000 / pairs.count
        default:
            return 0
        }
    }
}

extension QuestionBank {
    /// Scores drawn questions against answers (keyed by question id). Each
    /// question weighs its points; credit is kept in hundredths of a point.
    public func score(_ drawn: [DrawnQuestion], answers: [String: Answer]) -> Score {
        var earned = 0
        var possible = 0
        for item in drawn {
            guard let question = question(id: item.questionID) else { continue }
            possible += question.points * 100
            earned += question.points * question.credit(for: answers[item.questionID]) / 100
        }
        return Score(earnedCentipoints: earned, possibleCentipoints: possible)
    }
}

/// The grade of an officer over several attempts: the best one.
public enum Grading {
    /// The highest score, or nil when there is none.
    public static func best(_ scores: [Score]) -> Score? {
        scores.max { $0.percent < $1.percent }
    }
}
