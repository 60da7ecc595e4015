import Foundation

/// The readers of untrusted input that are fuzzed, each behind one entry point
/// that takes raw bytes, runs the real reader and checks what came out.
///
/// libFuzzer (`jariya-fuzz`, built by `scripts/fuzz`) and the corpus replay in
/// `JariyaFuzzTests` call the same `run`, so an input the fuzzer kept is
/// replayed exactly as it was found.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Courses and question banks: the safe parser, the schemas, the readers,
    /// and the checks of `jariya course check`.
    case xml
    /// HR's roster CSV (UTF-8 with or without BOM, or Windows-874).
    case roster
    /// The paper sign-in sheet typed into a spreadsheet.
    case signinSheet = "signin-sheet"
    /// Every JSON body the API accepts, and the JSON files and responses the CLI reads.
    case json

    /// The folder name of the target's corpus and its value of `JARIYA_FUZZ_TARGET`.
    public var name: String { rawValue }

    /// Removes the files the targets wrote for this process (the xml target's
    /// content root); call it when the process is done.
    public static func removeScratchFiles() {
        try? FileManager.default.removeItem(atPath: XMLEnvironment.rootPath)
    }

    /// Runs one input through the target.
    public func run(_ bytes: [UInt8], options: FuzzOptions = .standard) -> FuzzReport {
        var checks = Checks(options: options)
        let accepted: Bool
        switch self {
        case .xml: accepted = XMLTarget.run(bytes, &checks)
        case .roster: accepted = RosterTarget.run(bytes, &checks)
        case .signinSheet: accepted = SignInSheetTarget.run(bytes, &checks)
        case .json: accepted = JSONTarget.run(bytes, &checks)
        }
        return FuzzReport(accepted: accepted, violations: checks.violations)
    }
}

/// Which invariants are checked.
public struct FuzzOptions: Sendable, Equatable {
    /// Also check the invariants of `Pending`: rules the readers are known to
    /// break today and that are being fixed. Off for the replay, so the suite
    /// stays green; on with `JARIYA_FUZZ_STRICT=1` to find inputs that show them.
    public var strict: Bool

    /// The default: every invariant except the pending ones.
    public static let standard = FuzzOptions(strict: false)
    /// Every invariant, the pending ones too.
    public static let strictChecks = FuzzOptions(strict: true)

    /// Options from the environment: `JARIYA_FUZZ_STRICT=1` turns on the pending checks.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> FuzzOptions {
        FuzzOptions(strict: ["1", "yes", "true"].contains(environment["JARIYA_FUZZ_STRICT"]?.lowercased() ?? ""))
    }

    /// Options with `strict` as given.
    public init(strict: Bool) { self.strict = strict }
}

/// Invariants the readers break today, each with its issue. A check listed
/// here runs only with `FuzzOptions.strict`; once the reader is fixed, its
/// check is moved out of here (call `expect` instead of `expectPending`).
public enum Pending: String, CaseIterable, Sendable {
    /// Found by this fuzzing: `POST /api/v1/sessions` took times whose
    /// Bangkok calendar day is outside the years 1–9999 (`CivilDate.isValid`).
    /// The store now refuses any session outside fiscal years 2501 to five
    /// years ahead, but this target decodes the body alone and cannot see that.
    case sessionDayOutsideCalendar = "a session time outside the calendar"
}

/// What one input did.
public struct FuzzReport: Sendable, Equatable {
    /// Whether the reader accepted the input (a course, a roster, a decoded body).
    public var accepted: Bool
    /// Every invariant the input broke, in words; empty when all held.
    public var violations: [String]
}

/// Collects broken invariants while a target runs.
struct Checks {
    let options: FuzzOptions
    private(set) var violations: [String] = []

    init(options: FuzzOptions) { self.options = options }

    /// Records `message` when `condition` is false.
    mutating func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { violations.append(message()) }
    }

    /// As `expect`, for an invariant that is known to be broken today; only checked when strict.
    mutating func expectPending(_ pending: Pending, _ condition: Bool, _ message: @autoclosure () -> String) {
        if options.strict && !condition { violations.append("[pending: \(pending.rawValue)] \(message())") }
    }
}

/// Small facts about input bytes that the invariants are stated in.
enum InputFacts {
    /// An upper bound on the 1-based line numbers a reader may report: every
    /// CR and every LF counted as a line break, so CRLF counts twice.
    static func lineBound(_ bytes: [UInt8]) -> Int {
        bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    }

    /// Whether the bytes are well-formed UTF-8.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The first control character in text (C0, DEL or C1), if any, as `U+XXXX`.
    static func controlCharacter(in text: String) -> String? {
        text.unicodeScalars.first { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
            .map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
    }

    /// Whether a run of ASCII digits anywhere in the bytes reads as `limit` or more.
    static func holdsNumber(atLeast limit: Int, _ bytes: [UInt8]) -> Bool {
        var value = 0
        for byte in bytes {
            if (0x30...0x39).contains(byte) {
                value = value > limit / 10 ? limit : value * 10 + Int(byte - 0x30)
                if value >= limit { return true }
            } else {
                value = 0
            }
        }
        return false
    }

    /// Text cut to a length that keeps a violation message readable.
    static func excerpt(_ text: String, _ limit: Int = 60) -> String {
        let escaped = text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return escaped.count > limit ? String(escaped.prefix(limit)) + "…" : escaped
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
