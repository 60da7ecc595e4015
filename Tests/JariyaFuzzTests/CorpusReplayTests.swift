import Foundation
import JariyaFuzzTargets
import Testing

/// Replays the committed fuzz corpus (`Tests/Fuzz/Corpus/<target>/`) through
/// the same entry points libFuzzer drives, so every input the fuzzer ever
/// kept is checked again on every `make test`. `scripts/fuzz` grows the corpus.
@Suite struct CorpusReplayTests {
    /// `Tests/Fuzz`, beside this test target's folder.
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// One target's replay.
    struct Replay: Sendable {
        var target: FuzzTarget
        var inputs = 0
        var accepted = 0
        var failures: [String] = []
    }

    @Test func everyCorpusInputHoldsEveryInvariant() async throws {
        let started = Date()
        for target in FuzzTarget.allCases {
            let files = Self.files(in: Self.fuzzFolder.appendingPathComponent("Corpus/\(target.name)"))
            try #require(!files.isEmpty, "the fuzz corpus of \(target.name) is missing or empty: \(Self.fuzzFolder.path)/Corpus/\(target.name)")
        }
        let replays = await withTaskGroup(of: Replay.self) { group in
            for target in FuzzTarget.allCases {
                group.addTask { Self.replay(target) }
            }
            var all: [Replay] = []
            for await replay in group { all.append(replay) }
            return all.sorted { $0.target.name < $1.target.name }
        }
        FuzzTarget.removeScratchFiles()
        for replay in replays {
            for failure in replay.failures { Issue.record("\(failure)") }
        }
        let counts = replays.map { "\($0.target.name) \($0.inputs) inputs (\($0.accepted) accepted)" }
        let pending = FuzzTarget.allCases.map { target in
            (target.name, Self.files(in: Self.fuzzFolder.appendingPathComponent("Crashes/\(target.name)")).count)
        }.filter { $0.1 > 0 }
        print("fuzz replay: \(counts.joined(separator: ", ")) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
              + (pending.isEmpty ? "" : "; not replayed, in Tests/Fuzz/Crashes: " + pending.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))
    }

    @Test func theFolderOfKnownCrashesIsNotPartOfTheCorpus() {
        for target in FuzzTarget.allCases {
            let corpus = Set(Self.files(in: Self.fuzzFolder.appendingPathComponent("Corpus/\(target.name)")).compactMap { FileManager.default.contents(atPath: $0.path) })
            for crash in Self.files(in: Self.fuzzFolder.appendingPathComponent("Crashes/\(target.name)")) {
                guard let bytes = FileManager.default.contents(atPath: crash.path) else { continue }
                #expect(!corpus.contains(bytes), "\(crash.lastPathComponent) is both a known crash and in the replayed corpus of \(target.name)")
            }
        }
    }

    static func replay(_ target: FuzzTarget) -> Replay {
        var result = Replay(target: target)
        for file in files(in: fuzzFolder.appendingPathComponent("Corpus/\(target.name)")) {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                result.failures.append("\(target.name)/\(file.lastPathComponent): cannot be read")
                continue
            }
            let report = target.run([UInt8](data))
            result.inputs += 1
            if report.accepted { result.accepted += 1 }
            for violation in report.violations {
                result.failures.append("\(target.name)/\(file.lastPathComponent): \(violation)")
            }
        }
        return result
    }

    /// The regular files of a folder, not hidden ones (a README is skipped), sorted; none when it is missing.
    static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { folder.appendingPathComponent($0) }
    }
}
