import Foundation
import JariyaFuzzTargets

#if JARIYA_LIBFUZZER
import CLibFuzzer

// Built by scripts/fuzz with `-sanitize=fuzzer -D JARIYA_LIBFUZZER`: libFuzzer
// calls LLVMFuzzerTestOneInput with each input it makes. SwiftPM links an
// executable's main to `jariya_fuzz_main`, which hands over to libFuzzer.
// The target is named by JARIYA_FUZZ_TARGET; JARIYA_FUZZ_STRICT=1 adds the
// pending invariants. A broken invariant aborts, which libFuzzer records as a
// crash and saves the input.

private let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["JARIYA_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(Data("jariya-fuzz: set JARIYA_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    atexit { FuzzTarget.removeScratchFiles() }
    return target
}()

private let selectedOptions = FuzzOptions.fromEnvironment()

@_cdecl("jariya_fuzz_main")
public func jariyaFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzTestOneInput(data, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let report = selectedTarget.run(bytes, options: selectedOptions)
    if !report.violations.isEmpty {
        for violation in report.violations {
            FileHandle.standardError.write(Data("jariya-fuzz \(selectedTarget.name): \(violation)\n".utf8))
        }
        abort()
    }
    return 0
}

#else

/// Without libFuzzer (a plain `swift build`): replays files through a target,
/// to reproduce a finding under the debugger or with a plain stack trace.
///
///     jariya-fuzz [--strict] TARGET FILE_OR_FOLDER…
@main
enum JariyaFuzz {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let strict = arguments.first == "--strict"
        if strict { arguments.removeFirst() }
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            let names = FuzzTarget.allCases.map(\.name).joined(separator: "|")
            print("usage: jariya-fuzz [--strict] \(names) FILE_OR_FOLDER…")
            print("Replays inputs through a fuzz target and prints every broken invariant.")
            print("The libFuzzer build of this program is made by scripts/fuzz.")
            exit(2)
        }
        let files = arguments.dropFirst().flatMap(inputs)
        var broken = 0
        var accepted = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                print("\(file): cannot read")
                broken += 1
                continue
            }
            let started = Date()
            let report = target.run([UInt8](data), options: FuzzOptions(strict: strict))
            let seconds = Date().timeIntervalSince(started)
            if report.accepted { accepted += 1 }
            if !report.violations.isEmpty { broken += 1 }
            for violation in report.violations { print("\(file): \(violation)") }
            if seconds > 1 { print("\(file): slow, \(String(format: "%.1f", seconds)) s") }
        }
        FuzzTarget.removeScratchFiles()
        print("\(target.name): \(files.count) inputs, \(accepted) accepted, \(broken) broke an invariant")
        exit(broken == 0 ? 0 : 1)
    }

    /// The file, or the files in the folder (not hidden), sorted.
    static func inputs(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" }
    }
}

#endif
