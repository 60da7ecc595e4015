import Foundation

/// A calendar day with no time or zone (Gregorian), as stored and compared.
/// Its text form is ISO 8601, "2024-09-30".
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Gregorian year.
    public var year: Int
    /// 1–12.
    public var month: Int
    /// 1–31.
    public var day: Int

    /// A day from its parts; no check is made here (see `init?(iso:)`).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The calendar day an instant falls on in a time zone.
    public init(_ instant: Date, in zone: TimeZone) {
        // The zone's offset at that instant, then plain arithmetic on days since
        // 1970 (the proleptic Gregorian calendar): a report converts every
        // session, test and completion, and a Calendar per call is too slow.
        let seconds = Int((instant.timeIntervalSince1970).rounded(.down)) + zone.secondsFromGMT(for: instant)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Parses "2024-09-30"; nil for anything else, including 2024-02-30.
    public init?(iso text: String) {
        // Read off the bytes: a report parses a day for every division membership.
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
        guard isValid else { return nil }
    }

    /// Parses a day as Thai spreadsheets write it, "25/11/2569" or "25/11/2026":
    /// day first, and a year above 2400 taken as Buddhist Era. Also accepts ISO.
    public init?(thaiInput text: String) {
        let trimmed = ThaiText.clean(ThaiText.answerKey(text))
        if let iso = CivilDate(iso: trimmed) { self = iso; return }
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), var year = Int(parts[2]) else { return nil }
        if year > 2400 { year -= 543 }
        self.init(year: year, month: month, day: day)
        guard isValid else { return nil }
    }

    /// Whether the day exists in the Gregorian calendar.
    public var isValid: Bool {
        guard (1...12).contains(month), day >= 1, (1...9999).contains(year) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// The Buddhist-Era year, Gregorian + 543.
    public var buddhistYear: Int { year + 543 }

    /// "2024-09-30".
    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
            + (m.count < 2 ? "0" : "") + m + "-" + (d.count < 2 ? "0" : "") + d
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
