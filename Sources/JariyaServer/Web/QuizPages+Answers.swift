import JariyaApp
import JariyaAPI
import JariyaStore

extension QuizPages {
    /// The answer a form gives for a question, nil when it gives none (an
    /// unanswered question stays unanswered, not wrong).
    static func answer(to question: QuestionView, from form: WebForm) -> AnswerView? {
        switch question.type {
        case "single", "multiple":
            let choices = form.all("choice").compactMap { Int($0) }
            return choices.isEmpty ? nil : AnswerView(choices: question.type == "single" ? Array(choices.prefix(1)) : choices)
        case "true-false":
            return form["truth"].flatMap { $0 == "true" ? AnswerView(truth: true) : $0 == "false" ? AnswerView(truth: false) : nil }
        case "short":
            let text = (form["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : AnswerView(text: text)
        case "matching":
            let matches = (question.lefts ?? []).indices.map { form["match-\($0)"].flatMap { Int($0) } }
            guard !matches.isEmpty, matches.allSatisfy({ $0 != nil }) else { return nil }
            return AnswerView(matches: matches.compactMap { $0 })
        default:
            return nil
        }
    }

    /// An answer in words, as the question showed its options.
    static func describe(_ answer: AnswerView, _ question: QuestionView, _ words: [String: String]) -> String {
        if let choices = answer.choices {
            return choices.compactMap { question.choices?.indices.contains($0) == true ? question.choices?[$0] : nil }.joined(separator: "; ")
        }
        if let truth = answer.truth { return words[truth ? "true" : "false"] ?? "" }
        if let text = answer.text { return text }
        if let matches = answer.matches, let lefts = question.lefts, let rights = question.rights {
            return zip(lefts, matches).map { left, right in "\(left) → \(rights.indices.contains(right) ? rights[right] : "?")" }
                .joined(separator: "; ")
        }
        return ""
    }
}
