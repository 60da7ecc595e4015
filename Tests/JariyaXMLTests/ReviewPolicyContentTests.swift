import Foundation
import JariyaCore
import Testing
@testable import JariyaXML

/// The review policy as a trainer writes it (issue 14, item 10).
@Suite struct ReviewPolicyContentTests {
    static func course(pretest: String = "", posttest: String = "") -> String {
        """
        <course xmlns="urn:jariya:course:1" id="c1">
          <title>ทดสอบ</title>
          <module id="m1"><title>บทที่ 1</title><p>ข้อความ</p></module>
          <pretest bank="ethics-basics" draw="2"\(pretest)/>
          <posttest bank="ethics-basics" draw="2" attempts="3"\(posttest)/>
          <completion><passed test="posttest"/></completion>
        </course>
        """
    }

    @Test(arguments: ["never", "after-pass", "after-last-attempt", "after-window-closes"])
    func theSchemaTakesEveryPostTestPolicy(policy: String) throws {
        let course = try ContentReader.course(bytes: Array(Self.course(posttest: " review=\"\(policy)\"").utf8), name: "c.xml")
        #expect(course.posttest?.review.rawValue == policy)
    }

    @Test(arguments: ["sometimes", "after-window-close", "AFTER-PASS", "after-submit-or-pass", ""])
    func theSchemaRefusesAnyOtherWord(policy: String) {
        #expect(throws: XMLFailure.self) {
            try SafeXML.load(bytes: Array(Self.course(posttest: " review=\"\(policy)\"").utf8), name: "c.xml")
        }
    }

    @Test func withoutAReviewAttributeTheDefaultsAreSafe() throws {
        let course = try ContentReader.course(bytes: Array(Self.course().utf8), name: "c.xml")
        #expect(course.posttest?.review == .afterLastAttempt, "no key while attempts remain")
        #expect(course.pretest?.review == .never, "the pre-test's key would be the post-test's when they share a bank")
    }

    @Test func theSampleCourseSaysItsPolicies() throws {
        let set = ContentChecker().check(paths: [RepositoryFiles.path("Courses/code-of-ethics.xml"),
                                                 RepositoryFiles.path("Quizzes/ethics-basics.xml")])
        let course = try #require(set.courses.first?.model)
        #expect(course.posttest?.review == .afterLastAttempt)
        #expect(course.pretest?.review == .never)
    }

    @Test func courseCheckRefusesAKeyOnSubmitForThePostTestAndAPassForThePreTest() throws {
        let folder = try ContentFolder()
        defer { folder.remove() }
        try folder.write("Quizzes/ethics-basics.xml", try RepositoryFiles.text("Quizzes/ethics-basics.xml"))
        let text = Self.course(pretest: " review=\"after-pass\"", posttest: " review=\"after-submit\"")
        let path = try folder.write("Courses/c1.xml", text)
        let set = ContentChecker().check(paths: [path])
        let found = set.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
        #expect(set.diagnostics.count == 2, "\(found)")
        #expect(found.contains { $0.hasPrefix("5:") && $0.contains("review=\"after-submit\"") && $0.contains("after-last-attempt (the default)") })
        #expect(found.contains { $0.hasPrefix("4:") && $0.contains("not pass/fail") })
        #expect(set.diagnostics.allSatisfy { $0.column > 1 })

        // A version published with them before still reads, held to safe rules.
        let published = try ContentReader.course(bytes: Array(text.utf8), name: "c1 v1")
        #expect(published.posttest?.review.applied(to: .posttest) == .afterLastAttempt)
        #expect(published.pretest?.review.applied(to: .pretest) == .never)
    }
}
