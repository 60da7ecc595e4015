import Foundation
import JariyaCore

/// The review policy in words, Thai first and English after in brackets, as
/// the officer's result says why the key waits and the trainer's pages say
/// what officers will see. The rule itself is `ReviewRule` in Core.
public enum ReviewWording {
    /// A sentence in both languages.
    public struct Words: Sendable {
        /// The Thai sentence.
        public var thai: String
        /// The same in English.
        public var english: String

        /// "ไทย (English)".
        public var joined: String { "\(thai) (\(english))" }
    }

    /// When a policy that shows the key at some point shows it, to "you";
    /// nil for `never`.
    public static func when(_ policy: ReviewPolicy, kind: TestKind, attempts: Int?, fiscalYear: FiscalYear?) -> Words? {
        switch policy {
        case .never:
            return nil
        case .afterSubmit:
            return Words(thai: "เมื่อส่งคำตอบ", english: "once you submit")
        case .afterPass:
            return Words(thai: "เมื่อสอบผ่าน", english: "once you pass")
        case .afterLastAttempt:
            guard let attempts else { return Words(thai: "เมื่อสอบผ่าน", english: "once you pass") }
            return kind == .posttest
                ? Words(thai: "เมื่อสอบผ่านหรือใช้สิทธิ์สอบครบ \(attempts) ครั้งแล้ว", english: "once you pass or have used all \(attempts) attempts")
                : Words(thai: "เมื่อใช้สิทธิ์สอบครบ \(attempts) ครั้งแล้ว", english: "once you have used all \(attempts) attempts")
        case .afterWindowCloses:
            guard let fiscalYear else {
                return Words(thai: "หลังสิ้นปีงบประมาณที่สอบ (30 กันยายน)", english: "after the fiscal year of the attempt ends on 30 September")
            }
            return Words(thai: "หลังสิ้นปีงบประมาณ \(fiscalYear.buddhistYear) (30 กันยายน \(fiscalYear.buddhistYear))",
                         english: "after fiscal year \(fiscalYear.buddhistYear) ends on 30 September \(fiscalYear.endingGregorianYear)")
        }
    }

    /// Why an officer's result holds no key, or not all of it; nil when all of it is shown.
    public static func officerNote(_ verdict: ReviewVerdict, course: Course, standings: [TestKind: TestStanding], now: Date) -> String? {
        guard !verdict.withheld.isEmpty, let kind = verdict.heldBy else { return nil }
        let standing = standings[kind]
        let policy = verdict.heldPolicy ?? .never
        let attempts = standing?.attemptsAllowed ?? (kind == .pretest ? course.pretest : course.posttest)?.attempts
        let condition = when(policy, kind: kind, attempts: attempts, fiscalYear: standing?.fiscalYear)
        // Only the open attempt stands in the way: say that, rather than a condition already met.
        let onlyTheOpenAttempt = standing.map { standing in
            var closed = standing
            closed.hasOpenAttempt = false
            return standing.hasOpenAttempt && policy.allowsKey(closed, now: now)
        } ?? false
        if kind == verdict.attemptKind {
            guard let condition else {
                return Words(thai: "เฉลยของแบบทดสอบนี้ไม่เปิดให้ดู", english: "the answers of this test are not shown").joined
            }
            if onlyTheOpenAttempt {
                return Words(thai: "เฉลยจะไม่แสดงระหว่างที่ยังทำแบบทดสอบนี้ค้างอยู่",
                             english: "answers are not shown while an attempt at this test is open").joined
            }
            return Words(thai: "เฉลยจะแสดง\(condition.thai)", english: "answers are shown \(condition.english)").joined
        }
        // A pre-test whose questions the post-test can draw: those wait for the post-test's rule.
        let count = verdict.withheld.count
        let which = Words(thai: "เฉลย \(count) ข้อที่อาจออกในแบบทดสอบหลังเรียน",
                          english: "the answers to the \(count) questions the post-test can also draw")
        guard let condition else {
            return Words(thai: "\(which.thai)ไม่เปิดให้ดู", english: "\(which.english) are not shown").joined
        }
        if onlyTheOpenAttempt {
            return Words(thai: "\(which.thai)จะไม่แสดงระหว่างที่ยังทำแบบทดสอบหลังเรียนค้างอยู่",
                         english: "\(which.english) are not shown while a post-test attempt is open").joined
        }
        return Words(thai: "\(which.thai)จะแสดง\(condition.thai)ในแบบทดสอบหลังเรียน",
                     english: "\(which.english) are shown \(condition.english) at the post-test").joined
    }

