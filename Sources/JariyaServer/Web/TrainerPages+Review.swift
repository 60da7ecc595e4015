import JariyaApp
import JariyaCore

extension TrainerPages {
    /// What officers will see of each test's answer key, one line a test,
    /// for the preview of an upload and the list of published courses.
    static func reviewLines(_ course: Course) -> [String] {
        TestKind.allCases.compactMap { ReviewWording.forTrainer(course, $0) }
    }

}
