import Foundation
import GRDB

/// Dates as the database stores them, "yyyy-MM-dd HH:mm:ss.SSS" in UTC,
/// written and read without Foundation's formatters. GRDB's own conversion
/// goes through `DateFormatter` and `Calendar`, which on the answer-save path
/// cost more than the SQL. The text is exactly GRDB's (a test holds the two
/// to each other), so rows written either way compare and sort alike.
enum StoredDate {
    private static let millisecondsPerDay: Int64 = 86_400_000

    /// The stored text of a date, to the nearest millisecond as GRDB rounds it.
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = milliseconds / millisecondsPerDay
        var rest = milliseconds % millisecondsPerDay
        if rest < 0 { rest += millisecondsPerDay; days -= 1 }
        let (year, month, day) = civil(days)
        let hour = rest / 3_600_000, minute = rest / 60_000 % 60, second = rest / 1000 % 60, milli = rest % 1000
        var bytes: [UInt8] = []
        bytes.reserveCapacity(23)
        func digits(_ value: Int64, _ count: Int) {
            var padded = [UInt8](repeating: 48, count: count)
            var value = value
            for index in stride(from: count - 1, through: 0, by: -1) {
                padded[index] = UInt8(48 + value % 10)
                value /= 10
            }
            bytes += padded
        }
        digits(year, 4); bytes.append(45); digits(month, 2); bytes.append(45); digits(day, 2); bytes.append(32)
        digits(hour, 2); bytes.append(58); digits(minute, 2); bytes.append(58); digits(second, 2); bytes.append(46)
        digits(milli, 3)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The date of a stored text in exactly that form; nil for anything else
    /// (the caller then asks GRDB, which reads every form it ever wrote).
    static func date(_ text: String) -> Date? {
        var utf8 = text.utf8.makeIterator()
        var parts: [Int64] = []
        var value: Int64 = 0, length = 0
        let separators: [UInt8] = [45, 45, 32, 58, 58, 46]
        let lengths = [4, 2, 2, 2, 2, 2, 3]
        while let byte = utf8.next() {
            if byte >= 48 && byte <= 57 {
                value = value * 10 + Int64(byte - 48)
                length += 1
                continue
            }
            guard parts.count < separators.count, byte == separators[parts.count], length == lengths[parts.count] else { return nil }
            parts.append(value)
            value = 0
            length = 0
        }
        guard parts.count == 6, length == 3 else { return nil }
        parts.append(value)
        let (year, month, day, hour, minute, second, milli) = (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6])
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        // Whole seconds and the fraction apart, as Foundation's calendar adds them.
        let seconds = days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + Double(milli * 1_000_000) / 1_000_000_000)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    private static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (civil_from_days).
    private static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Row {
    /// A stored date read the quick way, and GRDB's way for any other form.
    func storedDate(_ column: String) -> Date? {
        if let text = self[column] as String?, let date = StoredDate.date(text) { return date }
        return self[column] as Date?
    }
}
