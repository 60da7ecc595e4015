import JariyaCore
import JariyaStore
import JariyaXML

extension TrainerPages {
    /// What officers will see of each test's answer key, one line a test,
    /// for the preview of an upload and the list of published courses.
    static func reviewLines(_ course: Course) -> [String] {
        TestKind.allCases.compactMap { ReviewWording.forTrainer(course, $0) }
    }

    /// The same for a published version, read from the source it was published with.
    static func reviewLines(published version: CourseVersion) -> [String] {
        guard let course = try? ContentReader.course(bytes: [UInt8](version.source), name: "\(version.courseKey) v\(version.version)") else {
            return []
        }
        return reviewLines(course)
    }
}
