import Foundation

/// How the API's JSON is read: RFC 3339 instants without Foundation's
/// leniency. `2024-02-30` or `T24:00` would otherwise roll over into another
/// day, and a session would be stored for a date nobody typed; such values are
/// refused. The server reads request bodies with it, and the fuzzer does too.
public enum APIJSON {
    /// The instant, or nil when the text is not a real calendar date and time.
    public static func date(_ text: String) -> Date? {
        guard let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})/),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
              let hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6) else { return nil }
        var offset = 0
        if match.8 != "Z" {
            let sign = match.8.first == "-" ? -1 : 1
            guard let hours = Int(match.8.dropFirst().prefix(2)), let minutes = Int(match.8.suffix(2)), hours < 24, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        var calendar = Calendar(identifier: .gregorian)
        guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        calendar.timeZone = zone
        let wanted = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: wanted) else { return nil }
        // Foundation rolls 30 February into March: what comes back must be what was asked.
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard back.year == year, back.month == month, back.day == day, back.hour == hour, back.minute == minute, back.second == second else {
            return nil
        }
        let fraction = match.7.flatMap { Double("0" + $0) } ?? 0
        return date.addingTimeInterval(fraction)
    }

    /// A JSON decoder whose dates are read by `date(_:)`.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = date(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not a date and time such as 2024-11-07T09:00:00+07:00")
            }
            return date
        }
        return decoder
    }
}
