import Foundation

extension CivilDate {
    /// The instant of a day and a time of day in Bangkok.
    public func instant(hour: Int, minute: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .bangkok
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
    }

    /// Reads "2024-10-15 09:30", "15/10/2567 09.30" or "15/10/2567 09.30 น."
    /// as a Bangkok instant; nil for anything else.
    public static func bangkokInstant(_ text: String) -> Date? {
        let parts = ThaiText.clean(text).replacingOccurrences(of: " น.", with: "").split(separator: " ")
        guard parts.count == 2, let day = CivilDate(thaiInput: String(parts[0])) else { return nil }
        let time = ThaiText.answerKey(String(parts[1])).split(whereSeparator: { $0 == ":" || $0 == "." })
        guard time.count == 2, let hour = Int(time[0]), let minute = Int(time[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
            return nil
        }
        return day.instant(hour: hour, minute: minute)
    }
}

/// Times of day as Thai documents write them: "09.30 น.".
public enum ThaiTime {
    /// "09.30 น." for an instant in Bangkok.
    public static func short(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .bangkok
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0
        return "\(hour < 10 ? "0" : "")\(hour).\(minute < 10 ? "0" : "")\(minute) น."
    }
}
