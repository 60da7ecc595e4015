import JariyaCore

/// Turns a validated `<bank>` tree into a `QuestionBank`, reporting what the
/// schema cannot: blank text, repeated ids, undeclared topics, and the rules
/// each question type has for its answers.
enum BankReader {
    static func read(_ root: XMLElement, into sink: inout DiagnosticSink) -> QuestionBank {
        let titles = root.children(named: "title")
        let topicElements = root.children(named: "topic")
        sink.reportDuplicates(topicElements, kind: "topic")
        let questionElements = root.children(named: "question")
        sink.reportDuplicates(questionElements, kind: "question")
        let topics = topicElements.map { element in
            QuestionBank.Topic(id: element[attribute: "id"] ?? "", name: sink.text(of: element), line: element.line)
        }
        let declared = Set(topics.map(\.id))
        let questions = questionElements.map { element in
            let question = question(element, into: &sink)
            if let topic = question.topic, !declared.isEmpty, !declared.contains(topic) {
                sink.report(element, attribute: "topic", "topic \"\(topic)\" is not declared; declare it with <topic id=\"\(topic)\">…</topic> or use one of: \(topics.map(\.id).joined(separator: ", "))")
            }
            return question
        }
        return QuestionBank(
            id: root[attribute: "id"] ?? "",
            language: root[attribute: "xml:lang"] ?? "th",
            title: titles.first { ($0[attribute: "xml:lang"] ?? "th") != "en" }.map { sink.text(of: $0) } ?? "",
            englishTitle: titles.first { $0[attribute: "xml:lang"] == "en" }.map { sink.text(of: $0) },
            topics: topics,
            questions: questions,
            line: root.line
        )
    }

    private static func question(_ element: XMLElement, into sink: inout DiagnosticSink) -> Question {
        let type = element[attribute: "type"].flatMap(QuestionType.init(rawValue:)) ?? .single
        let id = element[attribute: "id"] ?? ""
        let choiceElements = element.children(named: "choice")
        let choices = choiceElements.map { choice in
            Question.Choice(text: sink.text(of: choice), correct: ["true", "1"].contains(choice[attribute: "correct"] ?? ""), line: choice.line)
        }
        let answer = element.child(named: "answer").map { ["true", "1"].contains($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let accepted = element.children(named: "accept").map { sink.text(of: $0) }
        let pairs = element.children(named: "pair").map { pair in
            Question.Pair(left: pair.child(named: "left").map { sink.text(of: $0) } ?? "",
                          right: pair.child(named: "right").map { sink.text(of: $0) } ?? "",
                          line: pair.line)
        }
        checkAnswers(element, id: id, type: type, choices: choices, hasAnswer: answer != nil,
                     accepted: accepted, pairs: pairs, into: &sink)
        return Question(
            id: id,
            type: type,
            topic: element[attribute: "topic"],
            points: sink.integer(element, "points") ?? 1,
            shuffle: !["false", "0"].contains(element[attribute: "shuffle"] ?? "true"),
            prompt: element.child(named: "prompt").map { sink.text(of: $0) } ?? "",
            choices: choices,
            answer: answer,
            accepted: accepted,
            pairs: pairs,
            explanation: element.child(named: "explanation").map { sink.text(of: $0) },
            line: element.line
        )
    }

    private static func checkAnswers(_ element: XMLElement, id: String, type: QuestionType, choices: [Question.Choice],
                                     hasAnswer: Bool, accepted: [String], pairs: [Question.Pair],
                                     into sink: inout DiagnosticSink) {
        let name = "question \"\(id)\" (\(type.rawValue))"
        let correct = choices.filter(\.correct).count
        var allowed: Set<String> = []
        switch type {
        case .single:
            allowed = ["choice"]
            if choices.count < 2 { sink.report(element, "\(name) needs at least two <choice> elements") }
            if correct != 1 { sink.report(element, "\(name) must have exactly one choice with correct=\"true\"; it has \(correct)") }
        case .multiple:
            allowed = ["choice"]
            if choices.count < 2 { sink.report(element, "\(name) needs at least two <choice> elements") }
            if correct == 0 { sink.report(element, "\(name) has no choice with correct=\"true\"; mark at least one") }
        case .trueFalse:
            allowed = ["answer"]
            if !hasAnswer { sink.report(element, "\(name) needs <answer>true</answer> or <answer>false</answer>") }
        case .short:
            allowed = ["accept"]
            if accepted.isEmpty { sink.report(element, "\(name) needs at least one <accept> answer") }
        case .matching:
            allowed = ["pair"]
            if pairs.count < 2 { sink.report(element, "\(name) needs at least two <pair> elements") }
            let rights = pairs.map { ThaiText.answerKey($0.right) }
            if Set(rights).count != rights.count { sink.report(element, "\(name) has two pairs with the same right-hand side, so the match is ambiguous") }
        }
        for child in element.children where ["choice", "answer", "accept", "pair"].contains(child.name) && !allowed.contains(child.name) {
            sink.report(child, "<\(child.name)> does not belong in a \(type.rawValue) question")
        }
    }
}
