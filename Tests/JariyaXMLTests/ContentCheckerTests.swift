import Foundation
import JariyaCore
import Testing
@testable import JariyaXML

@Suite struct ContentCheckerTests {
    @Test func theSampleContentIsValid() throws {
        let set = ContentChecker().check(paths: [RepositoryFiles.path("Courses/code-of-ethics.xml"),
                                                 RepositoryFiles.path("Quizzes/ethics-basics.xml")])
        #expect(set.diagnostics.map(\.description) == [])
        let course = try #require(set.courses.first?.model)
        let bank = try #require(set.banks.first?.model)
        #expect(course.modules.count >= 5)
        #expect(course.measures.first?.issue == 6)
        #expect(course.measures.first?.quarters == [1, 2, 3, 4])
        #expect(bank.questions.count >= 40)
        #expect(Set(bank.questions.map(\.type)) == Set(QuestionType.allCases))
        #expect(bank.questions.allSatisfy { $0.explanation?.isEmpty == false })
    }

    @Test func theEditorCopiesOfTheSchemasMatchTheShippedOnes() throws {
        #expect(try RepositoryFiles.text("Courses/schema/course.xsd") == ContentSchema.course.source)
        #expect(try RepositoryFiles.text("Quizzes/schema/quiz.xsd") == ContentSchema.quiz.source)
    }

