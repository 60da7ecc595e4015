import Foundation
import JariyaAPI
import JariyaCore

/// The conversation of `jariya quiz take`, one question at a time, in Thai.
struct QuizSession {
    var client: APIClient

    mutating func run(username given: String?, course wantedCourse: String?, test wantedTest: String?) async throws {
        let console = Console.current
        guard let username = given ?? ask("ชื่อผู้ใช้ (username): ") else { return }
        guard let password = console.readSecret("รหัสผ่าน (password): ") else { return }
        struct Credentials: Encodable { var username: String; var password: String }
        let login: LoginView = try await client.send("POST", "login", body: Credentials(username: username, password: password))
        client.token = login.token
        say("สวัสดี \(login.user.displayName)")

        let mine: MyCoursesView = try await client.send("GET", "me/courses")
        guard let course = try pickCourse(mine.courses, wanted: wantedCourse) else { return }
        let test = wantedTest ?? course.next
        guard test == "pretest" || test == "posttest" else {
            say(course.next == "done" ? "คุณผ่านหลักสูตร \(course.title) แล้ว ไม่มีแบบทดสอบที่ต้องทำ" : "ใช้สิทธิ์สอบหลักสูตรนี้ครบแล้ว")
            return
        }
        struct Start: Encodable { var test: String }
        var attempt: AttemptView = try await client.send("POST", "courses/\(course.id)/attempts", body: Start(test: test))
        let fetchedAt = Date()
        let title = test == "pretest" ? "แบบทดสอบก่อนเรียน (pre-test)" : "แบบทดสอบหลังเรียน (post-test)"
        say("")
        say("\(attempt.courseTitle)")
        say("\(title) ครั้งที่ \(attempt.number)\(attempt.attemptsAllowed.map { " จาก \($0)" } ?? "") — \(attempt.questions.count) ข้อ")
        if !attempt.answers.isEmpty { say("ทำต่อจากเดิม: ตอบไปแล้ว \(attempt.answers.count) ข้อ (resuming)") }
        say("ตอบแล้วกด Enter; เว้นว่างเพื่อข้าม; Ctrl-D เพื่อหยุดไว้ทำต่อภายหลัง")

        var seq = attempt.lastSeq
        for question in attempt.questions where attempt.answers[question.id] == nil {
            say("")
            say(String(repeating: "─", count: 78))
            var header = "ข้อ \(question.number)/\(attempt.questions.count)"
            if let left = attempt.secondsLeft {
                let remaining = max(0, left - Int(Date().timeIntervalSince(fetchedAt)))
                header += "   เหลือเวลา \(remaining / 60):\(remaining % 60 < 10 ? "0" : "")\(remaining % 60)"
            }
            say(header)
            TextWrap.lines(question.prompt).forEach(say)
            guard let answer = askAnswer(question) else {
                say("")
                say("หยุดไว้ก่อน คำตอบที่ตอบแล้วถูกบันทึกไว้ที่เซิร์ฟเวอร์ เรียกคำสั่งเดิมอีกครั้งเพื่อทำต่อ (stopped; run the same command to resume)")
                return
            }
            guard let answer else { continue }
            seq += 1
            struct Save: Encodable { var seq: Int; var answer: AnswerView }
            let _: SaveView = try await client.send("PUT", "attempts/\(attempt.id)/answers/\(question.id)", body: Save(seq: seq, answer: answer))
            attempt.answers[question.id] = answer
        }
        say("")
        let unanswered = attempt.questions.count - attempt.answers.count
        let question = unanswered > 0 ? "ยังไม่ได้ตอบ \(unanswered) ข้อ ส่งคำตอบเลยหรือไม่ (y/n): " : "ส่งคำตอบ (y/n): "
        guard let confirm = ask(question), ["y", "yes", "ใช่", "ส่ง"].contains(confirm.lowercased()) else {
            say("ยังไม่ได้ส่ง คำตอบถูกบันทึกไว้แล้ว เรียกคำสั่งเดิมเพื่อกลับมาส่ง (not submitted; answers are saved)")
            return
        }
        let result: ResultView = try await client.send("POST", "attempts/\(attempt.id)/submit")
        show(result, questions: attempt.questions)
    }

    private func pickCourse(_ courses: [MyCourseView], wanted: String?) throws -> MyCourseView? {
        if let wanted {
            guard let course = courses.first(where: { $0.id == wanted }) else {
                throw CLIError("no course \"\(wanted)\"; yours are: \(courses.map(\.id).joined(separator: ", "))")
            }
            return course
        }
        guard courses.count > 1 else {
            if courses.isEmpty { say("ยังไม่มีหลักสูตรที่เผยแพร่ (no published course)") }
            return courses.first
        }
        for (index, course) in courses.enumerated() { say("  \(index + 1)) \(course.title)") }
        while let line = ask("เลือกหลักสูตร (1–\(courses.count)): ") {
            if let number = Int(line), courses.indices.contains(number - 1) { return courses[number - 1] }
        }
        return nil
    }

