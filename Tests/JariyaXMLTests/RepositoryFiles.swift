import Foundation

/// Paths to the repository's own content, which the tests check as trainers would.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}

/// A scratch folder laid out like the repository (Courses/, Quizzes/, Certificates/).
struct ContentFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-content-\(UUID().uuidString)")
        for folder in ["Courses", "Quizzes", "Certificates"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(relative)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension String {
    /// The 1-based line of the first occurrence of `needle`.
    func line(of needle: String) -> Int? {
        guard let range = range(of: needle) else { return nil }
        return self[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// Replaces exactly one occurrence, failing loudly when there is none.
    func replacingOnce(_ old: String, with new: String) -> String {
        guard let range = range(of: old) else { fatalError("fixture text not found: \(old)") }
        return replacingCharacters(in: range, with: new)
    }
}