    /// What officers will see of a test's key, for the trainer's preview and
    /// published list: "แบบทดสอบหลังเรียน: ผู้เรียนจะเห็นเฉลย… (post-test: officers see …)".
    public static func forTrainer(_ course: Course, _ kind: TestKind) -> String? {
        guard let spec = kind == .pretest ? course.pretest : course.posttest else { return nil }
        let policy = spec.review.applied(to: kind)
        let attempts = kind == .pretest ? (spec.attempts ?? 1) : spec.attempts
        let test = kind == .pretest ? Words(thai: "แบบทดสอบก่อนเรียน", english: "pre-test") : Words(thai: "แบบทดสอบหลังเรียน", english: "post-test")
        var sentence: Words
        switch policy {
        case .never:
            sentence = kind == .posttest
                ? Words(thai: "ผู้เรียนจะไม่เห็นเฉลย เห็นเพียงคะแนนและผลผ่านหรือไม่ผ่าน",
                        english: "officers never see the answers, only their score and whether they passed")
                : Words(thai: "ผู้เรียนจะไม่เห็นเฉลย เห็นเพียงคะแนน", english: "officers never see the answers, only their score")
        case .afterSubmit:
            sentence = Words(thai: "ผู้เรียนจะเห็นเฉลยทันทีที่ส่งคำตอบ", english: "officers see the answers as soon as they submit")
        case .afterPass:
            sentence = Words(thai: "ผู้เรียนจะเห็นเฉลยเมื่อสอบผ่านแล้ว", english: "officers see the answers once they pass")
        case .afterLastAttempt:
            if let attempts {
                sentence = kind == .posttest
                    ? Words(thai: "ผู้เรียนจะเห็นเฉลยเมื่อสอบผ่านหรือใช้สิทธิ์สอบครบ \(attempts) ครั้งแล้ว",
                            english: "officers see the answers once they pass or have used all \(attempts) attempts")
                    : Words(thai: "ผู้เรียนจะเห็นเฉลยเมื่อใช้สิทธิ์สอบครบ \(attempts) ครั้งแล้ว",
                            english: "officers see the answers once they have used all \(attempts) attempts")
            } else {
                sentence = Words(thai: "ผู้เรียนจะเห็นเฉลยเมื่อสอบผ่านแล้ว เพราะสอบได้ไม่จำกัดครั้ง",
                                 english: "officers see the answers once they pass, as attempts are unlimited")
            }
        case .afterWindowCloses:
            sentence = Words(thai: "ผู้เรียนจะเห็นเฉลยเมื่อสิ้นปีงบประมาณที่สอบแล้ว (หลัง 30 กันยายน)",
                             english: "officers see the answers once the fiscal year they took the test in has ended (after 30 September)")
        }
        if kind == .pretest, policy != .never, let posttest = course.posttest, posttest.bank == spec.bank {
            sentence.thai += " ยกเว้นข้อที่อาจออกในแบบทดสอบหลังเรียน ซึ่งจะเห็นตามเงื่อนไขของแบบทดสอบหลังเรียน"
            sentence.english += ", except questions the post-test can also draw, which follow the post-test's rule"
        }
        return "\(test.thai): \(sentence.thai) (\(test.english): \(sentence.english))"
    }
}