    /// nil at end of input; .some(nil) to skip the question.
    private func askAnswer(_ question: QuestionView) -> AnswerView?? {
        switch question.type {
        case "single", "multiple":
            let choices = question.choices ?? []
            for (index, choice) in choices.enumerated() { Self.item("  \(index + 1)) ", choice) }
            let hint = question.type == "single" ? "ตอบ (เลือก 1 ข้อ): " : "ตอบ (เลือกได้หลายข้อ เช่น 1 3): "
            return readUntilValid(hint) { line in
                let numbers = Self.numbers(line)
                guard !numbers.isEmpty, numbers.allSatisfy({ (1...choices.count).contains($0) }),
                      question.type == "multiple" || numbers.count == 1 else { return nil }
                return AnswerView(choices: Array(Set(numbers.map { $0 - 1 })).sorted())
            }
        case "true-false":
            say("  1) ถูก   2) ผิด")
            return readUntilValid("ตอบ (1 หรือ 2): ") { line in
                switch line.lowercased() {
                case "1", "ถ", "ถูก", "t", "true": AnswerView(truth: true)
                case "2", "ผ", "ผิด", "f", "false": AnswerView(truth: false)
                default: nil
                }
            }
        case "matching":
            let lefts = question.lefts ?? []
            let rights = question.rights ?? []
            say("  ข้อซ้าย:")
            for (index, left) in lefts.enumerated() { Self.item("   \(Self.letters[index % Self.letters.count]). ", left) }
            say("  ข้อขวา:")
            for (index, right) in rights.enumerated() { Self.item("   \(index + 1)) ", right) }
            return readUntilValid("ตอบเลขข้อขวาเรียงตามข้อซ้าย (เช่น \((1...lefts.count).map(String.init).joined(separator: " "))): ") { line in
                let numbers = Self.numbers(line)
                guard numbers.count == lefts.count, numbers.allSatisfy({ (1...rights.count).contains($0) }) else { return nil }
                return AnswerView(matches: numbers.map { $0 - 1 })
            }
        default:
            return readUntilValid("ตอบ (พิมพ์คำตอบสั้น ๆ): ") { line in AnswerView(text: line) }
        }
    }

    private func readUntilValid(_ prompt: String, parse: (String) -> AnswerView?) -> AnswerView?? {
        while true {
            guard let line = ask(prompt) else { return nil }
            if line.isEmpty { return .some(nil) }
            if let answer = parse(line) { return .some(answer) }
            say("คำตอบไม่อยู่ในรูปแบบที่ถาม ลองอีกครั้ง (not a valid answer)")
        }
    }

    private func ask(_ prompt: String) -> String? {
        Console.current.out(prompt)
        return Console.current.readLine().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private func show(_ result: ResultView, questions: [QuestionView]) {
        say(String(repeating: "═", count: 78))
        say("ผลการทดสอบ: \(result.percent)% (\(result.earnedPoints) จาก \(result.possiblePoints) คะแนน)")
        if let passed = result.passed, let pass = result.passPercent {
            say(passed ? "ผ่าน (เกณฑ์ \(pass)%) — PASSED" : "ยังไม่ผ่าน (เกณฑ์ \(pass)%) — not passed")
        }
        if result.submittedBy == "deadline" { say("หมดเวลา: ส่งคำตอบที่บันทึกไว้โดยอัตโนมัติ (time ran out)") }
        // The note says what of the key waits, and why; with part of the key shown, both are said.
        if let note = result.reviewNote { TextWrap.lines(note).forEach(say) }
        guard let review = result.review else { return }
        say("")
        say("เฉลย (review)")
        for item in review {
            let mark = item.creditBasisPoints == 10_000 ? "✓" : (item.creditBasisPoints > 0 ? "½" : "✗")
            say("")
            TextWrap.lines("\(mark) ข้อ \(item.question.number). \(item.question.prompt)").forEach(say)
            say("   คำตอบของคุณ: \(Self.describe(item.yourAnswer, item.question))")
            say("   คำตอบที่ถูก: \(Self.describe(item.correctAnswer, item.question))")
            if let explanation = item.explanation { TextWrap.lines(explanation, indent: "   ").forEach(say) }
        }
    }

    /// Prints a labelled item, its continuation lines indented under the text.
    static func item(_ label: String, _ text: String) {
        let hanging = String(repeating: " ", count: TextTable.width(label))
        for (index, line) in TextWrap.lines(text, indent: hanging).enumerated() {
            say(index == 0 ? label + line.dropFirst(hanging.count) : line)
        }
    }

    static let letters = ["ก", "ข", "ค", "ง", "จ", "ฉ", "ช", "ซ", "ฌ", "ญ"]

    static func numbers(_ line: String) -> [Int] {
        line.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Int(ThaiText.answerKey(String($0))) }
    }

    static func describe(_ answer: AnswerView?, _ question: QuestionView) -> String {
        guard let answer else { return "(ไม่ได้ตอบ)" }
        if let choices = answer.choices {
            return choices.map { index in question.choices.flatMap { $0.indices.contains(index) ? "\(index + 1)) \($0[index])" : nil } ?? "?" }
                .joined(separator: "; ")
        }
        if let truth = answer.truth { return truth ? "ถูก" : "ผิด" }
        if let text = answer.text { return text }
        if let matches = answer.matches {
            return matches.enumerated().map { left, right in "\(letters[left % letters.count])→\(right + 1)" }.joined(separator: " ")
        }
        return "-"
    }
}
