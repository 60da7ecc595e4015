import Foundation
import JariyaAPI
import JariyaCore
import JariyaStore

extension QuizEngine {
    /// The published courses with where the officer stands in each, this fiscal year.
    public func myCourses(user: User) throws -> MyCoursesView {
        let fiscalYear = FiscalYear(containing: clock()).buddhistYear
        var courses: [MyCourseView] = []
        for published in try content.currentCourses(agencyID: user.agencyId) {
            let (version, course) = (published.version, published.course)
            let attempts = try database.attempts(userID: user.id ?? 0, courseKey: version.courseKey, fiscalYear: fiscalYear)
            func status(_ kind: TestKind, _ spec: TestSpec?) -> TestStatusView? {
                guard let spec else { return nil }
                let mine = attempts.filter { $0.kind == kind }
                let best = Grading.best(mine.compactMap(\.score))
                return TestStatusView(
                    questions: spec.questionCount, passPercent: kind == .posttest ? spec.passPercent : nil, minutes: spec.minutes,
                    attemptsAllowed: kind == .pretest ? (spec.attempts ?? 1) : spec.attempts, attemptsUsed: mine.count,
                    openAttempt: mine.first { !$0.isSubmitted }?.publicId, bestBasisPoints: best?.percent,
                    passed: kind == .posttest ? mine.contains { $0.passed == true } : nil)
            }
            let pretest = status(.pretest, course.pretest)
            let posttest = status(.posttest, course.posttest)
            let next: String
            if let pretest, pretest.attemptsUsed == 0 || pretest.openAttempt != nil {
                next = "pretest"
            } else if let posttest, posttest.passed != true {
                next = posttest.attemptsAllowed.map { posttest.attemptsUsed < $0 || posttest.openAttempt != nil } ?? true ? "posttest" : "no-attempts-left"
            } else {
                next = "done"
            }
            courses.append(MyCourseView(id: version.courseKey, version: version.version, title: version.title, summary: version.summary,
                                        fiscalYear: fiscalYear, pretest: pretest, posttest: posttest, next: next))
        }
        return MyCoursesView(user: UserView(user), courses: courses)
    }
}