    @Test func fivePlantedMistakesGiveFiveLinesAtTheirPlaces() throws {
        let folder = try ContentFolder()
        defer { folder.remove() }
        try folder.write("Quizzes/ethics-basics.xml", try RepositoryFiles.text("Quizzes/ethics-basics.xml"))
        try folder.write("Certificates/standard.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        let original = try RepositoryFiles.text("Courses/code-of-ethics.xml")
        let broken = original
            .replacingOnce("<module id=\"local-code\">", with: "<module id=\"standards\">")
            .replacingOnce("<pretest bank=\"ethics-basics\"", with: "<pretest bank=\"no-such-bank\"")
            .replacingOnce("pass-percent=\"80\"", with: "pass-percent=\"120\"")
            .replacingOnce("<certificate template=\"standard\"/>", with: "<certificate template=\"fancy\"/>")
            .replacingOnce(Self.giftsTitle(original), with: "<module id=\"gifts\">\n    <title>   </title>")
        let path = try folder.write("Courses/broken.xml", broken)

        let set = ContentChecker().check(paths: [path])

        let lines = set.diagnostics.map(\.line)
        #expect(set.diagnostics.count == 5, "\(set.diagnostics.map(\.description))")
        let duplicateLine = try #require(original.line(of: "<module id=\"local-code\">"))
        #expect(lines.contains(duplicateLine))
        #expect(lines.contains(try #require(broken.line(of: "<pretest bank=\"no-such-bank\""))))
        #expect(lines.contains(try #require(broken.line(of: "pass-percent=\"120\""))))
        #expect(lines.contains(try #require(broken.line(of: "<certificate template=\"fancy\"/>"))))
        #expect(lines.contains(try #require(broken.line(of: "<module id=\"gifts\">")) + 1))
        let text = set.diagnostics.map(\.description).joined(separator: "\n")
        #expect(text.contains("duplicate module id \"standards\""))
        #expect(text.contains("no-such-bank"))
        #expect(text.contains("pass-percent is 120"))
        #expect(text.contains("certificate template \"fancy\""))
        #expect(text.contains("<title> is empty"))
        #expect(set.diagnostics.allSatisfy { $0.file == path && $0.column > 1 })
    }

    /// The gifts module's start tag and title, whatever the title says.
    static func giftsTitle(_ text: String) -> String {
        let start = text.range(of: "<module id=\"gifts\">")!
        let end = text.range(of: "</title>", range: start.upperBound..<text.endIndex)!
        return String(text[start.lowerBound..<end.upperBound])
    }

    @Test func schemaErrorsCarryLineAndColumn() throws {
        let text = """
            <course xmlns="urn:jariya:course:1" id="c1">
              <title>ทดสอบ</title>
              <module id="m1"><title>บทที่ 1</title><p>ข้อความ</p></module>
              <posttest bank="b" draw="2" review="sometimes"/>
              <completion><passed test="posttest"/></completion>
            </course>
            """
        do {
            _ = try SafeXML.load(bytes: Array(text.utf8), name: "c.xml")
            Issue.record("accepted an invalid review policy")
        } catch {
            let problem = try #require(error.diagnostics.first)
            #expect(problem.line == 4)
            #expect(problem.column == 31)
            #expect(problem.message.contains("review"))
            #expect(!problem.message.contains("{urn:"))
        }
    }

    @Test func questionRulesBeyondTheSchema() throws {
        let folder = try ContentFolder()
        defer { folder.remove() }
        let bank = """
            <bank xmlns="urn:jariya:quiz:1" id="b1">
              <title>คลังทดสอบ</title>
              <topic id="gifts">ของขวัญ</topic>
              <question id="q1" type="single" topic="gifts">
                <prompt>ข้อใดถูก</prompt><choice correct="true">ก</choice><choice correct="true">ข</choice>
              </question>
              <question id="q2" type="multiple" topic="gifts">
                <prompt>ข้อใดถูก</prompt><choice>ก</choice><choice>ข</choice>
              </question>
              <question id="q1" type="true-false" topic="gifts">
                <prompt>จริงหรือไม่</prompt><answer>true</answer>
              </question>
              <question id="q4" type="short" topic="nowhere">
                <prompt>   </prompt><accept>3000</accept>
              </question>
              <question id="q5" type="matching" topic="gifts">
                <prompt>จับคู่</prompt><choice>ผิดที่</choice>
                <pair><left>ก</left><right>x</right></pair><pair><left>ข</left><right>y</right></pair>
              </question>
            </bank>
            """
        let path = try folder.write("Quizzes/b1.xml", bank)
        let set = ContentChecker().check(paths: [path])
        let found = set.diagnostics.map { "\($0.line): \($0.message)" }
        #expect(found.contains { $0.hasPrefix("4: ") && $0.contains("exactly one choice") && $0.contains("it has 2") })
        #expect(found.contains { $0.hasPrefix("7: ") && $0.contains("no choice with correct") })
        #expect(found.contains { $0.hasPrefix("10: ") && $0.contains("duplicate question id \"q1\" (first used on line 4)") })
        #expect(found.contains { $0.hasPrefix("13: ") && $0.contains("topic \"nowhere\" is not declared") })
        #expect(found.contains { $0.hasPrefix("14: ") && $0.contains("<prompt> is empty") })
        #expect(found.contains { $0.hasPrefix("17: ") && $0.contains("<choice> does not belong in a matching question") })
        #expect(set.diagnostics.count == 6, "\(found)")
    }

    @Test func drawsMustFitTheBankAndItsTopics() throws {
        let folder = try ContentFolder()
        defer { folder.remove() }
        let questions = (1...3).map { number in
            "<question id=\"q\(number)\" type=\"true-false\" topic=\"\(number == 1 ? "a" : "b")\"><prompt>ข้อ \(number)</prompt><answer>true</answer></question>"
        }.joined(separator: "\n")
        try folder.write("Quizzes/small.xml", "<bank xmlns=\"urn:jariya:quiz:1\" id=\"small\"><title>เล็ก</title><topic id=\"a\">ก</topic><topic id=\"b\">ข</topic>\n\(questions)\n</bank>")
        let course = """
            <course xmlns="urn:jariya:course:1" id="c1">
              <title>ทดสอบ</title>
              <module id="m1"><title>บทที่ 1</title><p>ข้อความ</p></module>
              <pretest bank="small" draw="4"/>
              <posttest bank="small">
                <draw topic="a" count="2"/>
                <draw topic="zzz" count="1"/>
              </posttest>
              <completion><passed test="posttest"/><took test="pretest"/></completion>
            </course>
            """
        let path = try folder.write("Courses/c1.xml", course)
        let set = ContentChecker().check(paths: [path])
        let found = set.diagnostics.map { "\($0.line): \($0.message)" }
        #expect(found.contains { $0.hasPrefix("4: ") && $0.contains("draws 4 questions but bank \"small\" has only 3") })
        #expect(found.contains { $0.hasPrefix("6: ") && $0.contains("draws 2 questions on \"a\"") && $0.contains("only 1") })
        #expect(found.contains { $0.hasPrefix("7: ") && $0.contains("no topic \"zzz\"") })
        #expect(set.diagnostics.count == 3, "\(found)")
    }

    @Test func aBankAlreadyPublishedSatisfiesACourse() throws {
        let folder = try ContentFolder()
        defer { folder.remove() }
        let course = """
            <course xmlns="urn:jariya:course:1" id="c1"><title>ทดสอบ</title>
              <module id="m1"><title>บท</title><p>ข้อความ</p></module>
              <posttest bank="elsewhere" draw="1"/><completion><passed test="posttest"/></completion></course>
            """
        let path = try folder.write("Courses/c1.xml", course)
        #expect(ContentChecker().check(paths: [path]).diagnostics.count == 1)
        let published = QuestionBank(id: "elsewhere", language: "th", title: "t", englishTitle: nil, topics: [],
                                     questions: [Question(id: "q", type: .trueFalse, topic: nil, points: 1, shuffle: true, prompt: "p",
                                                          choices: [], answer: true, accepted: [], pairs: [], explanation: nil, line: 1)],
                                     line: 1)
        #expect(ContentChecker(publishedBanks: ["elsewhere": published]).check(paths: [path]).isValid)
    }
}
