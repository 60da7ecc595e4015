import JariyaCore

/// Turns a validated `<course>` tree into a `Course`, reporting what the schema
/// cannot: blank text, repeated ids, a pass mark outside 1–100, a completion
/// rule naming a test the course does not have.
enum CourseReader {
    static func read(_ root: XMLElement, into sink: inout DiagnosticSink) -> Course {
        let titles = root.children(named: "title")
        let thaiTitle = titles.first { ($0[attribute: "xml:lang"] ?? "th") != "en" }
        let englishTitle = titles.first { $0[attribute: "xml:lang"] == "en" }
        reportRepeatedLanguages(titles, in: &sink)
        let modules = root.children(named: "module")
        sink.reportDuplicates(modules, kind: "module")

        let pretest = root.child(named: "pretest").map { test($0, kind: .pretest, into: &sink) }
        let posttest = root.child(named: "posttest").map { test($0, kind: .posttest, into: &sink) }
        var completion = CompletionRule(attendedSessions: nil, passed: [], taken: [])
        for condition in root.child(named: "completion")?.children ?? [] {
            let kind = condition[attribute: "test"].flatMap(TestKind.init(rawValue:))
            switch condition.name {
            case "attended": completion.attendedSessions = sink.integer(condition, "sessions")
            case "passed": if let kind { completion.passed.append(kind) }
            case "took": if let kind { completion.taken.append(kind) }
            default: break
            }
            if let kind, (kind == .pretest ? pretest : posttest) == nil {
                sink.report(condition, attribute: "test", "the completion rule needs a \(kind.rawValue), but the course has no <\(kind.rawValue)>")
            }
        }

        return Course(
            id: root[attribute: "id"] ?? "",
            language: root[attribute: "xml:lang"] ?? "th",
            title: thaiTitle.map { sink.text(of: $0) } ?? "",
            englishTitle: englishTitle.map { sink.text(of: $0) },
            summary: root.children(named: "summary").first { ($0[attribute: "xml:lang"] ?? "th") != "en" }.map { sink.text(of: $0) } ?? "",
            measures: root.children(named: "measure").map { measure($0, into: &sink) },
            modules: modules.map { module($0, into: &sink) },
            pretest: pretest,
            posttest: posttest,
            completion: completion,
            certificateTemplate: root.child(named: "certificate")?[attribute: "template"],
            certificateLine: root.child(named: "certificate")?.line,
            line: root.line
        )
    }

    private static func reportRepeatedLanguages(_ titles: [XMLElement], in sink: inout DiagnosticSink) {
        if titles.count == 2, (titles[0][attribute: "xml:lang"] ?? "th") == (titles[1][attribute: "xml:lang"] ?? "th") {
            sink.report(titles[1], "a second <title> must be in another language (xml:lang=\"en\")")
        }
    }

    private static func measure(_ element: XMLElement, into sink: inout DiagnosticSink) -> Measure {
        let question = element.child(named: "question")
        let quarters = (element.child(named: "period")?[attribute: "quarters"] ?? "")
            .split(separator: " ").compactMap { Int($0) }
        return Measure(
            plan: element[attribute: "plan"] ?? "",
            issue: sink.integer(element, "issue") ?? 0,
            question: question.map { sink.text(of: $0) } ?? "",
            questionCode: question?[attribute: "code"],
            finding: element.child(named: "finding").map { sink.text(of: $0) } ?? "",
            steps: element.children(named: "step").map { sink.text(of: $0) },
            quarters: quarters,
            responsible: element.child(named: "responsible").map { sink.text(of: $0) } ?? ""
        )
    }

    private static func module(_ element: XMLElement, into sink: inout DiagnosticSink) -> Module {
        var blocks: [Module.Block] = []
        for child in element.children {
            switch child.name {
            case "p":
                blocks.append(.paragraph(sink.text(of: child)))
            case "list":
                let items = child.children(named: "item").map { sink.text(of: $0) }
                blocks.append(.list(items: items, ordered: child[attribute: "ordered"] == "true" || child[attribute: "ordered"] == "1"))
            case "note":
                blocks.append(.note(kind: child[attribute: "kind"] ?? "note", text: sink.text(of: child)))
            case "figure":
                let alt = ThaiText.clean(child[attribute: "alt"] ?? "")
                if alt.isEmpty { sink.report(child, attribute: "alt", "a <figure> needs alt text describing the picture for officers who cannot see it") }
                blocks.append(.figure(source: child[attribute: "src"] ?? "", alt: alt))
            default:
                break
            }
        }
        return Module(
            id: element[attribute: "id"] ?? "",
            title: element.child(named: "title").map { sink.text(of: $0) } ?? "",
            blocks: blocks,
            line: element.line
        )
    }

    private static func test(_ element: XMLElement, kind: TestKind, into sink: inout DiagnosticSink) -> TestSpec {
        let passPercent = sink.integer(element, "pass-percent") ?? 80
        if !(1...100).contains(passPercent) {
            sink.report(element, attribute: "pass-percent", "pass-percent is \(passPercent); it must be from 1 to 100")
        }
        let draws = element.children(named: "draw").map { draw in
            TestSpec.TopicDraw(topic: draw[attribute: "topic"] ?? "", count: sink.integer(draw, "count") ?? 0, line: draw.line)
        }
        let draw = sink.integer(element, "draw")
        if draw == nil && draws.isEmpty {
            sink.report(element, "<\(element.name)> draws no questions; give draw=\"N\" or <draw topic=\"…\" count=\"N\"/> children")
        }
        var seen: Set<String> = []
        for (child, spec) in zip(element.children(named: "draw"), draws) where !seen.insert(spec.topic).inserted {
            sink.report(child, attribute: "topic", "topic \"\(spec.topic)\" is drawn from twice; add the counts into one <draw>")
        }
        return TestSpec(
            bank: element[attribute: "bank"] ?? "",
            draw: draw,
            topicDraws: draws,
            passPercent: passPercent,
            attempts: sink.integer(element, "attempts"),
            minutes: sink.integer(element, "minutes"),
            // No review attribute: the test's safe default (ReviewPolicy.standard).
            review: element[attribute: "review"].flatMap(ReviewPolicy.init(rawValue:)) ?? .standard(for: kind),
            line: element.line
        )
    }
}
