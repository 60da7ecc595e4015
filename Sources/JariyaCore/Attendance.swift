import Crypto
import Foundation

/// How an officer stood at a lecture session.
public enum AttendanceStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// มา: on time.
    case present
    /// สาย: came late; still counts as attended.
    case late
    /// ลา: excused; does not count as attended.
    case excused
    /// ขาด: absent.
    case absent

    /// Whether the status counts toward a completion rule's attended sessions.
    public var counts: Bool { self == .present || self == .late }

    /// The Thai word used on sign-in sheets.
    public var thai: String {
        switch self {
        case .present: "มา"
        case .late: "สาย"
        case .excused: "ลา"
        case .absent: "ขาด"
        }
    }

    /// Reads a sheet's cell: Thai or English, or a tick for present.
    public init?(sheet cell: String) {
        switch ThaiText.answerKey(cell) {
        case "มา", "มาประชุม", "เข้าร่วม", "present", "p", "✓", "/", "1": self = .present
        case "สาย", "มาสาย", "late", "l": self = .late
        case "ลา", "excused", "e": self = .excused
        case "ขาด", "ไม่มา", "absent", "a", "0", "": self = .absent
        default: return nil
        }
    }
}

/// How an attendance fact was taken.
public enum CheckInMethod: String, Hashable, Sendable, Codable {
    /// The trainer's roll call.
    case roll
    /// The officer scanned the code shown in the room.
    case selfCheckIn = "self"
    /// Imported from a paper sign-in sheet.
    case sheet
}

/// The codes shown in the room for self check-in: six digits from an HMAC of
/// the session's secret and the current 30-second window, like an
/// authenticator app. The previous window's code is accepted too, for the
/// officer who scanned just before it changed.
public enum RotatingCode {
    /// How long one code is shown.
    public static let window: TimeInterval = 30

    /// The code for an instant.
    public static func code(secret: String, at instant: Date) -> String {
        code(secret: secret, window: Int64((instant.timeIntervalSince1970 / window).rounded(.down)))
    }

    static func code(secret: String, window: Int64) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(String(window).utf8), using: SymmetricKey(data: Data(secret.utf8)))
        let bytes = Array(mac)
        let number = (UInt32(bytes[0]) << 24 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 8 | UInt32(bytes[3])) % 1_000_000
        let text = String(number)
        return String(repeating: "0", count: 6 - text.count) + text
    }

    /// How long after a code is replaced it is still accepted: an officer who
    /// scanned it in its last seconds is not turned away, and otherwise only
    /// one code is valid at a time.
    public static let grace: TimeInterval = 10

    /// Whether `typed` is the code shown now, or the one before within the grace.
    public static func accepts(_ typed: String, secret: String, at instant: Date) -> Bool {
        let now = Int64((instant.timeIntervalSince1970 / window).rounded(.down))
        let intoWindow = instant.timeIntervalSince1970 - Double(now) * window
        let clean = ThaiText.answerKey(typed)
        let valid = intoWindow < grace ? [now, now - 1] : [now]
        return clean.count == 6 && valid.contains { code(secret: secret, window: $0) == clean }
    }
}

/// The facts a completion rule is judged on, for one officer, course and fiscal year.
public struct CompletionFacts: Equatable, Sendable {
    /// Sessions of the course attended (present or late) in the fiscal year.
    public var sessionsAttended: Int
    /// Tests submitted in the fiscal year.
    public var taken: Set<TestKind>
    /// Tests passed in the fiscal year.
    public var passed: Set<TestKind>

    /// Facts from their parts.
    public init(sessionsAttended: Int, taken: Set<TestKind>, passed: Set<TestKind>) {
        self.sessionsAttended = sessionsAttended
        self.taken = taken
        self.passed = passed
    }
}

extension CompletionRule {
    /// Whether the facts meet every condition of the rule.
    public func isMet(by facts: CompletionFacts) -> Bool {
        facts.sessionsAttended >= (attendedSessions ?? 0)
            && passed.allSatisfy(facts.passed.contains)
            && taken.allSatisfy { facts.taken.contains($0) || facts.passed.contains($0) }
    }
}
